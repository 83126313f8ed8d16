import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { CATEGORIES, CATEGORY_LABELS, type Category } from '../../../shared/catalog/schema.ts';
import type { ToolErrors, ToolField, ToolForm as ToolFormValues } from './tool-form.ts';

interface Props {
  /** Where the form starts: empty to add, a tool's values to edit it. */
  initial: ToolFormValues;
  /** True when editing: the id names the tool and cannot change. */
  editing: boolean;
  errors: ToolErrors;
  onSubmit(values: ToolFormValues): void;
  onCancel(): void;
}

/** The fields of one workspace tool; errors show under the field they concern. */
export function ToolForm({ initial, editing, errors, onSubmit, onCancel }: Props) {
  const [values, setValues] = useState(initial);
  const base = useId();
  const set = (field: ToolField, value: string) => setValues((v) => ({ ...v, [field]: value }));
  const count = Object.values(errors).reduce((n, list) => n + list.length, 0);

  function control(field: ToolField, caption: string, input: (props: object) => ReactNode) {
    const problems = errors[field] ?? [];
    const errorId = `${base}-${field}-error`;
    return (
      <div className="tool-field">
        <label>
          {caption}
          {input({
            'aria-invalid': problems.length > 0 || undefined,
            'aria-describedby': problems.length > 0 ? errorId : undefined,
          })}
        </label>
        {problems.length > 0 && (
          <ul className="field-errors" id={errorId}>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        )}
      </div>
    );
  }

  const text = (field: ToolField, caption: string, extra: object = {}) =>
    control(field, caption, (aria) => (
      <input
        type="text"
        value={values[field]}
        onChange={(event) => set(field, event.target.value)}
        {...aria}
        {...extra}
      />
    ));
  const list = (field: ToolField, caption: string, hint: string) =>
    control(field, `${caption} (${hint})`, (aria) => (
      <textarea
        rows={3}
        value={values[field]}
        spellCheck={false}
        onChange={(event) => set(field, event.target.value)}
        {...aria}
      />
    ));

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit(values);
  }

  return (
    <form
      className="tool-form"
      aria-label={editing ? `Edit ${initial.name}` : 'Add a tool'}
      onSubmit={submit}
      noValidate
    >
      <h2>{editing ? `Edit ${initial.name}` : 'Add a tool'}</h2>
      {count > 0 && (
        <div role="alert" className="error">
          Not saved: {count} problem{count === 1 ? '' : 's'} to fix.
          {(errors.form ?? []).map((problem) => (
            <p key={problem}>{problem}</p>
          ))}
        </div>
      )}
      <div className="tool-form-grid">
        {text('id', 'Id', { readOnly: editing, placeholder: 'notes-ai', spellCheck: false })}
        {text('name', 'Name', { maxLength: 100 })}
        {text('vendor', 'Vendor', { maxLength: 100, placeholder: 'Unknown' })}
        {control('category', 'Category', (aria) => (
          <select
            value={values.category}
            onChange={(event) => set('category', event.target.value as Category)}
            {...aria}
          >
            {CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {CATEGORY_LABELS[category]}
              </option>
            ))}
          </select>
        ))}
        {list('hosts', 'Hosts', 'one a line, like notes-ai.example')}
        {list('apiHosts', 'API hosts', 'called from inside other sites')}
        {list('extensionIds', 'Extension ids', 'Chrome, 32 letters a–p')}
      </div>
      <p className="muted hint">
        A tool needs at least one host, API host or extension id. An id of a tool in the built-in
        catalog replaces that entry for this workspace.
      </p>
      <div className="tool-form-actions">
        <button type="submit">{editing ? 'Save tool' : 'Add tool'}</button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
