import * as Y from 'yjs';
import { addProblem, joinPath } from '../schema/problems.ts';
import { readString, readTimestamp } from '../schema/read.ts';
import { readRecords } from '../schema/read-lists.ts';
import { isId } from '../schema/values.ts';
import { ensureWritable } from '../schema/version.ts';
import { readRecordClassification } from './classification.ts';
import { appendHistory, fieldChange, latestEntry } from './history.ts';
import {
  FIELD_NAMES,
  RECORD_FIELDS,
  checkField,
  readField,
  readRegister,
  writeField,
} from './fields.ts';
import { fieldOfKey, registerValues, storedVersions, versionKey } from './field-register.ts';
import {
  HISTORY,
  MAX_PERSON,
  NOTES,
  RECORDS,
  REGISTRY_SCHEMA,
  type ChangeValue,
  type FieldChange,
  type RecordFields,
  type RecordPatch,
  type RegistryRecord,
} from './schema.ts';
import { checkAuthor } from './authored.ts';
import { markSignificantChange } from './significant-change.ts';
import {
  ARCHIVED,
  DELETED,
  MERGED_INTO,
  readStamp,
  type RemovedRecord,
} from './record-lifecycle.ts';

/** Checks every field of a patch (unknown names are refused: they are typos or newer fields). */
function checkPatch(patch: RecordPatch): void {
  for (const [name, value] of Object.entries(patch)) {
    if (!Object.hasOwn(RECORD_FIELDS, name)) throw new RangeError(`unknown record field: ${name}`);
    if (value === undefined) continue;
    if (value === null && name === 'name') throw new RangeError('a record keeps its name');
    if (value !== null) checkField(name, RECORD_FIELDS[name as keyof RecordFields], value);
  }
}

/** Creates a record with a caller-chosen id. Throws, changing nothing, on bad input or a taken id. */
export function createRecord(
  doc: Y.Doc,
  id: string,
  fields: RecordFields,
  by: string,
  at: number,
): void {
  if (!isId(id)) throw new RangeError('record id must be 1–64 letters, digits, _ or -');
  checkField('name', RECORD_FIELDS.name, fields.name);
  checkPatch(fields);
  checkAuthor(by, at);
  const records = doc.getMap<unknown>(RECORDS);
  if (records.get(id) instanceof Y.Map) throw new Error(`record ${id} already exists`);
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    const record = new Y.Map<unknown>();
    records.set(id, record);
    for (const name of FIELD_NAMES) {
      if (fields[name] !== undefined) {
        writeField(record, name, RECORD_FIELDS[name], fields[name], doc);
      }
    }
    // Made with the record, by its one creator: two leads adding the first note or history
    // entry at once then write into the same containers (see schema.ts).
    record.set(NOTES, new Y.Map<unknown>());
    record.set(HISTORY, new Y.Array<unknown>());
    ensureSets(record);
    record.set('createdAt', at);
    record.set('createdBy', by);
    record.set('updatedAt', at);
    record.set('updatedBy', by);
  });
}

/**
 * Makes the Y.Map of every set field that has none (an empty set is no key): two leads adding the
 * first item of a set at once would otherwise each create one, and Yjs keeps only one of them.
 */
export function ensureSets(record: Y.Map<unknown>): boolean {
  let wrote = false;
  for (const name of FIELD_NAMES) {
    if (RECORD_FIELDS[name].kind !== 'set' || record.has(name)) continue;
    record.set(name, new Y.Map<unknown>());
    wrote = true;
  }
  return wrote;
}

/** What a field holds now, as the history records it (a set's members; a value or null). */
export function currentValue(record: Y.Map<unknown>, name: keyof RecordFields): ChangeValue {
  if (RECORD_FIELDS[name].kind === 'set') {
    const value = record.get(name);
    if (!(value instanceof Y.Map)) return [];
    return [...value.entries()].filter(([, flag]) => flag === true).map(([item]) => item);
  }
  const value = registerValues(record, name).findLast((v) => v !== undefined);
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}

/**
 * Applies a patch, writing only the fields whose value changes, with one history entry holding
 * each change from → to, whole. Who changed the record last is that entry (see readRecord).
 * Returns whether anything changed. Throws, changing nothing, on bad input or an unknown record.
 */
export function updateRecord(
  doc: Y.Doc,
  id: string,
  patch: RecordPatch,
  by: string,
  at: number,
): boolean {
  checkPatch(patch);
  checkAuthor(by, at);
  const record = doc.getMap<unknown>(RECORDS).get(id);
  if (!(record instanceof Y.Map)) throw new Error(`no record ${id}`);
  if (record.has(MERGED_INTO) || record.has(DELETED)) {
    throw new Error(`record ${id} was merged or deleted`);
  }
  const changes: FieldChange[] = [];
  let wrote = false;
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    for (const name of FIELD_NAMES) {
      const value = patch[name];
      if (value === undefined) continue;
      const spec = RECORD_FIELDS[name];
      const before = currentValue(record, name);
      if (writeField(record, name, spec, value, doc)) {
        wrote = true;
        const change = fieldChange(name, before, currentValue(record, name), spec.kind === 'set');
        if (change) changes.push(change);
      }
    }
    // A settled conflict writes the value that was already shown: still a decision, kept.
    if (wrote) appendHistory(record, { at, by, action: 'edited', changes });
    // In the same transaction: the change never travels without its re-assessment mark (CHG1).
    markSignificantChange(doc, id, changes, by, at);
  });
  return wrote;
}

