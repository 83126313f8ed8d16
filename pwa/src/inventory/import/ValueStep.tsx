import { DATA_CATEGORY_LABELS } from '../../../../shared/assessments/prefill.ts';
import { CATEGORY_LABELS } from '../../../../shared/catalog/schema.ts';
import {
  ENUM_FIELDS,
  ENUM_VALUES,
  FIELD_LABELS,
  type EnumField,
  type ImportSetup,
} from '../../../../shared/inventory/import/index.ts';
import { LIFECYCLE_LABELS } from '../record/record-words.ts';

const VALUE_LABELS: Record<EnumField, Record<string, string>> = {
  lifecycle: LIFECYCLE_LABELS,
  category: CATEGORY_LABELS,
  dataCategories: DATA_CATEGORY_LABELS,
};
const LEAVE_EMPTY = '';

interface Props {
  setup: ImportSetup;
  onChange(field: EnumField, value: string, target: string | null): void;
}

/** Whether the file has values to map (a column fills lifecycle, category or data categories). */
export const hasValueStep = (setup: ImportSetup) =>
  ENUM_FIELDS.some((field) => (setup.distinct[field]?.length ?? 0) > 0);

/** Step 2: each distinct value of an enumerated field, and the value it becomes. */
export function ValueStep({ setup, onChange }: Props) {
  return (
    <div className="import-step">
      <p className="muted">
        Each value found, with a suggestion. A value left empty leaves its cells empty; the text is
        kept as a custom field and the row says so.
      </p>
      {ENUM_FIELDS.map((field) => {
        const found = setup.distinct[field];
        if (!found || found.length === 0) return null;
        return (
          <fieldset key={field}>
            <legend>{FIELD_LABELS[field]}</legend>
            <table className="import-table">
              <tbody>
                {found.map(({ value, rows }) => (
                  <tr key={value}>
                    <th scope="row">
                      {value}{' '}
                      <span className="muted">({rows === 1 ? '1 row' : `${rows} rows`})</span>
                    </th>
                    <td>
                      <select
                        aria-label={`${FIELD_LABELS[field]} “${value}” becomes`}
                        value={setup.values[field]?.[value] ?? LEAVE_EMPTY}
                        onChange={(event) =>
                          onChange(
                            field,
                            value,
                            event.target.value === LEAVE_EMPTY ? null : event.target.value,
                          )
                        }
                      >
                        <option value={LEAVE_EMPTY}>Leave empty</option>
                        {ENUM_VALUES[field].map((target) => (
                          <option key={target} value={target}>
                            {VALUE_LABELS[field][target] ?? target}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </fieldset>
        );
      })}
    </div>
  );
}
