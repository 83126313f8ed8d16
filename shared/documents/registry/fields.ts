import type * as Y from 'yjs';
import type { Fields } from '../schema/read-core.ts';
import { CATEGORIES } from '../../catalog/schema.ts';
import { readEnum, readNumber, readString } from '../schema/read.ts';
import { readStringSet } from '../schema/read-lists.ts';
import { DATA_CATEGORIES, isDataCategory, isToolKey } from '../schema/values.ts';
import { checkText, syncTrueSet } from '../schema/write.ts';
import { writeRegister } from './field-register.ts';
import { LIFECYCLES, type RecordFields } from './schema.ts';

/** How each record field is checked, stored and read: one line per field. */
type FieldSpec =
  | { kind: 'text'; max: number }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'count' }
  /** Stored as a Y.Map of item → true, so leads adding different items at once both win. */
  | { kind: 'set'; maxItems: number; maxLength?: number; accept?: (item: string) => boolean };

export const RECORD_FIELDS: Record<keyof RecordFields, FieldSpec> = {
  name: { kind: 'text', max: 200 },
  vendor: { kind: 'text', max: 200 },
  category: { kind: 'enum', values: CATEGORIES },
  purpose: { kind: 'text', max: 2000 },
  owner: { kind: 'text', max: 200 },
  lifecycle: { kind: 'enum', values: LIFECYCLES },
  departments: { kind: 'set', maxItems: 100, maxLength: 100 },
  userCount: { kind: 'count' },
  dataCategories: { kind: 'set', maxItems: DATA_CATEGORIES.length, accept: isDataCategory },
  toolKeys: { kind: 'set', maxItems: 500, maxLength: 300, accept: isToolKey },
  model: { kind: 'text', max: 200 },
  provider: { kind: 'text', max: 200 },
};

export const FIELD_NAMES = Object.keys(RECORD_FIELDS) as Array<keyof RecordFields>;

/** Throws a clear error for a value the field cannot hold. */
export function checkField(name: string, spec: FieldSpec, value: unknown): void {
  switch (spec.kind) {
    case 'text':
      checkText(name, value, { min: 1, max: spec.max });
      return;
    case 'enum':
      if (!spec.values.includes(value as string)) throw new RangeError(`${name}: unknown value`);
      return;
    case 'count':
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
        throw new RangeError(`${name} must be a whole number ≥ 0`);
      }
      return;
    case 'set': {
      const max = spec.maxLength ?? 200;
      const ok = (item: unknown) =>
        typeof item === 'string' &&
        item.length > 0 &&
        item.length <= max &&
        (spec.accept?.(item) ?? true);
      if (!Array.isArray(value) || new Set(value).size > spec.maxItems || !value.every(ok)) {
        throw new RangeError(`${name} must be at most ${spec.maxItems} valid items`);
      }
    }
  }
}

/**
 * Writes one field if it changed; null or an empty set removes it. True when it wrote. A set
 * merges item by item; a single value is a register that keeps concurrent values (field-register.ts).
 */
export function writeField(
  map: Y.Map<unknown>,
  name: string,
  spec: FieldSpec,
  value: unknown,
  doc: Y.Doc,
) {
  if (spec.kind === 'set') return syncTrueSet(map, name, (value as string[] | null) ?? []);
  return writeRegister(map, name, (value ?? undefined) as string | number | undefined, doc);
}

/** A single-valued field as read: the value shown and, when writers disagreed, every value. */
export interface RegisterRead {
  value: unknown;
  /** Two or more (undefined for a cleared one): a concurrent overwrite a lead has to settle. */
  conflict?: unknown[];
}

/**
 * Reads a single-valued field from its stored versions ([key, value] in key order): each is
 * checked as the field's own value; unreadable ones are reported and left out.
 */
export function readRegister(
  versions: ReadonlyArray<readonly [string, unknown]>,
  name: string,
  spec: FieldSpec,
  problems: string[],
  path: string,
): RegisterRead {
  if (versions.length === 1 && versions[0]![1] !== null) {
    // The usual case, without the lists.
    const only: Fields = { get: () => versions[0]![1] };
    return { value: readField(only, name, spec, problems, path) };
  }
  const values: unknown[] = [];
  for (const [, stored] of versions) {
    let value: unknown;
    if (stored !== null) {
      const one: Fields = { get: () => stored };
      value = readField(one, name, spec, problems, path);
      if (value === undefined) continue; // reported by readField
    }
    if (!values.includes(value)) values.push(value);
  }
  // The shown value: the last set one in key order, so every replica shows the same.
  const shown = values.findLast((value) => value !== undefined);
  return values.length > 1 ? { value: shown, conflict: values } : { value: shown };
}

export function readField(
  map: Fields,
  name: string,
  spec: FieldSpec,
  problems: string[],
  path: string,
): unknown {
  switch (spec.kind) {
    case 'text':
      return readString(map, name, problems, { path, max: spec.max });
    case 'enum':
      return readEnum(map, name, spec.values, problems, { path });
    case 'count':
      return readNumber(map, name, problems, { path, integer: true, min: 0 });
    case 'set':
      return readStringSet(map, name, problems, { path, ...spec }) ?? [];
  }
}
