import * as Y from 'yjs';
import { addProblem } from '../schema/problems.ts';
import { readEnum, readString, readTimestamp } from '../schema/read.ts';
import { readRecords } from '../schema/read-lists.ts';
import { recordCache } from '../schema/record-cache.ts';
import { isId, isToolKey } from '../schema/values.ts';
import { ensureWritable } from '../schema/version.ts';
import { checkText, checkTimestamp, childMap, setIfChanged } from '../schema/write.ts';
import {
  MAX_PERSON,
  MAX_REASON,
  REGISTRY_SCHEMA,
  RECORDS,
  TRIAGE,
  TRIAGE_STATES,
  type TriageEntry,
  type TriageState,
} from './schema.ts';
import { appendHistory } from './history.ts';
import { checkAuthor } from './authored.ts';

function checkTriage(entry: TriageEntry): void {
  if (!TRIAGE_STATES.includes(entry.state)) throw new RangeError('unknown triage state');
  if (entry.recordId !== undefined && !isId(entry.recordId)) {
    throw new RangeError('recordId is not a record id');
  }
  if (entry.state === 'merged' && entry.recordId === undefined) {
    throw new RangeError('a merged discovery names the record it was merged into');
  }
  if (entry.reason !== undefined) checkText('reason', entry.reason, { max: MAX_REASON });
  if (entry.snoozedUntil !== undefined) checkTimestamp('snoozedUntil', entry.snoozedUntil);
  if (entry.state === 'snoozed' && entry.snoozedUntil === undefined) {
    throw new RangeError('a snoozed discovery says until when');
  }
  checkAuthor(entry.by, entry.at);
}

/**
 * Records a lead's triage decision on a discovery. It replaces the previous decision (optional
 * parts left out are removed), writing only the keys that change. Throws, changing nothing, on bad input.
 */
export function setTriage(doc: Y.Doc, toolKey: string, entry: TriageEntry): void {
  if (!isToolKey(toolKey)) throw new RangeError('not a tool key');
  checkTriage(entry);
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    const map = childMap(doc.getMap<unknown>(TRIAGE), toolKey);
    const before = readEntry(map, '', []);
    keepTrail(doc, map, toolKey, before, entry);
    setIfChanged(map, 'state', entry.state);
    setIfChanged(map, 'recordId', entry.recordId);
    setIfChanged(map, 'reason', entry.reason);
    setIfChanged(map, 'snoozedUntil', entry.snoozedUntil);
    setIfChanged(map, 'by', entry.by);
    setIfChanged(map, 'at', entry.at);
  });
}

/** Earlier decisions kept on a triage entry, newest last. */
export const MAX_TRAIL = 10;
const TRAIL = 't@';

/**
 * Every triage decision is kept (rule RC3): the one it replaces goes into the entry's trail, one
 * key per decision (`t@<time>.<client>`, so decisions made at once by two leads both stay), and a
 * decision that concerns a record — opened as it, merged into it, or taken out of it — is also in
 * that record's history.
 */
function keepTrail(
  doc: Y.Doc,
  map: Y.Map<unknown>,
  toolKey: string,
  before: TriageEntry | undefined,
  entry: TriageEntry,
): void {
  if (before && before.state !== 'new' && before.at > 0) {
    const stored: Record<string, unknown> = { s: before.state, by: before.by, at: before.at };
    if (before.reason) stored.r = before.reason;
    if (before.recordId) stored.rec = before.recordId;
    if (before.snoozedUntil) stored.u = before.snoozedUntil;
    map.set(`${TRAIL}${before.at.toString(36)}.${doc.clientID.toString(36)}`, stored);
    const trail = [...map.keys()].filter((key) => key.startsWith(TRAIL)).sort();
    for (const key of trail.slice(0, Math.max(0, trail.length - MAX_TRAIL))) map.delete(key);
  }
  const records = new Set([before?.recordId, entry.recordId].filter((id) => id !== undefined));
  for (const recordId of records) {
    const record = doc.getMap<unknown>(RECORDS).get(recordId);
    if (!(record instanceof Y.Map) || record.has('mergedInto') || record.has('deleted')) continue;
    const same = before?.recordId === entry.recordId;
    const from = before && before.recordId === recordId ? before.state : null;
    const to = entry.recordId === recordId ? entry.state : 'removed';
    if (same && from === to) continue;
    appendHistory(record, {
      at: entry.at,
      by: entry.by,
      action: 'triaged',
      subject: toolKey,
      changes: [{ field: 'triage', from, to }],
      ...(entry.reason ? { reason: entry.reason } : {}),
    });
  }
}

/** The decisions a triage entry replaced, newest first. */
export function readTrail(map: Y.Map<unknown>): TriageEntry[] {
  const trail: TriageEntry[] = [];
  for (const [key, value] of map.entries()) {
    if (!key.startsWith(TRAIL) || typeof value !== 'object' || value === null) continue;
    const { s, by, at, r, rec, u } = value as Record<string, unknown>;
    if (!TRIAGE_STATES.includes(s as TriageState) || typeof by !== 'string') continue;
    if (typeof at !== 'number' || !Number.isSafeInteger(at) || by.length > MAX_PERSON) continue;
    const entry: TriageEntry = { state: s as TriageState, by, at };
    if (typeof r === 'string' && r.length <= MAX_REASON) entry.reason = r;
    if (typeof rec === 'string' && isId(rec)) entry.recordId = rec;
    if (typeof u === 'number' && Number.isSafeInteger(u)) entry.snoozedUntil = u;
    trail.push(entry);
  }
  return trail.sort((a, b) => b.at - a.at).slice(0, MAX_TRAIL);
}

export function readEntry(map: Y.Map<unknown>, path: string, problems: string[]) {
  const state = readEnum(map, 'state', TRIAGE_STATES, problems, { path, required: true });
  if (state === undefined) {
    addProblem(problems, `${path}: no readable state; skipped`);
    return undefined;
  }
  const entry: TriageEntry = {
    state,
    by: readString(map, 'by', problems, { path, max: MAX_PERSON, required: true }) ?? '',
    at: readTimestamp(map, 'at', problems, { path, required: true }) ?? 0,
  };
  const recordId = readString(map, 'recordId', problems, {
    path,
    max: 64,
    pattern: /^[A-Za-z0-9_-]+$/,
  });
  if (recordId !== undefined) entry.recordId = recordId;
  const reason = readString(map, 'reason', problems, { path, max: MAX_REASON });
  if (reason !== undefined) entry.reason = reason;
  const snoozedUntil = readTimestamp(map, 'snoozedUntil', problems, { path });
  if (snoozedUntil !== undefined) entry.snoozedUntil = snoozedUntil;
  const trail = readTrail(map);
  if (trail.length > 0) entry.earlier = trail;
  return entry;
}

export function readTriage(map: Y.Map<unknown>, problems: string[]): Map<string, TriageEntry> {
  return new Map(
    readRecords(map, TRIAGE, problems, isToolKey, (entry, key, path) => {
      const read = readEntry(entry, path, problems);
      return read && ([key, read] as const);
    }),
  );
}

/** The triage entries, read again only where they changed (for registryReader and registryIndexReader). */
export function triageCache(doc: Y.Doc) {
  return recordCache(doc, TRIAGE, isToolKey, (map, key, path, problems) => {
    const entry = readEntry(map, path, problems);
    return entry && ([key, entry] as [string, TriageEntry]);
  });
}
