import type * as Y from 'yjs';

/**
 * A record field that holds one value (text, a choice, a number), stored so that a concurrent
 * overwrite is never lost silently (rule RC1 in docs/sync.md).
 *
 * A Y.Map key keeps one of two values set at once and drops the other without a trace. So each
 * writer stores its value under a key of its own, `<field>@<its Yjs client id>`, and deletes every
 * other key of the field it can see (the legacy plain `<field>` key included). Two writers who did
 * not see each other's value each delete only what they saw, so both their keys survive the merge:
 * a field with two different values is a conflict, shown with both values until a lead picks one
 * (which writes it again, deleting both). A cleared field is `null`, so a clear is kept the same way.
 * Documents from before schema 2 hold the plain `<field>` key: it reads as one more version.
 */

export const VERSION_MARK = '@';

/** The key this replica writes a field's value under. */
export function versionKey(field: string, doc: Y.Doc): string {
  return `${field}${VERSION_MARK}${doc.clientID.toString(36)}`;
}

/** The field a stored key belongs to (`owner@k3x9` → `owner`, `owner` → `owner`). */
export function fieldOfKey(key: string): string {
  const at = key.indexOf(VERSION_MARK);
  return at < 0 ? key : key.slice(0, at);
}

/**
 * Every stored value of each field, read in one pass over the record's keys (forEach: a list of
 * records reads thousands of these, and an iterator per record shows in its time). A plain
 * `<field>` key (schema 1) is collected by the caller, which knows the fields.
 */
export function storedVersions(record: Y.Map<unknown>): Map<string, Array<[string, unknown]>> {
  const byField = new Map<string, Array<[string, unknown]>>();
  record.forEach((value, key) => {
    const at = key.indexOf(VERSION_MARK);
    if (at < 0) return;
    const field = key.slice(0, at);
    const list = byField.get(field);
    if (list) list.push([key, value]);
    else byField.set(field, [[key, value]]);
  });
  // The order is the keys' (not the map's insertion order, which differs between replicas).
  for (const list of byField.values()) {
    if (list.length > 1) list.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }
  return byField;
}

/** The keys holding a field's values now. */
function keysOf(record: Y.Map<unknown>, field: string): string[] {
  const prefix = `${field}${VERSION_MARK}`;
  return [...record.keys()].filter((key) => key === field || key.startsWith(prefix));
}

/** The distinct values a field holds (undefined for a cleared one), in key order. */
export function registerValues(record: Y.Map<unknown>, field: string): unknown[] {
  const values: unknown[] = [];
  const keys = keysOf(record, field).sort();
  for (const key of keys) {
    const value = record.get(key);
    const shown = value === null ? undefined : value;
    if (!values.includes(shown)) values.push(shown);
  }
  return values;
}

/**
 * Writes a field's value (undefined clears it) under this replica's key, deleting every other
 * value of the field it sees. Writes nothing when the field already holds just this value.
 * Returns whether it wrote.
 */
export function writeRegister(
  record: Y.Map<unknown>,
  field: string,
  value: string | number | undefined,
  doc: Y.Doc,
): boolean {
  const keys = keysOf(record, field);
  const values = registerValues(record, field);
  if (values.length <= 1 && (values[0] ?? undefined) === value) return false;
  const own = versionKey(field, doc);
  for (const key of keys) if (key !== own) record.delete(key);
  // A clear is written too (null): deleting the key would let a concurrent value win unseen.
  record.set(own, value ?? null);
  return true;
}
