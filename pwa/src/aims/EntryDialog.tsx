import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import {
  readAimsRegister,
  saveAimsEntry,
  type AimsEntry,
  type EntryValues,
  type FieldSpec,
  type RegisterSpec,
} from '../../../shared/documents/aims/index.ts';
import { newRecordId } from '../inventory/list/new-record-id.ts';
import { FormDialog } from '../ui/FormDialog.tsx';
import { formOf, valuesToSave, type EntryForm } from './entry-form.ts';
import type { LinkOptions } from './link-options.ts';
import { optionWords } from './aims-words.ts';

interface Props {
  registry: Y.Doc;
  register: RegisterSpec;
  /** The entry being edited; undefined for a new one. */
  entry: AimsEntry | undefined;
  links: LinkOptions;
  me: string;
  now: () => number;
  onClose(): void;
  /** A new entry's values filled in beforehand (a supplier file from its catalog tool); saved as typed. */
  initial?: EntryValues;
}

/** Text fields that name one person: they offer the workspace's people. */
const PERSON_FIELDS = new Set(['owner', 'person', 'auditor', 'approvedBy']);

const toggle = (list: string[], item: string, on: boolean) =>
  on ? [...new Set([...list, item])] : list.filter((x) => x !== item);

/** Add or edit one entry of a register. A refused save says why and changes nothing. */
export function EntryDialog({
  registry,
  register,
  entry,
  links,
  me,
  now,
  onClose,
  initial,
}: Props) {
  const [opened] = useState<EntryForm>(() => formOf(register, entry?.values));
  const [form, setForm] = useState<EntryForm>(() =>
    initial === undefined ? opened : formOf(register, initial),
  );
  const [error, setError] = useState<string>();
  const set = (key: string, value: EntryForm[string]) =>
    setForm((current) => ({ ...current, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const id = entry?.id ?? register.singleEntry ?? newRecordId();
      // The entry as it is now: someone may have changed it while this dialog was open.
      const current = readAimsRegister(registry, register).entries.find((e) => e.id === id);
      const values = valuesToSave(register, opened, form, current?.values);
      saveAimsEntry(registry, register, id, values, me, now());
    } catch (failure) {
      setError(`Not saved: ${failure instanceof Error ? failure.message : String(failure)}.`);
      return;
    }
    onClose();
  }

  function input(field: FieldSpec) {
    const value = form[field.key];
    const text = typeof value === 'string' ? value : '';
    const required = (field.kind === 'text' || field.kind === 'enum') && field.required;
    const label = required ? `${field.label} (required)` : field.label;
    switch (field.kind) {
      case 'flag':
        return (
          <label key={field.key} className="aims-check">
            <input
              type="checkbox"
              checked={value === true}
              onChange={(event) => set(field.key, event.target.checked)}
            />
            {field.label}
          </label>
        );
      case 'ids': {
        const chosen = Array.isArray(value) ? value : [];
        const options = links[field.of];
        return (
          <fieldset key={field.key} className="aims-links">
            <legend>{field.label}</legend>
            {options.length === 0 && <p className="muted small">None in this workspace yet.</p>}
            {options.map((option) => (
              <label key={option.id} className="aims-check">
                <input
                  type="checkbox"
                  checked={chosen.includes(option.id)}
                  onChange={(event) =>
                    set(field.key, toggle(chosen, option.id, event.target.checked))
                  }
                />
                {option.name}
              </label>
            ))}
          </fieldset>
        );
      }
      case 'enum':
        return (
          <label key={field.key}>
            {label}
            <select value={text} onChange={(event) => set(field.key, event.target.value)}>
              {!required && <option value="">—</option>}
              {field.values.map((option) => (
                <option key={option} value={option}>
                  {optionWords(option)}
                </option>
              ))}
            </select>
          </label>
        );
      case 'date':
        return (
          <label key={field.key}>
            {label}
            <input
              type="date"
              value={text}
              onChange={(event) => set(field.key, event.target.value)}
            />
          </label>
        );
      case 'people':
        return (
          <label key={field.key}>
            {field.label} (one per line)
            <textarea
              rows={3}
              value={text}
              onChange={(event) => set(field.key, event.target.value)}
            />
          </label>
        );
      case 'text':
        return (
          <label key={field.key}>
            {label}
            {field.long ? (
              <textarea
                rows={3}
                maxLength={field.max}
                value={text}
                onChange={(event) => set(field.key, event.target.value)}
              />
            ) : (
              <input
                maxLength={field.max}
                value={text}
                list={PERSON_FIELDS.has(field.key) ? 'aims-people' : undefined}
                onChange={(event) => set(field.key, event.target.value)}
              />
            )}
          </label>
        );
    }
  }

  const adding = entry === undefined && register.singleEntry === undefined;
  return (
    <FormDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={adding ? `New ${register.noun}` : `Edit ${register.noun}`}
      description={`ISO/IEC 42001 clause ${register.clause}: ${register.title}.`}
      onSubmit={submit}
      error={error}
      submitLabel={adding ? `Add ${register.noun}` : 'Save'}
      size="wide"
      className="aims-dialog"
    >
      {register.fields.map(input)}
      <datalist id="aims-people">
        {links.people.map((person) => (
          <option key={person} value={person} />
        ))}
      </datalist>
    </FormDialog>
  );
}
