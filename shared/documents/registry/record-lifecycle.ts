import * as Y from 'yjs';
import { readString, readTimestamp } from '../schema/read.ts';
import { isId } from '../schema/values.ts';
import { ensureWritable } from '../schema/version.ts';
import { checkText, childMap, setIfChanged } from '../schema/write.ts';
import { ASSESSMENTS } from './assessment-index.ts';
import { checkAuthor } from './authored.ts';
import { FIELD_NAMES, RECORD_FIELDS } from './fields.ts';
import { fieldOfKey } from './field-register.ts';
import { appendHistory, entryObject, historyArray } from './history.ts';
import { currentValue, readRegistryRecord } from './records.ts';
import { RISKS } from './risks.ts';
import {
  HISTORY,
  MAX_HISTORY,
  MAX_REASON,
  NOTES,
  RECORDS,
  REGISTRY_SCHEMA,
  TRIAGE,
  type FieldChange,
} from './schema.ts';

/**
 * Correcting the inventory (rule RC3 in docs/sync.md): a record can be archived (kept, hidden from
 * the lists, restorable), merged into another (its detections, notes, history, risks, assessments
 * and triage follow; the merged record stays as a pointer), or deleted by an admin with a reason
 * (the record keeps its name and history, nothing else). Each is a history entry.
 *
 *   archived     { by, at, reason? }       on an archived record
 *   mergedInto   recordId                  on a record merged into another
 *   deleted      { by, at, reason }        on a deleted record
 *
 * Merged and deleted records are read as `Registry.removed`, never as records, so every list,
 * count and export leaves them out without knowing about them.
 */

export const ARCHIVED = 'archived';
export const MERGED_INTO = 'mergedInto';
export const DELETED = 'deleted';

export interface Stamp {
  by: string;
  at: number;
  reason?: string;
}

/** A record that is no longer one: merged into another, or deleted. */
export interface RemovedRecord {
  id: string;
  name: string;
  mergedInto?: string;
  deleted?: Stamp;
}

function liveRecord(doc: Y.Doc, id: string): Y.Map<unknown> {
  const record = doc.getMap<unknown>(RECORDS).get(id);
  if (!(record instanceof Y.Map)) throw new Error(`no record ${id}`);
  if (record.has(MERGED_INTO) || record.has(DELETED)) {
    throw new Error(`record ${id} was merged or deleted`);
  }
  return record;
}

function checkReason(reason: unknown, required: boolean): string | undefined {
  if (reason === undefined && !required) return undefined;
  checkText('reason', reason, { max: MAX_REASON });
  const trimmed = reason.trim();
  if (trimmed === '') {
    if (required) throw new RangeError('say why');
    return undefined;
  }
  return trimmed;
}

/** Archives (true) or restores (false) a record. Returns whether anything changed. */
export function setArchived(doc: Y.Doc, id: string, archived: boolean, stamp: Stamp): boolean {
  checkAuthor(stamp.by, stamp.at);
  const reason = checkReason(stamp.reason, false);
  const record = liveRecord(doc, id);
  if (record.has(ARCHIVED) === archived) return false;
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    const value = { by: stamp.by, at: stamp.at, ...(reason ? { reason } : {}) };
    setIfChanged(record, ARCHIVED, archived ? value : undefined);
    appendHistory(record, {
      at: stamp.at,
      by: stamp.by,
      action: archived ? 'archived' : 'unarchived',
      ...(reason ? { reason } : {}),
    });
  });
  return true;
}

const nameOf = (doc: Y.Doc, id: string) => readRegistryRecord(doc, id)?.name ?? id;

