import * as Y from 'yjs';
import { addProblem, describe, joinPath } from '../schema/problems.ts';
import {
  HISTORY,
  HISTORY_ACTIONS,
  MAX_HISTORY,
  MAX_HISTORY_SUMMARY,
  MAX_PERSON,
  type ChangeValue,
  type FieldChange,
  type HistoryAction,
  type HistoryEntry,
} from './schema.ts';

/**
 * A record's history: a Y.Array of small plain entries, appended by the writers inside the
 * transaction that makes the change, so a change and its entry travel together. Every decision
 * on the record is one (HISTORY_ACTIONS); its words are history-words.ts. Appends from
 * several leads merge (a list, not a rewritten key); the array is trimmed from the start to the
 * latest MAX_HISTORY entries (concurrent trims may leave a few more; the reader caps them).
 */

const MAX_FIELDS = 20;
/** A stored entry's JSON: 20 changes of two whole values each, and then some. */
const MAX_ENTRY = 250_000;
const MAX_REASON_TEXT = 2000;
const FIELD_NAME = /^[A-Za-z]{1,40}$/;

/** The record's history array, created (replacing a wrong shape) when missing. */
export function historyArray(record: Y.Map<unknown>): Y.Array<unknown> {
  const existing = record.get(HISTORY);
  if (existing instanceof Y.Array) return existing;
  const created = new Y.Array<unknown>();
  record.set(HISTORY, created);
  return created;
}

/** What a writer appends: the action, and whatever of the rest it has. */
export interface NewHistoryEntry {
  at: number;
  by: string;
  action: HistoryAction;
  changes?: FieldChange[];
  reason?: string;
  subject?: string;
  detail?: string;
}

/**
 * Appends an entry and trims the oldest past MAX_HISTORY. Call inside the writer's transaction.
 * Stored compactly, `{ at, by, a, c?: [[field, from, to]…], r?, s?, d? }`: one small plain value
 * per decision, whole values and no clipping (they are bounded by the fields' own limits).
 */
export function appendHistory(record: Y.Map<unknown>, entry: NewHistoryEntry): void {
  const history = historyArray(record);
  const stored: Record<string, unknown> = { at: entry.at, by: entry.by, a: entry.action };
  if (entry.changes && entry.changes.length > 0) {
    stored.c = entry.changes.slice(0, MAX_FIELDS).map(({ field, from, to }) => [field, from, to]);
  }
  if (entry.reason) stored.r = entry.reason;
  if (entry.subject) stored.s = entry.subject;
  if (entry.detail) stored.d = entry.detail;
  // One JSON string per entry: a document load decodes a string far faster than an object of
  // a dozen values, and an entry is parsed only when its record's history is shown.
  history.push([JSON.stringify(stored)]);
  if (history.length > MAX_HISTORY) history.delete(0, history.length - MAX_HISTORY);
}

/** The start of an entry as appendHistory writes it: `{"at":…,"by":"…"`. */
const HEAD = /^\{"at":(\d{1,16}),"by":("(?:[^"\\]|\\.){0,400}")/;
const parseText = (json: string): unknown => {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
};

/** Who wrote the newest entry and when (the last appended), without reading the rest. */
export function latestEntry(record: Y.Map<unknown>): { at: number; by: string } | undefined {
  const history = record.get(HISTORY);
  if (!(history instanceof Y.Array) || history.length === 0) return undefined;
  const stored: unknown = history.get(history.length - 1);
  // Every list of records reads this: the head of the JSON, not the whole entry, when it can.
  const head = typeof stored === 'string' ? HEAD.exec(stored) : null;
  const last = head ? { at: Number(head[1]), by: parseText(head[2]!) } : entryObject(stored);
  if (typeof last !== 'object' || last === null || last instanceof Y.AbstractType) return undefined;
  const { at, by } = last as Record<string, unknown>;
  if (typeof at !== 'number' || !Number.isSafeInteger(at) || at < 0) return undefined;
  if (typeof by !== 'string' || by.length === 0 || by.length > MAX_PERSON) return undefined;
  return { at, by };
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The change of one field between two readings, or undefined when it did not change. */
export function fieldChange(
  field: string,
  before: ChangeValue,
  after: ChangeValue,
  isSet: boolean,
): FieldChange | undefined {
  if (isSet) {
    const was = new Set(Array.isArray(before) ? before : []);
    const now = new Set(Array.isArray(after) ? after : []);
    const removed = [...was].filter((item) => !now.has(item));
    const added = [...now].filter((item) => !was.has(item));
    return removed.length + added.length > 0 ? { field, from: removed, to: added } : undefined;
  }
  return before === after ? undefined : { field, from: before, to: after };
}

const MAX_VALUE = 5000;
const MAX_ITEMS = 600;

function readValue(value: unknown): ChangeValue | undefined {
  if (value === null) return null;
  if (typeof value === 'string') return value.length <= MAX_VALUE ? value : undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (
    Array.isArray(value) &&
    value.length <= MAX_ITEMS &&
    value.every((item) => typeof item === 'string' && item.length <= MAX_PERSON * 2)
  ) {
    return [...(value as string[])];
  }
  return undefined;
}

/** Stored changes `[[field, from, to]…]`, or undefined when any is unreadable. */
export function readChanges(value: unknown): FieldChange[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_FIELDS) return undefined;
  const changes: FieldChange[] = [];
  for (const item of value) {
    if (!Array.isArray(item) || item.length !== 3) return undefined;
    const [field, from, to] = item as unknown[];
    if (typeof field !== 'string' || !FIELD_NAME.test(field)) return undefined;
    const before = readValue(from);
    const after = readValue(to);
    if (before === undefined || after === undefined) return undefined;
    changes.push({ field, from: before, to: after });
  }
  return changes;
}

