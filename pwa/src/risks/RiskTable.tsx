import type { ReactNode } from 'react';
import type { Risk } from '../../../shared/documents/registry/index.ts';
import { day } from '../../../shared/assessments/index.ts';
import { recordHref } from '../inventory/list/record-href.ts';
import { BAND_LABELS, STATUS_LABELS, TREATMENT_LABELS, type RiskRow } from './risk-rows.ts';

interface Props {
  rows: readonly RiskRow[];
  canEdit: boolean;
  onEdit(risk: Risk): void;
  onRemove(risk: Risk): void;
  /** A risk's comments button (CMT7), for every reader. */
  comments?: (risk: Risk, ref: string | undefined) => ReactNode;
}

/** The register as a plain table (cards on a phone): a register holds tens of risks, not thousands. */
export function RiskTable({ rows, canEdit, onEdit, onRemove, comments }: Props) {
  const actions = canEdit || comments !== undefined;
  if (rows.length === 0) return <p className="muted">No risk matches.</p>;
  return (
    <div className="risk-table-wrap" tabIndex={0} role="region" aria-label="Risks">
      <table className="risk-table table-cards">
        <thead>
          <tr>
            <th scope="col">Ref.</th>
            <th scope="col">Risk</th>
            <th scope="col">Source</th>
            <th scope="col">Systems</th>
            <th scope="col">Likelihood</th>
            <th scope="col">Impact</th>
            <th scope="col">Score</th>
            <th scope="col">Owner</th>
            <th scope="col">Treatment</th>
            <th scope="col">Annex A controls</th>
            <th scope="col">Status</th>
            <th scope="col">Due</th>
            {actions && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ risk, ref, sourceLabel, systems, score, band }) => (
            <tr key={risk.id}>
              <td className="risk-ref" data-label="Ref.">
                {ref ?? <span className="muted">new</span>}
              </td>
              <th scope="row" className="risk-description">
                {risk.description}
              </th>
              <td data-label="Source">{sourceLabel}</td>
              <td data-label="Systems">
                {systems.length === 0 && <span className="muted">None</span>}
                {systems.map((system, i) => (
                  <span key={system.id}>
                    {i > 0 && ', '}
                    {system.known ? (
                      <a href={recordHref(system.id)}>{system.name}</a>
                    ) : (
                      <span className="muted">{system.name} (no record)</span>
                    )}
                  </span>
                ))}
              </td>
              <td data-label="Likelihood">{risk.likelihood}</td>
              <td data-label="Impact">{risk.impact}</td>
              <td data-label="Score">
                <span className={`risk-band risk-band-${band}`}>
                  {score} {BAND_LABELS[band]}
                </span>
              </td>
              <td data-label="Owner">{risk.owner ?? <span className="muted">Not set</span>}</td>
              <td data-label="Treatment">{TREATMENT_LABELS[risk.treatment]}</td>
              <td data-label="Annex A controls">
                {risk.controls.join(', ') || <span className="muted">None</span>}
              </td>
              <td data-label="Status">{STATUS_LABELS[risk.status]}</td>
              <td data-label="Due">
                {risk.dueDate === undefined ? (
                  <span className="muted">None</span>
                ) : (
                  <time dateTime={day(risk.dueDate)}>{day(risk.dueDate)}</time>
                )}
              </td>
              {actions && (
                <td className="risk-actions">
                  {comments?.(risk, ref)}
                  {canEdit && (
                    <>
                      <button
                        type="button"
                        onClick={() => onEdit(risk)}
                        aria-label={`Edit ${risk.description.slice(0, 80)}`}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        onClick={() => onRemove(risk)}
                        aria-label={`Remove ${risk.description.slice(0, 80)}`}
                      >
                        Remove
                      </button>
                    </>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
