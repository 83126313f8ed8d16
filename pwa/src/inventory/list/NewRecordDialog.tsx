import { memo, useState, type FormEvent } from 'react';
import { useRouteAction } from '../../router/route-action.ts';
import type * as Y from 'yjs';
import { CATEGORIES, CATEGORY_LABELS } from '../../../../shared/catalog/schema.ts';
import {
  createRecord,
  LIFECYCLES,
  type RecordFields,
} from '../../../../shared/documents/registry/index.ts';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { lifecycleLabel } from './inventory-rows.ts';
import { newRecordId } from './new-record-id.ts';

interface Props {
  registry: Y.Doc;
  me: string;
  now: () => number;
  /** Called with the new record's id (the list navigates to it). */
  onCreated(id: string): void;
}

const EMPTY = { name: '', vendor: '', category: '', purpose: '', owner: '', lifecycle: '' };

/** Builds the fields from the form: blanks left out, text trimmed. */
function fieldsOf(form: typeof EMPTY): RecordFields {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(form)) {
    if (value.trim() !== '') fields[key] = value.trim();
  }
  return fields as unknown as RecordFields;
}

/** "New record": a system the extensions cannot see, such as AI built in-house. */
export const NewRecordDialog = memo(function NewRecordDialog({
  registry,
  me,
  now,
  onCreated,
}: Props) {
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState<string>();
  // "New record" from the palette: `#/inventory?do=new-record`.
  useRouteAction('new-record', () => {
    setForm(EMPTY);
    setError(undefined);
    setOpen(true);
  });
  const text = (key: keyof typeof EMPTY) => ({
    value: form[key],
    onChange: (event: { target: { value: string } }) =>
      setForm((current) => ({ ...current, [key]: event.target.value })),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (form.name.trim() === '') {
      setError('A record needs a name.');
      return;
    }
    const id = newRecordId();
    try {
      createRecord(registry, id, fieldsOf(form), me, now());
    } catch (failure) {
      setError(`Not created: ${failure instanceof Error ? failure.message : String(failure)}`);
      return;
    }
    setOpen(false);
    onCreated(id);
  }

  return (
    <FormDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setForm(EMPTY);
          setError(undefined);
        }
      }}
      trigger={
        <button type="button" className="primary">
          New record
        </button>
      }
      title="New record"
      description="For an AI system the extensions cannot see, such as one built in-house."
      onSubmit={submit}
      error={error}
      submitLabel="Create record"
      className="new-record-dialog"
    >
      <label>
        Name (required)
        <input {...text('name')} required aria-required="true" maxLength={200} />
      </label>
      <label>
        Vendor
        <input {...text('vendor')} maxLength={200} placeholder="In-house" />
      </label>
      <label>
        Category
        <select {...text('category')}>
          <option value="">Not set</option>
          {CATEGORIES.map((id) => (
            <option key={id} value={id}>
              {CATEGORY_LABELS[id]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Purpose
        <textarea {...text('purpose')} rows={3} maxLength={2000} />
      </label>
      <label>
        Business owner
        <input {...text('owner')} maxLength={200} />
      </label>
      <label>
        Lifecycle
        <select {...text('lifecycle')}>
          <option value="">Not set</option>
          {LIFECYCLES.map((id) => (
            <option key={id} value={id}>
              {lifecycleLabel(id)}
            </option>
          ))}
        </select>
      </label>
    </FormDialog>
  );
});
