import * as Y from 'yjs';
import { addProblem, describe, joinPath } from '../schema/problems.ts';
import { readEnum, readString, readTimestamp } from '../schema/read.ts';
import { readRecords } from '../schema/read-lists.ts';
import { isId } from '../schema/values.ts';
import { ensureWritable } from '../schema/version.ts';
import { checkText } from '../schema/write.ts';
import { appendHistory, historyArray, readHistory } from './history.ts';
import {
  HISTORY,
  MAX_NOTE_TEXT,
  MAX_NOTES,
  MAX_PERSON,
  NOTE_KINDS,
  NOTES,
  RECORDS,
  REGISTRY_SCHEMA,
  type RecordLogs,
  type RecordNote,
} from './schema.ts';
import { checkAuthor } from './authored.ts';
import { FIELD_NAMES, RECORD_FIELDS } from './fields.ts';
import { ensureSets } from './records.ts';

/**
 * A record's performance and drift notes: `notes: noteId → Y.Map { kind, text, by, at }`, one
 * entry per note so that notes added at once by several leads all stay. Each add and removal
 * appends to the record's history in the same transaction.
 */

function recordMap(doc: Y.Doc, recordId: string): Y.Map<unknown> {
  const record = doc.getMap<unknown>(RECORDS).get(recordId);
  if (!(record instanceof Y.Map)) throw new Error(`no record ${recordId}`);
  return record;
}

function notesMap(record: Y.Map<unknown>): Y.Map<unknown> {
  const existing = record.get(NOTES);
  if (existing instanceof Y.Map) return existing;
  const created = new Y.Map<unknown>();
  record.set(NOTES, created);
  return created;
}

/** Adds a note with a caller-chosen id. Throws, changing nothing, on bad input or a taken id. */
export function addNote(doc: Y.Doc, recordId: string, note: RecordNote): void {
  if (!isId(note.id)) throw new RangeError('note id must be 1–64 letters, digits, _ or -');
  if (!NOTE_KINDS.includes(note.kind)) throw new RangeError('note kind: unknown value');
  checkText('note text', note.text, { min: 1, max: MAX_NOTE_TEXT });
  if (note.text.trim() === '') throw new RangeError('note text must not be blank');
  checkAuthor(note.by, note.at);
  const record = recordMap(doc, recordId);
  const existing = record.get(NOTES);
  if (existing instanceof Y.Map) {
    if (existing.has(note.id)) throw new Error(`note ${note.id} already exists`);
    if (existing.size >= MAX_NOTES)
      throw new RangeError(`a record holds at most ${MAX_NOTES} notes`);
  }
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    const entry = new Y.Map<unknown>();
    notesMap(record).set(note.id, entry);
    entry.set('kind', note.kind);
    entry.set('text', note.text);
    entry.set('by', note.by);
    entry.set('at', note.at);
    appendHistory(record, {
      at: note.at,
      by: note.by,
      action: 'note-added',
      changes: [{ field: NOTES, from: null, to: note.text }],
      detail: note.kind,
    });
  });
}

/** Removes a note. Returns false when there was no such note. Throws, changing nothing, on bad input. */
export function removeNote(
  doc: Y.Doc,
  recordId: string,
  noteId: string,
  by: string,
  at: number,
): boolean {
  if (!isId(noteId)) throw new RangeError('note id must be 1–64 letters, digits, _ or -');
  checkAuthor(by, at);
  const record = recordMap(doc, recordId);
  const notes = record.get(NOTES);
  if (!(notes instanceof Y.Map) || !notes.has(noteId)) return false;
  const old = notes.get(noteId);
  const kind = old instanceof Y.Map && typeof old.get('kind') === 'string' ? old.get('kind') : '';
  const text = old instanceof Y.Map && typeof old.get('text') === 'string' ? old.get('text') : '';
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    notes.delete(noteId);
    appendHistory(record, {
      at,
      by,
      action: 'note-removed',
      changes: [{ field: NOTES, from: String(text), to: null }],
      ...(kind ? { detail: String(kind) } : {}),
    });
  });
  return true;
}

/**
 * Creates a record's empty `notes`, `history` and set maps if missing. A lead's device calls it on opening
 * an older record, so the containers exist (and have synced) before anyone writes into them.
 * Returns whether it wrote.
 */
export function ensureRecordLogs(doc: Y.Doc, recordId: string): boolean {
  const record = doc.getMap<unknown>(RECORDS).get(recordId);
  if (!(record instanceof Y.Map)) return false;
  const setsMissing = FIELD_NAMES.some((f) => RECORD_FIELDS[f].kind === 'set' && !record.has(f));
  if (
    record.get(NOTES) instanceof Y.Map &&
    record.get(HISTORY) instanceof Y.Array &&
    !setsMissing
  ) {
    return false;
  }
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    notesMap(record);
    historyArray(record);
    ensureSets(record);
  });
  return true;
}

function readNote(map: Y.Map<unknown>, id: string, path: string, problems: string[]) {
  const kind = readEnum(map, 'kind', NOTE_KINDS, problems, { path, required: true });
  const text = readString(map, 'text', problems, { path, max: MAX_NOTE_TEXT, required: true });
  const by = readString(map, 'by', problems, { path, max: MAX_PERSON, required: true });
  const at = readTimestamp(map, 'at', problems, { path, required: true });
  if (kind === undefined || text === undefined || by === undefined || at === undefined) {
    addProblem(problems, `${path}: unreadable note; skipped`);
    return undefined;
  }
  return { id, kind, text, by, at } satisfies RecordNote;
}

/** A record's notes and history, newest first, read without trust. Empty for an unknown record. */
export function readRecordLogs(doc: Y.Doc, recordId: string): RecordLogs {
  const problems: string[] = [];
  const logs: RecordLogs = { notes: [], history: [], problems };
  const record = doc.getMap<unknown>(RECORDS).get(recordId);
  if (!(record instanceof Y.Map)) return logs;
  const path = joinPath(RECORDS, recordId);
  const notes = record.get(NOTES);
  if (notes instanceof Y.Map) {
    logs.notes = readRecords(notes, joinPath(path, NOTES), problems, isId, (note, id, at) =>
      readNote(note, id, at, problems),
    );
    if (logs.notes.length > MAX_NOTES) {
      addProblem(problems, `${joinPath(path, NOTES)}: kept the latest ${MAX_NOTES} notes`);
    }
    logs.notes.sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : 1));
    logs.notes = logs.notes.slice(0, MAX_NOTES);
  } else if (notes !== undefined) {
    addProblem(problems, `${joinPath(path, NOTES)}: expected a map, got ${describe(notes)}`);
  }
  logs.history = readHistory(record, path, problems);
  return logs;
}