const optionalText = (value: unknown, max: number) =>
  typeof value === 'string' && value.length > 0 && value.length <= max ? value : undefined;

/** A stored entry as an object: a JSON string (schema 2) or a plain object (schema 1). */
export function entryObject(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (value.length > MAX_ENTRY) return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

function readEntry(raw: unknown, path: string, problems: string[]): HistoryEntry | undefined {
  const value = entryObject(raw);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    addProblem(problems, `${path}: expected an entry, got ${describe(value)}; skipped`);
    return undefined;
  }
  if (value instanceof Y.AbstractType) {
    addProblem(problems, `${path}: expected a plain entry, got ${describe(value)}; skipped`);
    return undefined;
  }
  const stored = value as Record<string, unknown>;
  const { at, by, summary } = stored;
  const action = stored.a ?? stored.action;
  const bad = (what: string) => (addProblem(problems, `${path}: ${what}; skipped`), undefined);
  if (typeof at !== 'number' || !Number.isSafeInteger(at) || at < 0) return bad('no valid at');
  if (typeof by !== 'string' || by.length === 0 || by.length > MAX_PERSON)
    return bad('no valid by');
  if (!(HISTORY_ACTIONS as readonly unknown[]).includes(action)) return bad('unknown action');
  let fields: string[];
  let changes: FieldChange[] | undefined;
  if (stored.c !== undefined) {
    changes = readChanges(stored.c);
    if (changes === undefined) return bad('no valid changes');
    fields = [...new Set(changes.map((change) => change.field))];
  } else if (stored.action !== undefined) {
    // Schema 1: field names and a clipped summary.
    const listed = stored.fields;
    if (
      !Array.isArray(listed) ||
      listed.length > MAX_FIELDS ||
      !listed.every((f) => typeof f === 'string' && FIELD_NAME.test(f))
    ) {
      return bad('no valid fields');
    }
    fields = listed as string[];
  } else fields = [];
  const entry: HistoryEntry = { at, by, action: action as HistoryAction, fields };
  if (changes) entry.changes = changes;
  const reason = optionalText(stored.r, MAX_REASON_TEXT);
  if (reason) entry.reason = reason;
  const subject = optionalText(stored.s, MAX_PERSON * 2);
  if (subject) entry.subject = subject;
  const detail = optionalText(stored.d, 40);
  if (detail) entry.detail = detail;
  if (typeof summary === 'string') entry.summary = clip(summary, MAX_HISTORY_SUMMARY);
  else if (summary !== undefined) addProblem(problems, `${path}.summary: not text; left out`);
  return entry;
}

/** The record's history, newest first, at most MAX_HISTORY entries; bad entries are skipped. */
export function readHistory(
  record: Y.Map<unknown>,
  path: string,
  problems: string[],
): HistoryEntry[] {
  const value = record.get(HISTORY);
  if (value === undefined) return [];
  const at = joinPath(path, HISTORY);
  if (!(value instanceof Y.Array)) {
    addProblem(problems, `${at}: expected a list, got ${describe(value)}`);
    return [];
  }
  const start = Math.max(0, value.length - MAX_HISTORY);
  const entries: Array<{ entry: HistoryEntry; index: number }> = [];
  value.slice(start).forEach((item: unknown, i) => {
    const entry = readEntry(item, `${at}[${start + i}]`, problems);
    if (entry) entries.push({ entry, index: i });
  });
  // Newest first by time; entries of the same millisecond keep their list order, reversed.
  entries.sort((a, b) => b.entry.at - a.entry.at || b.index - a.index);
  return entries.map(({ entry }) => entry);
}
