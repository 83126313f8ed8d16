import type * as Y from 'yjs';
import { risksOfSystem } from '../../../shared/assessments/index.ts';
import {
  riskBand,
  riskScore,
  type PendingChanges,
} from '../../../shared/documents/registry/index.ts';
import { useRisks } from '../risks/use-risks.ts';
import { assessmentHref } from './assessment-href.ts';
import { kindLabel } from './assessment-words.ts';
import { useAssessmentIndex } from './use-assessments.ts';
import { ChangeMarkList } from './significant-change/ChangeMarkList.tsx';
import { reviewDueLabel } from './significant-change/significant-change-words.ts';
import { usePendingChanges } from './significant-change/use-significant-changes.ts';

/**
 * The assessments and risks of one record, for the record page. The risks are read by the one
 * function every module uses (risksOfSystem), so this list, the register, the pre-filled
 * sections and the sign-off checks name the same risks.
 */
export function RecordAssessments({ registry, recordId }: { registry: Y.Doc; recordId: string }) {
  const { assessments } = useAssessmentIndex(registry);
  const { risks } = useRisks(registry);
  const mine = assessments.filter((entry) => entry.recordId === recordId);
  const named = risksOfSystem(risks.values(), recordId);
  const pending = usePendingChanges(registry);
  return (
    <>
      {mine.length === 0 ? (
        <p className="muted">
          No assessment yet. Start a risk or impact assessment of this system from{' '}
          <a href="#/assessments">Assessments</a>.
        </p>
      ) : (
        <ul aria-label="Assessments">
          {mine.map((entry) => (
            <li key={entry.id}>
              <a href={assessmentHref(entry.id)}>{entry.title}</a>{' '}
              <span className="muted">({kindLabel(entry.kind)})</span>
              <PendingChange row={pending.find((row) => row.assessment.id === entry.id)} />
            </li>
          ))}
        </ul>
      )}
      {named.length === 0 ? (
        <p className="muted">
          No risk in the <a href="#/risks">risk register</a> names this system.
        </p>
      ) : (
        <ul aria-label="Risks">
          {named.map((risk) => {
            const score = riskScore(risk.likelihood, risk.impact);
            return (
              <li key={risk.id}>
                <a href="#/risks">{risk.description}</a>{' '}
                <span className="muted">
                  (score {score}, {riskBand(score)}
                  {risk.controls.length > 0 ? `; controls ${risk.controls.join(', ')}` : ''})
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

/** CHG4: an assessment's unreviewed significant changes, under its name on the record page. */
function PendingChange({ row }: { row: PendingChanges | undefined }) {
  if (!row) return null;
  return (
    <div className="record-change-due">
      <span className="change-due-badge">{reviewDueLabel(row.assessment.kind)}</span>
      <ChangeMarkList marks={row.marks} />
    </div>
  );
}