/** Re-points every reference to `from` (triage, risks, the assessment index) at `to`. */
function repoint(doc: Y.Doc, from: string, to: string | undefined): void {
  for (const entry of doc.getMap<unknown>(TRIAGE).values()) {
    if (!(entry instanceof Y.Map) || entry.get('recordId') !== from) continue;
    if (to !== undefined) entry.set('recordId', to);
    else {
      // The record is gone: its tools are new again, to be triaged afresh.
      entry.set('state', 'new');
      entry.delete('recordId');
    }
  }
  if (to === undefined) return;
  for (const risk of doc.getMap<unknown>(RISKS).values()) {
    const systems = risk instanceof Y.Map ? risk.get('systemIds') : undefined;
    if (systems instanceof Y.Map && systems.get(from) === true) {
      systems.delete(from);
      systems.set(to, true);
    }
  }
  for (const entry of doc.getMap<unknown>(ASSESSMENTS).values()) {
    if (entry instanceof Y.Map && entry.get('recordId') === from) entry.set('recordId', to);
  }
}

/** Leaves only the name and history (and the given marker) on a record. */
function strip(record: Y.Map<unknown>, name: string): void {
  for (const key of [...record.keys()]) {
    if (key !== HISTORY && key !== 'createdAt' && key !== 'createdBy') record.delete(key);
  }
  record.set('name', name);
}

/**
 * Merges record `fromId` into `intoId`: sets are joined, a field `into` leaves empty takes
 * `from`'s value, notes and history entries are copied, and risks, assessments and triage that
 * named `from` name `into`. `from` stays as a pointer. Throws, changing nothing, on bad input.
 */
export function mergeRecords(doc: Y.Doc, fromId: string, intoId: string, stamp: Stamp): void {
  checkAuthor(stamp.by, stamp.at);
  if (fromId === intoId) throw new RangeError('a record cannot be merged into itself');
  const from = liveRecord(doc, fromId);
  const into = liveRecord(doc, intoId);
  const fromName = nameOf(doc, fromId);
  const intoName = nameOf(doc, intoId);
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    const changes: FieldChange[] = [];
    for (const name of FIELD_NAMES) {
      const spec = RECORD_FIELDS[name];
      const theirs = currentValue(from, name);
      const ours = currentValue(into, name);
      if (spec.kind === 'set') {
        const added = (theirs as string[]).filter((item) => !(ours as string[]).includes(item));
        if (added.length === 0) continue;
        const set = childMap(into, name);
        for (const item of added) set.set(item, true);
        changes.push({ field: name, from: [], to: added });
      } else if (ours === null && theirs !== null) {
        for (const key of [...into.keys()]) if (fieldOfKey(key) === name) into.delete(key);
        into.set(`${name}@${doc.clientID.toString(36)}`, theirs as string | number);
        changes.push({ field: name, from: null, to: theirs });
      }
    }
    const notes = from.get(NOTES);
    if (notes instanceof Y.Map) {
      const target = childMap(into, NOTES);
      for (const [noteId, note] of notes.entries()) {
        if (!(note instanceof Y.Map) || target.has(noteId)) continue;
        const copy = new Y.Map<unknown>();
        target.set(noteId, copy);
        for (const [key, value] of note.entries()) copy.set(key, value);
      }
    }
    // The merged record's history follows, marked with where it came from.
    const history = historyArray(into);
    const theirs = from.get(HISTORY);
    if (theirs instanceof Y.Array) {
      const copied = theirs
        .toArray()
        .map(entryObject)
        .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
        .filter((e) => !(e instanceof Y.AbstractType) && !Array.isArray(e))
        .map((e) =>
          JSON.stringify({ ...e, s: typeof e.s === 'string' ? e.s : `from “${fromName}”` }),
        );
      history.insert(0, copied.slice(-MAX_HISTORY));
    }
    appendHistory(into, {
      at: stamp.at,
      by: stamp.by,
      action: 'merged-in',
      subject: fromName,
      changes,
      ...(stamp.reason ? { reason: stamp.reason } : {}),
    });
    if (history.length > MAX_HISTORY) history.delete(0, history.length - MAX_HISTORY);
    repoint(doc, fromId, intoId);
    strip(from, fromName);
    from.set(MERGED_INTO, intoId);
    appendHistory(from, {
      at: stamp.at,
      by: stamp.by,
      action: 'merged-away',
      subject: intoName,
    });
  });
}

/**
 * Deletes a record, keeping its name and history with who deleted it, when and why (required).
 * Only admins may (the app offers it to admins; see docs/pwa.md). Its tools are new again.
 */
