/** Something a control can treat: a record or a risk. */
export interface Pickable {
  id: string;
  label: string;
}

interface Props {
  label: string;
  items: readonly Pickable[];
  chosen: readonly string[];
  disabled?: boolean;
  onChange(chosen: string[]): void;
}

/** A set of checkboxes folded into a disclosure: open it to pick, the summary says how many. */
export function SoaPicker({ label, items, chosen, disabled, onChange }: Props) {
  return (
    <details className="soa-picker">
      <summary>
        {label} ({chosen.length})
      </summary>
      <fieldset disabled={disabled}>
        <legend className="visually-hidden">{label}</legend>
        {items.length === 0 && <p className="muted">None to pick yet.</p>}
        {items.map((item) => (
          <label key={item.id} className="check">
            <input
              type="checkbox"
              checked={chosen.includes(item.id)}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? [...new Set([...chosen, item.id])]
                    : chosen.filter((x) => x !== item.id),
                )
              }
            />
            {item.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