/** A record keeps whatever is readable; a damaged name shows as the id (reported). */
export function readRecord(map: Y.Map<unknown>, id: string, path: string, problems: string[]) {
  const record: Record<string, unknown> = { id };
  const versions = storedVersions(map);
  const conflicts: Record<string, unknown[]> = {};
  for (const name of FIELD_NAMES) {
    const spec = RECORD_FIELDS[name];
    let value: unknown;
    if (spec.kind === 'set') value = readField(map, name, spec, problems, path);
    else {
      const stored = versions.get(name) ?? [];
      const legacy = map.get(name);
      if (legacy !== undefined) stored.push([name, legacy]);
      const read = readRegister(stored, name, spec, problems, path);
      value = read.value;
      if (read.conflict) conflicts[name] = read.conflict;
    }
    if (value !== undefined) record[name] = value;
  }
  if (Object.keys(conflicts).length > 0) record.conflicts = conflicts;
  if (record.name === undefined) {
    addProblem(problems, `${path}.name: missing or unreadable; showing the id`);
    record.name = id;
  }
  const person = (key: string) =>
    readString(map, key, problems, { path, max: MAX_PERSON, required: true }) ?? '';
  const time = (key: string) => readTimestamp(map, key, problems, { path, required: true }) ?? 0;
  record.createdAt = time('createdAt');
  record.createdBy = person('createdBy');
  record.updatedAt = time('updatedAt');
  record.updatedBy = person('updatedBy');
  // Edits since schema 2 leave who and when to their history entry only (two keys fewer a change).
  const latest = latestEntry(map);
  if (latest && latest.at >= (record.updatedAt as number)) {
    record.updatedAt = latest.at;
    record.updatedBy = latest.by;
  }
  const classification = readRecordClassification(map, path, problems);
  if (classification !== undefined) record.classification = classification;
  const archived = readStamp(map, ARCHIVED, problems, path);
  if (archived !== undefined) record.archived = archived;
  const mergedInto = map.get(MERGED_INTO);
  if (typeof mergedInto === 'string' && isId(mergedInto)) record.mergedInto = mergedInto;
  const deleted = readStamp(map, DELETED, problems, path);
  if (deleted !== undefined) record.deleted = deleted;
  return [id, record as unknown as RegistryRecord] as const;
}

export function readRegistryRecords(
  map: Y.Map<unknown>,
  problems: string[],
): Map<string, RegistryRecord> {
  return new Map(
    readRecords(map, RECORDS, problems, isId, (record, id, path) =>
      readRecord(record, id, path, problems),
    ),
  );
}

/** Splits what was read into the records and those merged away or deleted (record-lifecycle.ts). */
export function splitRemoved(all: Iterable<readonly [string, RegistryRecord]>): {
  records: Map<string, RegistryRecord>;
  removed: Map<string, RemovedRecord>;
} {
  const records = new Map<string, RegistryRecord>();
  const removed = new Map<string, RemovedRecord>();
  for (const [id, record] of all) {
    if (record.mergedInto === undefined && record.deleted === undefined) {
      records.set(id, record);
      continue;
    }
    const gone: RemovedRecord = { id, name: record.name };
    if (record.mergedInto !== undefined) gone.mergedInto = record.mergedInto;
    if (record.deleted !== undefined) gone.deleted = record.deleted;
    removed.set(id, gone);
  }
  return { records, removed };
}

/** One record, read without trust (problems are dropped): for a writer's fresh view of a set. */
export function readRegistryRecord(doc: Y.Doc, id: string): RegistryRecord | undefined {
  const map = doc.getMap<unknown>(RECORDS).get(id);
  if (!isId(id) || !(map instanceof Y.Map)) return undefined;
  return readRecord(map, id, joinPath(RECORDS, id), [])[1];
}

/**
 * Settles a field that two writers set at once (RegistryRecord.conflicts): writes the value the
 * lead chose (null clears), which removes every other, and keeps both values in the history.
 * Throws, changing nothing, on bad input, an unknown record, or a field in no conflict.
 */
export function resolveField(
  doc: Y.Doc,
  id: string,
  field: keyof RecordFields,
  chosen: string | number | null,
  by: string,
  at: number,
): void {
  checkPatch({ [field]: chosen });
  checkAuthor(by, at);
  const spec = RECORD_FIELDS[field];
  if (spec.kind === 'set') throw new RangeError(`${field} merges item by item; nothing to settle`);
  const map = doc.getMap<unknown>(RECORDS).get(id);
  if (!(map instanceof Y.Map)) throw new Error(`no record ${id}`);
  const values = readRegistryRecord(doc, id)?.conflicts?.[field];
  if (values === undefined) throw new Error(`${field} holds one value: nothing to settle`);
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    // Written even when it equals the value shown: the other one must go.
    for (const key of [...map.keys()]) if (fieldOfKey(key) === field) map.delete(key);
    map.set(versionKey(field, doc), chosen);
    const from = values.map((value) => (value === undefined ? '(none)' : String(value)));
    appendHistory(map, {
      at,
      by,
      action: 'resolved',
      changes: [{ field, from, to: chosen }],
    });
  });
}
