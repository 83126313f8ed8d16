import * as Y from 'yjs';
import { addProblem, joinPath } from '../schema/problems.ts';
import { readString, readTimestamp } from '../schema/read.ts';
import { readRecords } from '../schema/read-lists.ts';
import { isId } from '../schema/values.ts';
import { ensureWritable } from '../schema/version.ts';
import { setIfChanged } from '../schema/write.ts';
import { readRecordClassification } from './classification.ts';
import { appendHistory, describeChange, snapshotField } from './history.ts';
import { FIELD_NAMES, RECORD_FIELDS, checkField, readField, writeField } from './fields.ts';
import {
  HISTORY,
  MAX_PERSON,
  NOTES,
  RECORDS,
  REGISTRY_SCHEMA,
  type RecordFields,
  type RecordPatch,
  type RegistryRecord,
} from './schema.ts';
import { checkAuthor } from './authored.ts';

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
      if (fields[name] !== undefined) writeField(record, name, RECORD_FIELDS[name], fields[name]);
    }
    // Made with the record, by its one creator: two leads adding the first note or history
    // entry at once then write into the same containers (see schema.ts).
    record.set(NOTES, new Y.Map<unknown>());
    record.set(HISTORY, new Y.Array<unknown>());
    record.set('createdAt', at);
    record.set('createdBy', by);
    record.set('updatedAt', at);
    record.set('updatedBy', by);
  });
}

/**
 * Applies a patch, writing only the fields whose value changes (and then who changed it when,
 * with one history entry naming the changed fields, from → to).
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
  const fields: string[] = [];
  const summary: string[] = [];
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    for (const name of FIELD_NAMES) {
      const value = patch[name];
      if (value === undefined) continue;
      const isSet = RECORD_FIELDS[name].kind === 'set';
      const before = snapshotField(record, name, isSet);
      if (writeField(record, name, RECORD_FIELDS[name], value)) {
        fields.push(name);
        summary.push(describeChange(name, before, snapshotField(record, name, isSet)));
      }
    }
    if (fields.length > 0) {
      setIfChanged(record, 'updatedAt', at);
      setIfChanged(record, 'updatedBy', by);
      appendHistory(record, { at, by, action: 'edited', fields, summary: summary.join('; ') });
    }
  });
  return fields.length > 0;
}

/** A record keeps whatever is readable; a damaged name shows as the id (reported). */
export function readRecord(map: Y.Map<unknown>, id: string, path: string, problems: string[]) {
  const record: Record<string, unknown> = { id };
  for (const name of FIELD_NAMES) {
    const value = readField(map, name, RECORD_FIELDS[name], problems, path);
    if (value !== undefined) record[name] = value;
  }
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
  const classification = readRecordClassification(map, path, problems);
  if (classification !== undefined) record.classification = classification;
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

/** One record, read without trust (problems are dropped): for a writer's fresh view of a set. */
export function readRegistryRecord(doc: Y.Doc, id: string): RegistryRecord | undefined {
  const map = doc.getMap<unknown>(RECORDS).get(id);
  if (!isId(id) || !(map instanceof Y.Map)) return undefined;
  return readRecord(map, id, joinPath(RECORDS, id), [])[1];
}
