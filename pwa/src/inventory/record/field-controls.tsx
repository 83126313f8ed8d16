import { useState, type KeyboardEvent } from 'react';
import { PersonInput } from '../../people/PersonInput.tsx';

/**
 * The record page's editable controls. Each saves through a callback that returns an error
 * message (or nothing) and keeps what the person typed when saving fails.
 */

/** Saves a value; returns why it could not, or undefined when it saved. */
export type Save<T> = (value: T) => string | undefined;

interface TextFieldProps {
  label: string;
  value: string | undefined;
  onSave: Save<string>;
  multiline?: boolean;
  numeric?: boolean;
  /** A person's name: offered from the workspace's people (PersonInput). */
  person?: boolean;
}

/**
 * Text saved on blur or Enter (Ctrl+Enter in a multi-line field); Escape drops the draft. The
 * stored value shows live until the person types; from then on their draft is never replaced, and
 * a change someone else made meanwhile is pointed out.
 */
export function TextField({
  label,
  value = '',
  onSave,
  multiline,
  numeric,
  person,
}: TextFieldProps) {
  const [draft, setDraft] = useState<{ text: string; base: string } | null>(null);
  const [error, setError] = useState<string>();
  const commit = () => {
    if (draft === null) return;
    const problem = draft.text === value ? undefined : onSave(draft.text);
    setError(problem);
    if (problem === undefined) setDraft(null);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && draft !== null) {
      event.preventDefault();
      setDraft(null);
      setError(undefined);
    } else if (event.key === 'Enter' && (!multiline || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      commit();
    }
  };
  const common = {
    value: draft?.text ?? value,
    onChange: (event: { target: { value: string } }) =>
      setDraft({ text: event.target.value, base: draft?.base ?? value }),
    onBlur: commit,
    onKeyDown,
    'aria-invalid': error ? true : undefined,
  };
  return (
    <div className="record-field">
      <label>
        <span className="record-field-label">{label}</span>
        {multiline ? (
          <textarea rows={3} {...common} />
        ) : person ? (
          <PersonInput
            {...common}
            // Named by its label alone: the note on an unknown name sits inside the label too.
            aria-label={label}
            onValue={(text) => common.onChange({ target: { value: text } })}
          />
        ) : (
          <input type="text" inputMode={numeric ? 'numeric' : undefined} {...common} />
        )}
      </label>
      {draft !== null && draft.base !== value && (
        <p className="record-field-note">
          Someone else changed this to “{value || '(empty)'}” while you were typing. Saving keeps
          yours; Escape takes theirs.
        </p>
      )}
      {error && (
        <p role="alert" className="record-field-error">
          {error}
        </p>
      )}
    </div>
  );
}

interface SelectFieldProps<T extends string> {
  label: string;
  value: T | undefined;
  options: ReadonlyArray<readonly [T, string]>;
  onSave: Save<T | null>;
}

/** A choice saved as soon as it is made; "—" clears it. */
export function SelectField<T extends string>({
  label,
  value,
  options,
  onSave,
}: SelectFieldProps<T>) {
  const [error, setError] = useState<string>();
  return (
    <div className="record-field">
      <label>
        <span className="record-field-label">{label}</span>
        <select
          value={value ?? ''}
          onChange={(event) => setError(onSave((event.target.value || null) as T | null))}
        >
          <option value="">—</option>
          {options.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p role="alert" className="record-field-error">
          {error}
        </p>
      )}
    </div>
  );
}

interface ChipSetProps {
  legend: string;
  /** What one item is called, for the controls' names ("department"). */
  noun: string;
  items: string[];
  onAdd: Save<string>;
  onRemove: Save<string>;
}

/** A set of items as chips, each with a remove button, and a field to add one. */
export function ChipSet({ legend, noun, items, onAdd, onRemove }: ChipSetProps) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string>();
  const add = () => {
    const item = draft.trim();
    if (item === '') return;
    const problem = items.includes(item) ? undefined : onAdd(item);
    setError(problem);
    if (problem === undefined) setDraft('');
  };
  return (
    <fieldset className="record-field chip-set">
      <legend>{legend}</legend>
      {items.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ul aria-label={legend}>
          {items.map((item) => (
            <li key={item} className="chip">
              <span>{item}</span>
              <button
                type="button"
                aria-label={`Remove ${noun} ${item}`}
                onClick={() => setError(onRemove(item))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="chip-add">
        <label>
          <span className="visually-hidden">Add a {noun}</span>
          <input
            type="text"
            value={draft}
            placeholder={`Add a ${noun}`}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              }
            }}
          />
        </label>
        <button type="button" onClick={add}>
          Add {noun}
        </button>
      </div>
      {error && (
        <p role="alert" className="record-field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

interface CheckboxSetProps<T extends string> {
  legend: string;
  options: ReadonlyArray<readonly [T, string]>;
  checked: readonly T[];
  onToggle: (item: T, on: boolean) => string | undefined;
}

/** A set chosen from a fixed list, one checkbox each, saved on every change. */
export function CheckboxSet<T extends string>({
  legend,
  options,
  checked,
  onToggle,
}: CheckboxSetProps<T>) {
  const [error, setError] = useState<string>();
  return (
    <fieldset className="record-field checkbox-set">
      <legend>{legend}</legend>
      {options.map(([id, name]) => (
        <label key={id} className="check">
          <input
            type="checkbox"
            checked={checked.includes(id)}
            onChange={(event) => setError(onToggle(id, event.target.checked))}
          />{' '}
          {name}
        </label>
      ))}
      {error && (
        <p role="alert" className="record-field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
