import * as Y from 'yjs';
import { addProblem, describe, joinPath } from '../schema/problems.ts';
import {
  HISTORY,
  HISTORY_ACTIONS,
  MAX_HISTORY,
  MAX_HISTORY_SUMMARY,
  MAX_PERSON,
  type HistoryAction,
  type HistoryEntry,
} from './schema.ts';

/**
 * A record's history: a Y.Array of small plain entries, appended by the writers inside the
 * transaction that makes the change, so a change and its entry travel together. Appends from
 * several leads merge (a list, not a rewritten key); the array is trimmed from the start to the
 * latest MAX_HISTORY entries (concurrent trims may leave a few more; the reader caps them).
 */

const MAX_FIELDS = 20;
const MAX_SHOWN = 60;
const MAX_ITEMS_SHOWN = 5;
const FIELD_NAME = /^[A-Za-z]{1,40}$/;

/** The record's history array, created (replacing a wrong shape) when missing. */
export function historyArray(record: Y.Map<unknown>): Y.Array<unknown> {
  const existing = record.get(HISTORY);
  if (existing instanceof Y.Array) return existing;
  const created = new Y.Array<unknown>();
  record.set(HISTORY, created);
  return created;
}

/** Appends an entry and trims the oldest past MAX_HISTORY. Call inside the writer's transaction. */
export function appendHistory(
  record: Y.Map<unknown>,
  entry: { at: number; by: string; action: HistoryAction; fields: string[]; summary?: string },
): void {
  const history = historyArray(record);
  const stored: Record<string, unknown> = {
    at: entry.at,
    by: entry.by,
    action: entry.action,
    fields: entry.fields.slice(0, MAX_FIELDS),
  };
  if (entry.summary) stored.summary = clip(entry.summary, MAX_HISTORY_SUMMARY);
  history.push([stored]);
  if (history.length > MAX_HISTORY) history.delete(0, history.length - MAX_HISTORY);
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A field's value before a change, in a form `describeChange` compares. */
export type FieldSnapshot = string | number | string[] | undefined;

/** What a field holds now: text, a number, or the members of a set. Never throws. */
export function snapshotField(record: Y.Map<unknown>, name: string, isSet: boolean): FieldSnapshot {
  const value = record.get(name);
  if (isSet) {
    if (value instanceof Y.Map) {
      return [...value.entries()].filter(([, flag]) => flag === true).map(([item]) => item);
    }
    return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
  }
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

const shown = (value: FieldSnapshot) =>
  value === undefined
    ? '(none)'
    : typeof value === 'number'
      ? String(value)
      : `“${clip(String(value), MAX_SHOWN)}”`;

/** `owner: “Dana” → “Sam”`, or `departments: +Legal, −Sales` for a set. */
export function describeChange(name: string, before: FieldSnapshot, after: FieldSnapshot): string {
  if (Array.isArray(before) || Array.isArray(after)) {
    const was = new Set(Array.isArray(before) ? before : []);
    const now = new Set(Array.isArray(after) ? after : []);
    const changes = [
      ...[...now].filter((item) => !was.has(item)).map((item) => `+${clip(item, MAX_SHOWN)}`),
      ...[...was].filter((item) => !now.has(item)).map((item) => `−${clip(item, MAX_SHOWN)}`),
    ];
    const more = changes.length - MAX_ITEMS_SHOWN;
    const listed = changes.slice(0, MAX_ITEMS_SHOWN).join(', ');
    return `${name}: ${listed}${more > 0 ? ` and ${more} more` : ''}`;
  }
  return `${name}: ${shown(before)} → ${shown(after)}`;
}

function readEntry(value: unknown, path: string, problems: string[]): HistoryEntry | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    addProblem(problems, `${path}: expected an entry, got ${describe(value)}; skipped`);
    return undefined;
  }
  if (value instanceof Y.AbstractType) {
    addProblem(problems, `${path}: expected a plain entry, got ${describe(value)}; skipped`);
    return undefined;
  }
  const { at, by, action, fields, summary } = value as Record<string, unknown>;
  const bad = (what: string) => (addProblem(problems, `${path}: ${what}; skipped`), undefined);
  if (typeof at !== 'number' || !Number.isSafeInteger(at) || at < 0) return bad('no valid at');
  if (typeof by !== 'string' || by.length === 0 || by.length > MAX_PERSON)
    return bad('no valid by');
  if (!(HISTORY_ACTIONS as readonly unknown[]).includes(action)) return bad('unknown action');
  if (
    !Array.isArray(fields) ||
    fields.length > MAX_FIELDS ||
    !fields.every((f) => typeof f === 'string' && FIELD_NAME.test(f))
  ) {
    return bad('no valid fields');
  }
  const entry: HistoryEntry = {
    at,
    by,
    action: action as HistoryAction,
    fields: fields as string[],
  };
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
