import {
  FIELD_LABELS,
  IMPORT_FIELDS,
  type ColumnTarget,
  type ImportSetup,
} from '../../../../shared/inventory/import/index.ts';

interface Props {
  setup: ImportSetup;
  onChange(label: string, target: ColumnTarget): void;
}

/** The first value a column holds, as an example beside its header. */
function example(setup: ImportSetup, column: number): string {
  const cell = setup.table.rows.find((row) => (row.cells[column] ?? '').trim() !== '');
  const text = cell?.cells[column]?.trim() ?? '';
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** Step 1: where each column goes — a record field, a custom field, or nowhere. */
export function ColumnStep({ setup, onChange }: Props) {
  const { labels } = setup.table;
  return (
    <fieldset className="import-step">
      <legend>Columns</legend>
      <p className="muted">
        Suggested from the headers. A column no field takes is kept on each record as a custom field
        of the same name.
      </p>
      <table className="import-table">
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col" className="import-example">
              Example
            </th>
            <th scope="col">Goes to</th>
          </tr>
        </thead>
        <tbody>
          {labels.map((label, i) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="muted import-example">{example(setup, i)}</td>
              <td>
                <select
                  aria-label={`Column ${label} goes to`}
                  value={setup.targets[i]}
                  onChange={(event) => onChange(label, event.target.value as ColumnTarget)}
                >
                  {IMPORT_FIELDS.map((field) => (
                    <option key={field} value={field}>
                      {FIELD_LABELS[field]}
                    </option>
                  ))}
                  <option value="custom">Custom field “{label}”</option>
                  <option value="ignore">Leave out</option>
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}
