import type * as Y from 'yjs';
import { addProblem } from '../schema/problems.ts';
import { fieldsOf, isPlainObject } from '../schema/read-core.ts';
import { readEnum, readString, readTimestamp, topMap } from '../schema/read.ts';
import { isId } from '../schema/values.ts';
import { ensureWritable } from '../schema/version.ts';
import { checkText } from '../schema/write.ts';
import { checkAuthor } from './authored.ts';
import { saveIncident, type IncidentFields } from './incidents.ts';
import { MAX_PERSON, MAX_REASON, REGISTRY_SCHEMA } from './schema.ts';

/**
 * What leads decided about employees' concerns (docs/incidents.md I9), a top-level map of the
 * registry document, one plain object per concern, written once:
 *
 *   concernDecisions  '<reporterId>.<concernId>' → { state: accepted|dismissed, incidentId?,
 *                                                   reason?, by, at }
 */
export const CONCERN_DECISIONS = 'concernDecisions';
export const CONCERN_STATES = ['accepted', 'dismissed'] as const;
export type ConcernState = (typeof CONCERN_STATES)[number];

export interface ConcernDecision {
  key: string;
  state: ConcernState;
  incidentId?: string;
  reason?: string;
  by: string;
  at: number;
}

const KEY = /^[A-Za-z0-9_-]{1,64}\.[A-Za-z0-9_-]{1,64}$/;

function checkUndecided(doc: Y.Doc, key: string) {
  if (!KEY.test(key)) throw new RangeError('not a concern key');
  if (doc.getMap<unknown>(CONCERN_DECISIONS).has(key)) {
    throw new RangeError('this concern has already been decided');
  }
}

/** Accepts a concern into the register: the incident and the decision in one transaction. */
export function acceptConcern(
  doc: Y.Doc,
  key: string,
  incidentId: string,
  fields: IncidentFields,
  by: string,
  at: number,
): void {
  checkUndecided(doc, key);
  doc.transact(() => {
    saveIncident(doc, incidentId, fields, by, at); // throws, changing nothing, on bad input
    doc.getMap<unknown>(CONCERN_DECISIONS).set(key, { state: 'accepted', incidentId, by, at });
  });
}

/** Dismisses a concern with a reason (kept, so the decision can be explained later). */
export function dismissConcern(doc: Y.Doc, key: string, reason: string, by: string, at: number) {
  checkUndecided(doc, key);
  checkText('reason', reason, { min: 1, max: MAX_REASON });
  if (reason.trim() === '') throw new RangeError('say why it is dismissed');
  checkAuthor(by, at);
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    doc.getMap<unknown>(CONCERN_DECISIONS).set(key, { state: 'dismissed', reason, by, at });
  });
}

/** Every decision, read without trust. */
export function readConcernDecisions(doc: Y.Doc, problems: string[] = []) {
  const decisions = new Map<string, ConcernDecision>();
  const map = topMap(doc, CONCERN_DECISIONS, problems);
  if (map === undefined) return decisions;
  for (const [key, value] of map.entries()) {
    const path = `${CONCERN_DECISIONS}.${key.slice(0, 80)}`;
    if (!KEY.test(key) || !isPlainObject(value)) {
      addProblem(problems, `${path}: not a decision; skipped`);
      continue;
    }
    const fields = fieldsOf(value);
    const opts = { path, required: true };
    const state = readEnum(fields, 'state', CONCERN_STATES, problems, opts);
    const by = readString(fields, 'by', problems, { ...opts, max: MAX_PERSON });
    const at = readTimestamp(fields, 'at', problems, opts);
    if (state === undefined || by === undefined || at === undefined) continue;
    const decision: ConcernDecision = { key, state, by, at };
    const incidentId = readString(fields, 'incidentId', problems, { path });
    if (incidentId !== undefined && isId(incidentId)) decision.incidentId = incidentId;
    const reason = readString(fields, 'reason', problems, { path, max: MAX_REASON });
    if (reason !== undefined) decision.reason = reason;
    decisions.set(key, decision);
  }
  return decisions;
}
