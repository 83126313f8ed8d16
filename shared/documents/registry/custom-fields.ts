import * as Y from 'yjs';
import { addProblem, describe, joinPath } from '../schema/problems.ts';
import { topMap } from '../schema/read.ts';
import { byCodeUnit, isId } from '../schema/values.ts';
import { ensureWritable } from '../schema/version.ts';
import { checkText } from '../schema/write.ts';
import { checkAuthor } from './authored.ts';
import { appendHistory, describeChange } from './history.ts';
import { RECORDS, REGISTRY_SCHEMA } from './schema.ts';

/**
 * Named fields a record keeps beyond the registry's own — the columns of an imported spreadsheet
 * that no record field holds ("Bureau", "Companies House Number", "Wettelijke basis"), so that an
 * import keeps every column it was given. One flat top-level map, one key per record and field:
 *
 *   customFields  '<recordId>/<field name>' → text
 *
 * Flat keys, not a nested Y.Map per record: two leads importing into one record at once would
 * each create the record's map and Yjs keeps only one of them (see tier-scheme.ts). A record id
 * never holds '/', so the first '/' splits the key. Readers trust nothing: a key that is not a
 * record id and a name, or a value that is not text within the limits, is skipped and reported.
 */
export const CUSTOM_FIELDS = 'customFields';
export const MAX_CUSTOM_FIELDS_PER_RECORD = 100;
export const MAX_CUSTOM_NAME = 200;
export const MAX_CUSTOM_VALUE = 4000;

export interface CustomField {
  name: string;
  value: string;
}

const keyOf = (recordId: string, name: string) => `${recordId}/${name}`;

/** A field name as stored: trimmed, inner whitespace (line breaks in a header) as one space. */
export const customFieldName = (name: string) => name.replace(/\s+/g, ' ').trim();

function checkName(name: string): void {
  checkText('custom field name', name, { min: 1, max: MAX_CUSTOM_NAME });
  if (customFieldName(name) !== name)
    throw new RangeError(`custom field name "${name}" has untrimmed spaces`);
}

/**
 * The names each record has, per custom-fields map: built once, then kept by the writer and by an
 * observer (remote changes), so that a writer never scans every record's fields — an import of
 * 10,000 rows would otherwise scan the whole map once per record.
 */
const namesIndex = new WeakMap<Y.Map<unknown>, Map<string, Set<string>>>();

function indexKey(index: Map<string, Set<string>>, key: string, present: boolean): void {
  const slash = key.indexOf('/');
  if (slash < 1) return;
  const recordId = key.slice(0, slash);
  const names = index.get(recordId) ?? new Set<string>();
  if (present) names.add(key.slice(slash + 1));
  else names.delete(key.slice(slash + 1));
  if (names.size > 0) index.set(recordId, names);
  else index.delete(recordId);
}

function namesByRecord(map: Y.Map<unknown>): Map<string, Set<string>> {
  let index = namesIndex.get(map);
  if (!index) {
    const built = new Map<string, Set<string>>();
    for (const key of map.keys()) indexKey(built, key, true);
    map.observe((event) => {
      for (const key of event.keysChanged) indexKey(built, key, map.has(key));
    });
    namesIndex.set(map, built);
    index = built;
  }
  return index;
}

/**
 * Sets (text) or clears (null) some custom fields of a record, writing only those that change, and
 * one history entry naming them. Throws, changing nothing, on bad input, an unknown record or a
 * record past MAX_CUSTOM_FIELDS_PER_RECORD. Returns whether anything changed.
 */
export function setCustomFields(
  doc: Y.Doc,
  recordId: string,
  fields: Readonly<Record<string, string | null>>,
  by: string,
  at: number,
): boolean {
  checkAuthor(by, at);
  if (!isId(recordId) || !(doc.getMap<unknown>(RECORDS).get(recordId) instanceof Y.Map)) {
    throw new Error(`no record ${recordId}`);
  }
  const map = doc.getMap<unknown>(CUSTOM_FIELDS);
  const stored = (name: string) => {
    const value = map.get(keyOf(recordId, name));
    return typeof value === 'string' ? value : undefined;
  };
  const changes: Array<[string, string | null]> = [];
  for (const [name, value] of Object.entries(fields)) {
    checkName(name);
    if (value !== null) {
      checkText(`custom field "${name}"`, value, { min: 1, max: MAX_CUSTOM_VALUE });
    }
    if ((stored(name) ?? null) !== value) changes.push([name, value]);
  }
  const index = namesByRecord(map);
  const names = new Set(index.get(recordId));
  for (const [name, value] of changes) {
    if (value === null) names.delete(name);
    else names.add(name);
  }
  if (names.size > MAX_CUSTOM_FIELDS_PER_RECORD) {
    throw new RangeError(`a record keeps at most ${MAX_CUSTOM_FIELDS_PER_RECORD} custom fields`);
  }
  if (changes.length === 0) return false;
  const summary = changes
    .map(([name, value]) => describeChange(name, stored(name), value ?? undefined))
    .join('; ');
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    for (const [name, value] of changes) {
      const key = keyOf(recordId, name);
      if (value === null) map.delete(key);
      else map.set(key, value);
      // The observer runs when the outermost transaction ends; later writes in it need this now.
      indexKey(index, key, value !== null);
    }
    const record = doc.getMap<unknown>(RECORDS).get(recordId) as Y.Map<unknown>;
    appendHistory(record, { at, by, action: 'edited', fields: ['customFields'], summary });
  });
  return true;
}

/** Every record's custom fields (by record id; each list by name), read without trust. */
export function readCustomFields(doc: Y.Doc): {
  byRecord: Map<string, CustomField[]>;
  problems: string[];
} {
  const problems: string[] = [];
  const byRecord = new Map<string, CustomField[]>();
  const map = topMap(doc, CUSTOM_FIELDS, problems);
  if (map === undefined) return { byRecord, problems };
  for (const [key, value] of map.entries()) {
    const slash = key.indexOf('/');
    const recordId = key.slice(0, slash);
    const name = key.slice(slash + 1);
    const path = joinPath(CUSTOM_FIELDS, key);
    if (slash < 1 || !isId(recordId) || name === '' || name.length > MAX_CUSTOM_NAME) {
      addProblem(problems, `${path}: not a record's custom field; ignored`);
      continue;
    }
    if (typeof value !== 'string' || value === '' || value.length > MAX_CUSTOM_VALUE) {
      addProblem(
        problems,
        `${path}: expected text of 1–${MAX_CUSTOM_VALUE} characters, got ${describe(value)}`,
      );
      continue;
    }
    const list = byRecord.get(recordId) ?? [];
    if (list.length >= MAX_CUSTOM_FIELDS_PER_RECORD) continue;
    list.push({ name, value });
    byRecord.set(recordId, list);
  }
  for (const list of byRecord.values()) list.sort((a, b) => byCodeUnit(a.name, b.name));
  return { byRecord, problems };
}

/** One record's custom fields, by name. */
export function readRecordCustomFields(doc: Y.Doc, recordId: string): CustomField[] {
  return readCustomFields(doc).byRecord.get(recordId) ?? [];
}
