import type * as Y from 'yjs';
import { addProblem } from '../schema/problems.ts';
import { readEnum, readString, readTimestamp } from '../schema/read.ts';
import { readRecords } from '../schema/read-lists.ts';
import { isId, isToolKey } from '../schema/values.ts';
import { ensureWritable } from '../schema/version.ts';
import { checkText, checkTimestamp, childMap, setIfChanged } from '../schema/write.ts';
import {
  MAX_PERSON,
  MAX_REASON,
  REGISTRY_SCHEMA,
  TRIAGE,
  TRIAGE_STATES,
  type TriageEntry,
} from './schema.ts';
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
    setIfChanged(map, 'state', entry.state);
    setIfChanged(map, 'recordId', entry.recordId);
    setIfChanged(map, 'reason', entry.reason);
    setIfChanged(map, 'snoozedUntil', entry.snoozedUntil);
    setIfChanged(map, 'by', entry.by);
    setIfChanged(map, 'at', entry.at);
  });
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
