import type * as Y from 'yjs';
import { addProblem } from '../schema/problems.ts';
import { readBoolean, readEnum, readString, readTimestamp } from '../schema/read.ts';
import { readStringSet } from '../schema/read-lists.ts';
import { isId } from '../schema/values.ts';
import { isRequirementRef } from '../../iso42001/clauses.ts';
import { checkText, checkTimestamp, setIfChanged, syncTrueSet } from '../schema/write.ts';

/**
 * The fields of an AIMS register entry, described once: the writer checks and writes them, the
 * reader reads them without trust, the exports and the PWA's forms list them, all from the same
 * description. Every field is its own key in the entry's nested map, so two leads editing
 * different fields of one entry both win; sets are `item → true` maps, so concurrent adds merge.
 */
export type FieldSpec =
  | { kind: 'text'; key: string; label: string; max: number; required?: boolean; long?: boolean }
  | { kind: 'enum'; key: string; label: string; values: readonly string[]; required?: boolean }
  | { kind: 'date'; key: string; label: string }
  | { kind: 'flag'; key: string; label: string }
  /**
   * A set of entry ids: inventory records, risks, roles, other registers' entries (`of` names
   * what they point at); `requirements` are clause and Annex A ids (`9.2`, `A.6.2.4`).
   */
  | { kind: 'ids'; key: string; label: string; of: LinkTarget; max: number }
  /** A set of people, named as the workspace names them (1–200 characters each). */
  | { kind: 'people'; key: string; label: string; max: number };

export type LinkTarget =
  | 'records'
  | 'risks'
  | 'roles'
  | 'requirements'
  | 'audits'
  | 'nonconformities'
  | 'reviews'
  | 'suppliers'
  | 'supplierQuestions';

/** Whether `item` can be a link to `of`: a requirement reference or an entry id. */
const linkAccepts = (of: LinkTarget) => (of === 'requirements' ? isRequirementRef : isId);

export type FieldValue = string | number | boolean | string[];
/** An entry's values by field key; an optional field left out is cleared. */
export type EntryValues = Record<string, FieldValue | undefined>;

export const MAX_PERSON_NAME = 200;
const isPerson = (name: string) => name.trim() !== '' && name.length <= MAX_PERSON_NAME;

function checkSet(label: string, value: unknown, max: number, accept: (item: string) => boolean) {
  if (!Array.isArray(value) || new Set(value).size > max) {
    throw new RangeError(`${label} must be a list of at most ${max} items`);
  }
  for (const item of value) {
    if (typeof item !== 'string' || !accept(item)) {
      throw new RangeError(`${label}: ${JSON.stringify(String(item)).slice(0, 80)} is not valid`);
    }
  }
}

/** Throws a clear error (naming the field by its label) for the first value a writer refuses. */
export function checkValues(fields: readonly FieldSpec[], values: EntryValues): void {
  if (typeof values !== 'object' || values === null) throw new TypeError('nothing to save');
  const known = new Set(fields.map((field) => field.key));
  for (const key of Object.keys(values)) {
    if (!known.has(key)) throw new RangeError(`${key.slice(0, 80)} is not a field of this entry`);
  }
  for (const field of fields) {
    const value = values[field.key];
    const required = (field.kind === 'text' || field.kind === 'enum') && field.required;
    if (value === undefined) {
      if (required) throw new RangeError(`${field.label} is required`);
      continue;
    }
    switch (field.kind) {
      case 'text':
        checkText(field.label, value, { min: required ? 1 : 0, max: field.max });
        if (required && value.trim() === '') throw new RangeError(`${field.label} is required`);
        break;
      case 'enum':
        if (typeof value !== 'string' || !field.values.includes(value))
          throw new RangeError(`${field.label}: not one of ${field.values.join(', ')}`);
        break;
      case 'date':
        checkTimestamp(field.label, value);
        break;
      case 'flag':
        if (typeof value !== 'boolean') throw new TypeError(`${field.label} must be yes or no`);
        break;
      case 'ids':
        checkSet(field.label, value, field.max, linkAccepts(field.of));
        break;
      case 'people':
        checkSet(field.label, value, field.max, isPerson);
        break;
    }
  }
}

/** Writes checked values into an entry's map; one boolean per field: whether it changed. */
export function writeValues(
  map: Y.Map<unknown>,
  fields: readonly FieldSpec[],
  values: EntryValues,
): boolean[] {
  return fields.map((field) => {
    const value = values[field.key];
    if (field.kind === 'ids' || field.kind === 'people') {
      return syncTrueSet(map, field.key, (value as string[] | undefined) ?? []);
    }
    // An empty optional text is no value: cleared, not stored as ''.
    const stored = field.kind === 'text' && value === '' ? undefined : value;
    return setIfChanged(map, field.key, stored as string | number | boolean | undefined);
  });
}

/**
 * Reads an entry's fields without trust: a value of the wrong shape is left out and listed. An
 * entry missing a required field is unreadable (undefined, listed) rather than shown half-empty.
 */
export function readValues(
  map: Y.Map<unknown>,
  fields: readonly FieldSpec[],
  path: string,
  problems: string[],
): EntryValues | undefined {
  const values: EntryValues = {};
  let missing = false;
  for (const field of fields) {
    let value: FieldValue | undefined;
    switch (field.kind) {
      case 'text':
        value = readString(map, field.key, problems, {
          path,
          max: field.max,
          required: field.required ?? false,
        });
        if (field.required && (value === undefined || value.trim() === '')) missing = true;
        break;
      case 'enum':
        value = readEnum(map, field.key, field.values, problems, {
          path,
          required: field.required ?? false,
        });
        if (field.required && value === undefined) missing = true;
        break;
      case 'date':
        value = readTimestamp(map, field.key, problems, { path });
        break;
      case 'flag':
        value = readBoolean(map, field.key, problems, { path });
        break;
      case 'ids':
        value = readStringSet(map, field.key, problems, {
          path,
          maxItems: field.max,
          accept: linkAccepts(field.of),
        });
        break;
      case 'people':
        value = readStringSet(map, field.key, problems, {
          path,
          maxItems: field.max,
          maxLength: MAX_PERSON_NAME,
          accept: isPerson,
        });
        break;
    }
    if (value !== undefined) values[field.key] = value;
  }
  if (missing) {
    addProblem(problems, `${path}: unreadable entry; skipped`);
    return undefined;
  }
  return values;
}

/** A field's value as text, for exports and tables: dates as days, sets joined by "; ". */
export function valueText(field: FieldSpec, value: FieldValue | undefined): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.join('; ');
  if (field.kind === 'date' && typeof value === 'number') {
    return new Date(value).toISOString().slice(0, 10);
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}
