import { useState } from 'react';
import type * as Y from 'yjs';
import { accessFor, type Role } from '../../../../shared/auth/access.ts';
import {
  reviewSignificantChange,
  reviewedChanges,
  type ReviewOutcome,
} from '../../../../shared/documents/registry/index.ts';
import { formatDay } from '../../inbox/inbox-rows.ts';
import { useAssessmentIndex } from '../use-assessments.ts';
import { ChangeMarkList } from './ChangeMarkList.tsx';
import { reviewDueLabel } from './significant-change-words.ts';
import { useChangeMarks, usePendingChanges } from './use-significant-changes.ts';

interface Props {
  registry: Y.Doc | undefined;
  assessmentId: string;
  role: Role;
  me: string;
  now: () => number;
}

const OUTCOME_WORDS: Record<ReviewOutcome, string> = {
  reassessed: 'Re-assessed',
  dismissed: 'Not significant for this assessment',
};

/**
 * On the assessment page: the significant changes to its system not reviewed yet (CHG4), and for
 * leads the review that clears them (CHG3) — re-assessed, or dismissed with a reason.
 */
export function SignificantChangePanel({ registry, assessmentId, role, me, now }: Props) {
  const pending = usePendingChanges(registry).find((row) => row.assessment.id === assessmentId);
  const read = useChangeMarks(registry);
  const { assessments } = useAssessmentIndex(registry);
  const [outcome, setOutcome] = useState<ReviewOutcome>('reassessed');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const reviewed = reviewedChanges(read, assessmentId);
  if (!registry || (!pending && reviewed.length === 0)) return null;
  const canReview =
    accessFor({ workspace: 'w', role }, { workspace: 'w', kind: 'registry' }) === 'write';

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!pending) return;
    try {
      reviewSignificantChange(registry, assessments, {
        assessmentId,
        markIds: pending.marks.map((mark) => mark.id),
        outcome,
        ...(note.trim() ? { note: note.trim() } : {}),
        by: me,
        at: now(),
      });
      setNote('');
      setError(undefined);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };

  return (
    <section className="significant-change" aria-labelledby="significant-change-title">
      {pending ? (
        <>
          <h2 id="significant-change-title" className="change-due">
            {reviewDueLabel(pending.assessment.kind)}
          </h2>
          <p>
            The system changed since this assessment was started or last reviewed (ISO/IEC 42001
            8.2, 8.4):
          </p>
          <ChangeMarkList marks={pending.marks} />
          {canReview ? (
            <form onSubmit={submit} className="change-review-form">
              <fieldset>
                <legend>Review these changes</legend>
                {(['reassessed', 'dismissed'] as const).map((value) => (
                  <label key={value}>
                    <input
                      type="radio"
                      name="change-outcome"
                      value={value}
                      checked={outcome === value}
                      onChange={() => setOutcome(value)}
                    />{' '}
                    {OUTCOME_WORDS[value]}
                  </label>
                ))}
              </fieldset>
              <label>
                {outcome === 'dismissed' ? 'Reason (required)' : 'Note (optional)'}
                <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} />
              </label>
              {error ? (
                <p role="alert" className="error">
                  {error}
                </p>
              ) : null}
              <button type="submit">Record review</button>
            </form>
          ) : (
            <p className="muted">A lead records the review that clears this.</p>
          )}
        </>
      ) : (
        <h2 id="significant-change-title">Significant changes</h2>
      )}
      {reviewed.length > 0 ? (
        <details>
          <summary>Reviewed changes ({reviewed.length})</summary>
          <ul>
            {reviewed.map(({ review, mark }) => (
              <li key={mark.id}>
                {OUTCOME_WORDS[review.outcome]} by {review.by} on {formatDay(review.at)}
                {review.note ? `: ${review.note}` : ''}
                <ChangeMarkList marks={[mark]} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
