import type { EntryValues, FieldSpec, RegisterSpec } from '../../../shared/documents/aims/index.ts';

/**
 * What the entry dialog holds while someone types: text per field (dates as YYYY-MM-DD, people
 * one per line), flags as booleans and id sets as lists. Converted to an entry's values only on
 * save, where the writer checks them and says what it refuses.
 */
export type EntryForm = Record<string, string | boolean | string[]>;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** YYYY-MM-DD → the day's first millisecond, UTC. Throws a clear error for anything else. */
export function parseDay(label: string, text: string): number {
  const match = DAY_PATTERN.exec(text);
  const time = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (!match || new Date(time).toISOString().slice(0, 10) !== text) {
    throw new RangeError(`${label} must be a date (YYYY-MM-DD)`);
  }
  return time;
}

export const dayText = (time: number) => new Date(time).toISOString().slice(0, 10);

function emptyOf(field: FieldSpec): string | boolean | string[] {
  if (field.kind === 'flag') return false;
  if (field.kind === 'ids') return [];
  if (field.kind === 'enum') return field.required ? (field.values[0] ?? '') : '';
  return '';
}

/** The form for an entry (or a new one when `values` is undefined). */
export function formOf(register: RegisterSpec, values: EntryValues | undefined): EntryForm {
  const form: EntryForm = {};
  for (const field of register.fields) {
    const value = values?.[field.key];
    if (value === undefined) form[field.key] = emptyOf(field);
    else if (field.kind === 'date' && typeof value === 'number') form[field.key] = dayText(value);
    else if (field.kind === 'people' && Array.isArray(value)) form[field.key] = value.join('\n');
    else form[field.key] = typeof value === 'number' ? String(value) : value;
  }
  return form;
}

/** The form as an entry's values: empty optional fields left out, text trimmed at its ends. */
export function valuesOf(register: RegisterSpec, form: EntryForm): EntryValues {
  const values: EntryValues = {};
  for (const field of register.fields) {
    const raw = form[field.key];
    if (field.kind === 'flag') {
      if (raw === true) values[field.key] = true;
      // Scope items say "out" as plainly as "in": false is kept, not left unsaid.
      else if (field.key === 'included') values[field.key] = false;
      continue;
    }
    if (field.kind === 'ids') {
      if (Array.isArray(raw) && raw.length > 0) values[field.key] = raw;
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (field.kind === 'people') {
      const people = [...new Set(text.split('\n').map((line) => line.trim()))].filter(Boolean);
      if (people.length > 0) values[field.key] = people;
      continue;
    }
    if (text === '') {
      // A required field left empty goes to the writer, which names it in its refusal.
      if ((field.kind === 'text' || field.kind === 'enum') && field.required)
        values[field.key] = '';
      continue;
    }
    values[field.key] = field.kind === 'date' ? parseDay(field.label, text) : text;
  }
  return values;
}

const sameFormValue = (a: EntryForm[string] | undefined, b: EntryForm[string] | undefined) =>
  Array.isArray(a) && Array.isArray(b)
    ? a.length === b.length && a.every((item, i) => item === b[i])
    : a === b;

/**
 * What to save when the dialog closes: only the fields this person changed, laid over the entry
 * as it is now (`current`), so a change someone else made to another field while the dialog was
 * open is kept, not overwritten with what the dialog showed when it opened. Sets merge: items
 * this person added or removed are applied to the current set.
 */
export function valuesToSave(
  register: RegisterSpec,
  opened: EntryForm,
  form: EntryForm,
  current: EntryValues | undefined,
): EntryValues {
  const mine = valuesOf(register, form);
  const before = valuesOf(register, opened);
  const values: EntryValues = {};
  for (const field of register.fields) {
    const key = field.key;
    let value = mine[key];
    // A new entry (nothing there yet) is saved as the dialog shows it, defaults included.
    if (current === undefined) value = mine[key];
    else if (sameFormValue(opened[key], form[key])) value = current[key];
    else if (field.kind === 'ids' || field.kind === 'people') {
      const had = new Set((before[key] as string[] | undefined) ?? []);
      const has = new Set((mine[key] as string[] | undefined) ?? []);
      const merged = new Set((current[key] as string[] | undefined) ?? []);
      for (const item of had) if (!has.has(item)) merged.delete(item);
      for (const item of has) merged.add(item);
      value = merged.size > 0 ? [...merged] : undefined;
    }
    if (value !== undefined) values[key] = value;
  }
  return values;
}
