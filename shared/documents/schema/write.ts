import * as Y from 'yjs';
import { MAX_TIMESTAMP } from './values.ts';

/**
 * Write helpers that touch the document only when a value really changes: every `set` is an
 * update sent to every replica and kept in its history, so unchanged values are never rewritten.
 */

/** A JSON value as Yjs stores it outside shared types. */
export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** Deep equality for JSON values (plain arrays and objects, key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof Y.AbstractType || b instanceof Y.AbstractType) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  return (
    aKeys.length === bKeys.length &&
    aKeys.every(
      (key) =>
        Object.hasOwn(b, key) &&
        jsonEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
    )
  );
}

/** Sets `key` unless it already holds an equal value; undefined deletes. True when it wrote. */
export function setIfChanged(
  map: Y.Map<unknown>,
  key: string,
  value: JsonValue | undefined,
): boolean {
  if (value === undefined) {
    if (!map.has(key)) return false;
    map.delete(key);
    return true;
  }
  if (jsonEqual(map.get(key), value)) return false;
  map.set(key, value);
  return true;
}

/** The nested Y.Map at `key`, created (replacing whatever wrong shape was there) when missing. */
export function childMap(parent: Y.Map<unknown>, key: string): Y.Map<unknown> {
  const existing = parent.get(key);
  if (existing instanceof Y.Map) return existing;
  const created = new Y.Map<unknown>();
  parent.set(key, created);
  return created;
}

/**
 * Makes the Y.Map of `item → true` at `key` hold exactly `items`: adds the missing, deletes the
 * rest. Only differences are written, so concurrent edits of different items merge.
 */
export function syncTrueSet(parent: Y.Map<unknown>, key: string, items: Iterable<string>): boolean {
  const wanted = new Set(items);
  const existing = parent.get(key);
  if (!(existing instanceof Y.Map) && wanted.size === 0) {
    return setIfChanged(parent, key, undefined);
  }
  const set = childMap(parent, key);
  let changed = set !== existing;
  for (const [item, flag] of [...set.entries()]) {
    if (!wanted.has(item) || flag !== true) {
      set.delete(item);
      changed = true;
    }
  }
  for (const item of wanted) {
    if (set.get(item) !== true) {
      set.set(item, true);
      changed = true;
    }
  }
  return changed;
}

/** Throws a clear error for text the writers refuse: not a string, too long, or failing `pattern`. */
export function checkText(
  what: string,
  value: unknown,
  { max, min = 0, pattern }: { max: number; min?: number; pattern?: RegExp },
): asserts value is string {
  if (typeof value !== 'string') throw new TypeError(`${what} must be text`);
  if (value.length < min || value.length > max) {
    throw new RangeError(`${what} must be ${min}–${max} characters, got ${value.length}`);
  }
  if (pattern && !pattern.test(value)) throw new RangeError(`${what} is not valid`);
}

/** Whether `value` is a whole number of epoch milliseconds. */
export const isTimestamp = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_TIMESTAMP;

/** Throws unless `value` is a whole number of epoch milliseconds. */
export function checkTimestamp(what: string, value: unknown): asserts value is number {
  if (!isTimestamp(value)) throw new RangeError(`${what} must be epoch milliseconds`);
}
