import type * as Y from 'yjs';
import { readConcernEntry, type ReportConcern } from '../report/concerns.ts';
import { addProblem } from '../schema/problems.ts';
import { topMap } from '../schema/read.ts';
import { byCodeUnit, isId } from '../schema/values.ts';
import { ensureWritable } from '../schema/version.ts';
import { jsonEqual, type JsonValue } from '../schema/write.ts';
import { DISCOVERIES_SCHEMA } from './schema.ts';

/**
 * Employees' concerns, copied by the relay from every report into the discoveries document so
 * leads see them without opening each report (docs/incidents.md, rule I9):
 *
 *   concerns  '<reporterId>.<concernId>' → { toolKey?, host?, toolName, what, name?, createdAt }
 *
 * The relay is the only writer; the values are exactly the report's (report/concerns.ts owns
 * their shape, and its entry reader reads them here too).
 */
export const PROPOSED_CONCERNS = 'concerns';

export interface ProposedConcern extends ReportConcern {
  /** `<reporterId>.<concernId>`: what a lead's decision refers to. */
  key: string;
  /** The extension's random id: pseudonymous, never a person. */
  reporterId: string;
}

export const concernKey = (reporterId: string, concernId: string) => `${reporterId}.${concernId}`;

/**
 * Makes the document hold exactly `concerns` for `reporterId` (adds, updates, drops withdrawn
 * ones), writing only differences. Returns whether anything changed.
 */
export function writeReporterConcerns(
  doc: Y.Doc,
  reporterId: string,
  concerns: readonly ReportConcern[],
): boolean {
  if (!isId(reporterId)) throw new RangeError('reporterId is not an id');
  let changed = false;
  doc.transact(() => {
    const map = doc.getMap<unknown>(PROPOSED_CONCERNS);
    const wanted = new Map(concerns.map((c) => [concernKey(reporterId, c.id), c]));
    const prefix = `${reporterId}.`;
    const writes: Array<() => void> = [];
    for (const key of map.keys()) {
      if (key.startsWith(prefix) && !wanted.has(key)) writes.push(() => map.delete(key));
    }
    for (const [key, { id: _id, ...value }] of wanted) {
      if (!jsonEqual(map.get(key), value)) writes.push(() => map.set(key, value as JsonValue));
    }
    if (writes.length === 0) return;
    ensureWritable(doc, DISCOVERIES_SCHEMA);
    writes.forEach((write) => write());
    changed = true;
  });
  return changed;
}

/** Every reporter's concerns, newest first, read without trust. */
export function readProposedConcerns(doc: Y.Doc, problems: string[] = []): ProposedConcern[] {
  const map = topMap(doc, PROPOSED_CONCERNS, problems);
  if (map === undefined) return [];
  const proposed: ProposedConcern[] = [];
  for (const [key, value] of map.entries()) {
    const path = `${PROPOSED_CONCERNS}.${key.slice(0, 80)}`;
    const [reporterId = '', concernId = '', ...extra] = key.split('.');
    if (!isId(reporterId) || extra.length > 0) {
      addProblem(problems, `${path}: not a concern key; skipped`);
      continue;
    }
    const concern = readConcernEntry(concernId, value, path, problems);
    if (concern) proposed.push({ ...concern, key, reporterId });
  }
  return proposed.sort((a, b) => b.createdAt - a.createdAt || byCodeUnit(a.key, b.key));
}
