import * as Y from 'yjs';
import { OBLIGATIONS } from '../../classification/rules/obligations.ts';
import { isIsoDay } from '../../classification/rules/validate.ts';
import { addProblem, describe, joinPath } from '../schema/problems.ts';
import { readEnum, readString, readTimestamp, topMap } from '../schema/read.ts';
import { isId } from '../schema/values.ts';
import { checkText, setIfChanged } from '../schema/write.ts';
import { saveAuthoredEntry } from './authored.ts';
import { MAX_PERSON } from './schema.ts';
import { isEvidenceUrl } from './soa.ts';

/**
 * The deployer-obligations tracker: for each system, the state of each EU AI Act duty that binds
 * the workspace, with its owner and evidence (docs/classification.md, "The deployer-obligations
 * tracker"). A top-level map of the registry document (leads write), one flat entry per duty of a
 * record, so two leads working on different duties both win:
 *
 *   dutyTracker  `<recordId>/<dutyId>` → { status: to-do|in-progress|done|not-applicable,
 *                  owner?, evidence? (text), link? (http/https), date? (YYYY-MM-DD),
 *                  updatedBy, updatedAt }
 *
 * `dutyId` is an obligation id of shared/classification/rules/obligations.ts. Which duties a system
 * owes is not stored: it follows from its classification, so a duty the rules no longer give is
 * kept (and reported as such by the tracker) rather than lost. A new optional top-level map: no
 * migration.
 */
export const DUTY_TRACKER = 'dutyTracker';

export const DUTY_STATUSES = ['to-do', 'in-progress', 'done', 'not-applicable'] as const;
export type DutyStatus = (typeof DUTY_STATUSES)[number];

export const MAX_DUTY_EVIDENCE = 2000;

export interface TrackedDutyFields {
  status: DutyStatus;
  owner?: string;
  /** What shows the duty is met: names, a notice text, where the logs are kept… */
  evidence?: string;
  /** A link to the evidence (a DPIA, the FRIA, the instructions for use): http or https only. */
  link?: string;
  /** The day it was done, received or notified (YYYY-MM-DD). */
  date?: string;
}

export interface TrackedDuty extends TrackedDutyFields {
  recordId: string;
  dutyId: string;
  updatedBy: string;
  updatedAt: number;
}

export interface DutyTracker {
  /** recordId → dutyId → its tracked state. */
  byRecord: Map<string, Map<string, TrackedDuty>>;
  problems: string[];
}

const DUTY_IDS = new Set<string>(OBLIGATIONS.map((o) => o.id));

export function isDutyId(value: unknown): value is string {
  return typeof value === 'string' && DUTY_IDS.has(value);
}

function splitKey(key: string): [string, string] | undefined {
  const slash = key.indexOf('/');
  if (slash < 0) return undefined;
  const recordId = key.slice(0, slash);
  const dutyId = key.slice(slash + 1);
  return isId(recordId) && isDutyId(dutyId) ? [recordId, dutyId] : undefined;
}

function checkFields(fields: TrackedDutyFields): void {
  if (typeof fields !== 'object' || fields === null) throw new TypeError('nothing to save');
  if (!DUTY_STATUSES.includes(fields.status))
    throw new RangeError(`status must be one of ${DUTY_STATUSES.join(', ')}`);
  if (fields.owner !== undefined) checkText('owner', fields.owner, { min: 1, max: MAX_PERSON });
  if (fields.evidence !== undefined)
    checkText('evidence', fields.evidence, { max: MAX_DUTY_EVIDENCE });
  if (fields.link !== undefined && !isEvidenceUrl(fields.link))
    throw new RangeError('the link must be an http or https address');
  if (fields.date !== undefined && !isIsoDay(fields.date))
    throw new RangeError('the date must be a calendar day, YYYY-MM-DD');
}

/**
 * Records the state of one duty of one system, writing only what changed (optional fields left out
 * are removed). Throws, changing nothing, on an unknown record id or duty, or bad input. Returns
 * whether anything changed.
 */
export function saveTrackedDuty(
  doc: Y.Doc,
  recordId: string,
  dutyId: string,
  fields: TrackedDutyFields,
  by: string,
  at: number,
): boolean {
  if (!isId(recordId)) throw new RangeError('not a record id');
  if (!isDutyId(dutyId)) throw new RangeError('not a duty of the EU AI Act rules');
  checkFields(fields);
  const blank = (text: string | undefined) =>
    text === undefined || text.trim() === '' ? undefined : text;
  return saveAuthoredEntry(doc, DUTY_TRACKER, `${recordId}/${dutyId}`, by, at, (map) => [
    setIfChanged(map, 'status', fields.status),
    setIfChanged(map, 'owner', blank(fields.owner)),
    setIfChanged(map, 'evidence', blank(fields.evidence)),
    setIfChanged(map, 'link', fields.link),
    setIfChanged(map, 'date', fields.date),
  ]);
}

function readEntry(map: Y.Map<unknown>, path: string, problems: string[]) {
  const status = readEnum(map, 'status', DUTY_STATUSES, problems, { path, required: true });
  if (status === undefined) {
    addProblem(problems, `${path}: no readable status; the duty shows as not started`);
    return undefined;
  }
  const entry: TrackedDutyFields = { status };
  const owner = readString(map, 'owner', problems, { path, max: MAX_PERSON });
  if (owner !== undefined) entry.owner = owner;
  const evidence = readString(map, 'evidence', problems, { path, max: MAX_DUTY_EVIDENCE });
  if (evidence !== undefined) entry.evidence = evidence;
  const link = map.get('link');
  if (isEvidenceUrl(link)) entry.link = link;
  else if (link !== undefined)
    addProblem(problems, `${joinPath(path, 'link')}: not an http or https link; skipped`);
  const date = map.get('date');
  if (isIsoDay(date)) entry.date = date;
  else if (date !== undefined)
    addProblem(problems, `${joinPath(path, 'date')}: not a calendar day, got ${describe(date)}`);
  return {
    ...entry,
    updatedBy:
      readString(map, 'updatedBy', problems, { path, max: MAX_PERSON, required: true }) ?? '',
    updatedAt: readTimestamp(map, 'updatedAt', problems, { path, required: true }) ?? 0,
  };
}

/** The tracker, read without trust: an entry of the wrong shape is skipped and listed. */
export function readDutyTracker(doc: Y.Doc): DutyTracker {
  const problems: string[] = [];
  const byRecord = new Map<string, Map<string, TrackedDuty>>();
  const map = topMap(doc, DUTY_TRACKER, problems);
  if (map === undefined) return { byRecord, problems };
  for (const key of [...map.keys()].sort()) {
    const path = joinPath(DUTY_TRACKER, key);
    const ids = splitKey(key);
    const value = map.get(key);
    if (ids === undefined) {
      addProblem(problems, `${path}: not a record id and duty; skipped`);
      continue;
    }
    if (!(value instanceof Y.Map)) {
      addProblem(problems, `${path}: expected a map, got ${describe(value)}; skipped`);
      continue;
    }
    const entry = readEntry(value, path, problems);
    if (entry === undefined) continue;
    const [recordId, dutyId] = ids;
    let duties = byRecord.get(recordId);
    if (!duties) byRecord.set(recordId, (duties = new Map()));
    duties.set(dutyId, { recordId, dutyId, ...entry });
  }
  return { byRecord, problems };
}
