import { useState } from 'react';
import type * as Y from 'yjs';
import {
  approveManagementReview,
  gatherReviewInputs,
  type ReviewRecord,
} from '../../../shared/documents/aims/index.ts';
import { ReviewInputsView } from './ReviewInputs.tsx';

interface Props {
  registry: Y.Doc;
  review: ReviewRecord;
  /** Whether the signed-in person is in a top-management role (M5, MR2). */
  canApprove: boolean;
  me: string;
  now: () => number;
}

/**
 * A management review's inputs and approval: a draft shows its inputs as the workspace holds them
 * now and, to top management, an Approve button that freezes them; an approved review shows what
 * was approved, by whom and when; an altered one says so.
 */
export function ReviewApproval({ registry, review, canApprove, me, now }: Props) {
  const [error, setError] = useState<string>();
  if (review.state !== 'draft') {
    return (
      <>
        <p className={review.state === 'altered' ? 'aims-badge' : 'small'}>
          {review.state === 'altered'
            ? 'Altered since approval: it no longer matches what was approved.'
            : `Approved by ${review.approvedBy ?? '?'} on ${new Date(review.approvedAt ?? 0).toISOString().slice(0, 10)}; frozen.`}
        </p>
        {review.inputs && <ReviewInputsView inputs={review.inputs} live={false} />}
      </>
    );
  }
  const inputs = gatherReviewInputs(registry, now(), review.id);
  return (
    <>
      <ReviewInputsView inputs={inputs} live />
      {canApprove && (
        <button
          type="button"
          className="primary"
          onClick={() => {
            try {
              approveManagementReview(registry, review.id, me, now());
              setError(undefined);
            } catch (failure) {
              setError(
                `Not approved: ${failure instanceof Error ? failure.message : String(failure)}.`,
              );
            }
          }}
        >
          Approve and freeze
        </button>
      )}
      {error && (
        <p role="alert" className="aims-badge">
          {error}
        </p>
      )}
    </>
  );
}