export function deleteRecord(doc: Y.Doc, id: string, stamp: Stamp): void {
  checkAuthor(stamp.by, stamp.at);
  const reason = checkReason(stamp.reason, true)!;
  const record = liveRecord(doc, id);
  const name = nameOf(doc, id);
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    repoint(doc, id, undefined);
    strip(record, name);
    record.set(DELETED, { by: stamp.by, at: stamp.at, reason });
    appendHistory(record, { at: stamp.at, by: stamp.by, action: 'deleted', reason });
  });
}

/** The record a merged one now lives in (following a chain of merges), or the id itself. */
export function currentRecordId(doc: Y.Doc, id: string): string {
  const seen = new Set<string>();
  let at = id;
  while (!seen.has(at)) {
    seen.add(at);
    const record = doc.getMap<unknown>(RECORDS).get(at);
    const next = record instanceof Y.Map ? record.get(MERGED_INTO) : undefined;
    if (typeof next !== 'string' || !isId(next)) return at;
    at = next;
  }
  return at;
}

/** A stamp stored as a plain object, read without trust. */
export function readStamp(
  record: Y.Map<unknown>,
  key: string,
  problems: string[],
  path: string,
): Stamp | undefined {
  const value = record.get(key);
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(`${path}.${key}: expected who and when; ignored`);
    return undefined;
  }
  const fields = { get: (k: string) => (value as Record<string, unknown>)[k] };
  const by = readString(fields, 'by', problems, { path: `${path}.${key}`, required: true });
  const at = readTimestamp(fields, 'at', problems, { path: `${path}.${key}`, required: true });
  if (by === undefined || at === undefined) return undefined;
  const stamp: Stamp = { by, at };
  const reason = readString(fields, 'reason', problems, {
    path: `${path}.${key}`,
    max: MAX_REASON,
  });
  if (reason !== undefined) stamp.reason = reason;
  return stamp;
}

/**
 * Records a decision made outside the registry — the status employees see for a tool (W/policy)
 * — in the history of every record that lists the tool as a detection. Returns how many.
 */
export function noteStatusDecision(
  doc: Y.Doc,
  toolKey: string,
  change: { from: string | null; to: string; reason?: string },
  stamp: Stamp,
): number {
  checkAuthor(stamp.by, stamp.at);
  let noted = 0;
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    for (const record of doc.getMap<unknown>(RECORDS).values()) {
      if (!(record instanceof Y.Map) || record.has(MERGED_INTO) || record.has(DELETED)) continue;
      const tools = record.get('toolKeys');
      if (!(tools instanceof Y.Map) || tools.get(toolKey) !== true) continue;
      appendHistory(record, {
        at: stamp.at,
        by: stamp.by,
        action: 'status-set',
        subject: toolKey,
        changes: [{ field: 'status', from: change.from, to: change.to }],
        ...(change.reason ? { reason: change.reason } : {}),
      });
      noted++;
    }
  });
  return noted;
}

/**
 * Records a sign-off in the history of the assessed record (found through the assessment index,
 * following merges). Returns whether there was a record to write to.
 */
export function noteSignOff(
  doc: Y.Doc,
  sign: { assessmentId: string; versionName: string; by: string; at: number },
): boolean {
  checkAuthor(sign.by, sign.at);
  const entry = doc.getMap<unknown>(ASSESSMENTS).get(sign.assessmentId);
  const listed = entry instanceof Y.Map ? entry.get('recordId') : undefined;
  if (typeof listed !== 'string' || !isId(listed)) return false;
  const record = doc.getMap<unknown>(RECORDS).get(currentRecordId(doc, listed));
  if (!(record instanceof Y.Map) || record.has(DELETED)) return false;
  const title = entry instanceof Y.Map ? entry.get('title') : undefined;
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    appendHistory(record, {
      at: sign.at,
      by: sign.by,
      action: 'signed-off',
      subject: `${typeof title === 'string' ? title : sign.assessmentId} — ${sign.versionName}`,
    });
  });
  return true;
}
