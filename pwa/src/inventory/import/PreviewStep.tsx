import {
  countOutcomes,
  type ImportPlan,
  type RowOutcome,
} from '../../../../shared/inventory/import/index.ts';

/** Rows listed in the preview; the counts above always cover every row. */
export const SHOWN_ROWS = 200;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One line that accounts for every row of the file. */
export function outcomeLine(plan: ImportPlan): string {
  const counts = countOutcomes(plan);
  return [
    plural(plan.rows.length, 'row', 'rows'),
    plural(counts.created, 'new record', 'new records'),
    plural(counts.updated, 'update', 'updates'),
    `${counts.skipped} skipped`,
  ].join(' · ');
}

function outcomeText(row: RowOutcome, plan: ImportPlan): string {
  if (row.outcome === 'skipped') return 'Skipped';
  if (row.outcome === 'created') return 'New record';
  const target = row.record === undefined ? undefined : plan.records[row.record];
  return target?.existingId ? `Updates “${target.fields.name}”` : 'Joins an earlier row';
}

/** Step 3: what each row does — creates, updates (which record) or is skipped (why). */
export function PreviewStep({ plan }: { plan: ImportPlan }) {
  // Skipped rows and rows with warnings first: they are what a lead must read.
  const notable = plan.rows.filter((r) => r.outcome === 'skipped' || r.warnings.length > 0);
  const plain = plan.rows.filter((r) => r.outcome !== 'skipped' && r.warnings.length === 0);
  const shown = [...notable, ...plain].slice(0, SHOWN_ROWS);
  return (
    <div className="import-step">
      <p className="import-summary" role="status">
        {outcomeLine(plan)}
      </p>
      {plan.customFields.length > 0 && (
        <p className="muted">Kept as custom fields: {plan.customFields.join(', ')}.</p>
      )}
      <table className="import-table import-preview" aria-label="What each row does">
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Name</th>
            <th scope="col">Outcome</th>
            <th scope="col">Notes</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.row} data-outcome={row.outcome}>
              <td>{row.row}</td>
              <td>{row.name ?? '—'}</td>
              <td>{outcomeText(row, plan)}</td>
              <td>
                {[row.reason, ...row.warnings].filter(Boolean).map((note) => (
                  <div key={note}>{note}</div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {plan.rows.length > SHOWN_ROWS && (
        <p className="muted">…and {plan.rows.length - SHOWN_ROWS} more rows, counted above.</p>
      )}
    </div>
  );
}
