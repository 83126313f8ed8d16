import type * as Y from 'yjs';
import { assessmentHref } from '../assessments/assessment-href.ts';
import { ChangeMarkList } from '../assessments/significant-change/ChangeMarkList.tsx';
import { reviewDueLabel } from '../assessments/significant-change/significant-change-words.ts';
import { usePendingChanges } from '../assessments/significant-change/use-significant-changes.ts';
import { useRegistry } from '../sync/documents.ts';
import { recordHref } from '../inventory/list/record-href.ts';

/**
 * The dashboard's share of CHG4: every assessment whose system changed significantly since it was
 * started or last reviewed, with the changes — the same list the record and assessment pages show.
 */
export function ChangesDue({ registry }: { registry: Y.Doc | undefined }) {
  const pending = usePendingChanges(registry);
  const { records } = useRegistry(registry);
  return (
    <>
      <h3 id="changes-due">Significant changes to review</h3>
      {pending.length === 0 ? (
        <p className="muted">No assessment has a significant change waiting for review.</p>
      ) : (
        <ul aria-labelledby="changes-due" className="changes-due">
          {pending.map(({ assessment, marks }) => (
            <li key={assessment.id}>
              <a href={assessmentHref(assessment.id)}>{assessment.title}</a> of{' '}
              <a href={recordHref(assessment.recordId)}>
                {records.get(assessment.recordId)?.name ?? assessment.recordId}
              </a>
              : <span className="change-due-badge">{reviewDueLabel(assessment.kind)}</span>
              <ChangeMarkList marks={marks} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
