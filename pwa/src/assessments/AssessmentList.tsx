import { useMemo } from 'react';
import type * as Y from 'yjs';
import { formatDay } from '../inventory/classification-words.ts';
import { recordHref } from '../inventory/list/record-href.ts';
import { useRegistry } from '../sync/documents.ts';
import type { OpenedAssessment } from '../sync/assessment-documents.ts';
import { assessmentHref } from './assessment-href.ts';
import { kindLabel } from './assessment-words.ts';
import { ListedProgress } from './progress/ListedProgress.tsx';
import { NewAssessmentDialog } from './NewAssessmentDialog.tsx';
import { useApprovals, useAssessmentIndex } from './use-assessments.ts';
import { assessmentReview } from '../dashboard/reviews-due.ts';
import { useGovernance } from '../settings/use-governance.ts';
import { useTierScheme } from '../settings/use-tier-scheme.ts';
import { nextReviewWords, statusWords } from './assessment-status.ts';
import './assessments.css';

interface Props {
  registry: Y.Doc | undefined;
  /** Leads and admins: they write the registry, where the list is kept. */
  canCreate: boolean;
  openAssessment: (id: string) => OpenedAssessment;
  me: string;
  now?: () => number;
  navigate?: (hash: string) => void;
}

const goTo = (hash: string) => void (window.location.hash = hash);

/** `#/assessments`: every assessment of the workspace, newest first. */
export function AssessmentList({ registry, canCreate, openAssessment, me, ...options }: Props) {
  const { now = Date.now, navigate = goTo } = options;
  const { assessments } = useAssessmentIndex(registry);
  const records = useRegistry(registry).records;
  const { approvals } = useApprovals(registry);
  const tierScheme = useTierScheme(registry);
  const { reviewMonths } = useGovernance(registry);
  const at = now();
  const reviews = useMemo(
    () =>
      new Map(
        assessments.map((entry) => [
          entry.id,
          assessmentReview(entry, { approvals, records, tierScheme, now: at, reviewMonths }),
        ]),
      ),
    // The list is not a clock: it is worked out again when a document changes.
    [assessments, approvals, records, tierScheme, reviewMonths],
  );
  const byName = useMemo(
    () => [...records.values()].sort((a, b) => a.name.localeCompare(b.name)),
    [records],
  );
  return (
    <div className="assessments">
      <div className="assessments-header">
        <h1>Assessments</h1>
        {canCreate && registry && (
          <NewAssessmentDialog
            registry={registry}
            records={byName}
            openAssessment={openAssessment}
            me={me}
            now={now}
            onCreated={(id) => navigate(assessmentHref(id))}
          />
        )}
      </div>
      {assessments.length === 0 ? (
        <p className="muted">
          No assessments yet.{' '}
          {canCreate
            ? 'Start one with “New assessment”.'
            : 'A lead starts them; you can co-edit them here.'}
        </p>
      ) : (
        <table className="assessments-table table-cards">
          <thead>
            <tr>
              <th scope="col">Assessment</th>
              <th scope="col">Kind</th>
              <th scope="col">AI system</th>
              <th scope="col">System owner</th>
              <th scope="col">Progress</th>
              <th scope="col">Status</th>
              <th scope="col">Next review</th>
              <th scope="col">Started</th>
            </tr>
          </thead>
          <tbody>
            {assessments.map((entry) => (
              <tr key={entry.id}>
                <th scope="row">
                  <a href={assessmentHref(entry.id)}>{entry.title}</a>
                </th>
                <td data-label="Kind">{kindLabel(entry.kind)}</td>
                <td data-label="AI system">
                  <a href={recordHref(entry.recordId)}>
                    {records.get(entry.recordId)?.name ?? `record ${entry.recordId}`}
                  </a>
                </td>
                <td data-label="System owner">
                  {records.get(entry.recordId)?.owner || <span className="muted">None</span>}
                </td>
                <td data-label="Progress">
                  <ListedProgress openAssessment={openAssessment} id={entry.id} />
                </td>
                <td data-label="Status">{statusWords(reviews.get(entry.id))}</td>
                <td data-label="Next review">{nextReviewWords(reviews.get(entry.id))}</td>
                <td data-label="Started">
                  {formatDay(entry.createdAt)} by {entry.createdBy}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
