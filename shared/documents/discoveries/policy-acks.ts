import type * as Y from 'yjs';
import { addProblem } from '../schema/problems.ts';
import { fieldsOf, isPlainObject } from '../schema/read-core.ts';
import { readStringList } from '../schema/read-lists.ts';
import { readNumber, readTimestamp, topMap } from '../schema/read.ts';
import { byCodeUnit, isId } from '../schema/values.ts';
import { ensureWritable } from '../schema/version.ts';
import { checkTimestamp, jsonEqual, type JsonValue } from '../schema/write.ts';
import { DISCOVERIES_SCHEMA, MAX_REPORTER_IDS } from './schema.ts';

/**
 * How many employees acknowledged each version of the AI policy, counted by the relay from the
 * reports' `policyAcks` (report/policy-acks.ts; docs/sync.md ACK1–ACK3). Counts only; who only
 * with attributed reporting, and then as the extensions' random ids, like discoveries.
 *
 *   policyAcks  versionId → { number, acknowledged, ofActive, active, computedAt, reporterIds? }
 *
 * The relay is the only writer and replaces each entry whole.
 */
export const POLICY_ACK_COUNTS = 'policyAcks';

export interface PolicyAckCount {
  versionId: string;
  number: number;
  /** Extensions that ever acknowledged this version. */
  acknowledged: number;
  /** Of those, the extensions active in the 30 days before `computedAt`. */
  ofActive: number;
  /** Extensions active in those 30 days (the same count as `activity.reporters30d`). */
  active: number;
  computedAt: number;
  /** Only with attributed reporting: who acknowledged (extension ids, at most 100). */
  reporterIds?: string[];
}

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/**
 * ACK2: the acceptance rate of a version — the share of the extensions active in the last 30
 * days that acknowledged it (0…1), or undefined when none was active. One function, so the page
 * and its tests read the same figure.
 */
export function acceptanceRate(count: Pick<PolicyAckCount, 'ofActive' | 'active'>) {
  return count.active === 0 ? undefined : Math.min(1, count.ofActive / count.active);
}

/**
 * Makes the document hold exactly `counts` (one entry per version), writing only differences.
 * Throws, changing nothing, on bad input.
 */
export function writePolicyAckCounts(doc: Y.Doc, counts: readonly PolicyAckCount[]): boolean {
  for (const count of counts) {
    if (!isId(count.versionId)) throw new RangeError('versionId is not an id');
    if (!isCount(count.number) || count.number < 1) throw new RangeError('number must be ≥ 1');
    if (![count.acknowledged, count.ofActive, count.active].every(isCount)) {
      throw new RangeError('counts must be whole numbers ≥ 0');
    }
    if (count.ofActive > count.acknowledged || count.ofActive > count.active) {
      throw new RangeError('ofActive cannot exceed acknowledged or active');
    }
    checkTimestamp('computedAt', count.computedAt);
    if (count.reporterIds && !count.reporterIds.every(isId)) {
      throw new RangeError('reporterIds must be ids');
    }
  }
  let changed = false;
  doc.transact(() => {
    const map = doc.getMap<unknown>(POLICY_ACK_COUNTS);
    const wanted = new Map(counts.map(({ versionId, ...value }) => [versionId, value]));
    const writes: Array<() => void> = [];
    for (const key of map.keys()) if (!wanted.has(key)) writes.push(() => map.delete(key));
    for (const [key, value] of wanted) {
      const { computedAt: _at, ...compared } = value;
      const current = map.get(key);
      const { computedAt: _was, ...currentCompared } = isPlainObject(current) ? current : {};
      // A new time alone is no change: an unchanged figure costs no update.
      if (!jsonEqual(currentCompared, compared)) {
        writes.push(() => map.set(key, value as unknown as JsonValue));
      }
    }
    if (writes.length === 0) return;
    ensureWritable(doc, DISCOVERIES_SCHEMA);
    writes.forEach((write) => write());
    changed = true;
  });
  return changed;
}

/** Every version's count, highest number first, read without trust (bad entries skipped, listed). */
export function readPolicyAckCounts(doc: Y.Doc, problems: string[] = []): PolicyAckCount[] {
  const map = topMap(doc, POLICY_ACK_COUNTS, problems);
  if (map === undefined) return [];
  const counts: PolicyAckCount[] = [];
  for (const [versionId, value] of map.entries()) {
    const path = `${POLICY_ACK_COUNTS}.${versionId.slice(0, 80)}`;
    if (!isId(versionId) || !isPlainObject(value)) {
      addProblem(problems, `${path}: not a policy count; skipped`);
      continue;
    }
    const fields = fieldsOf(value);
    const whole = { path, required: true, integer: true, min: 0 };
    const number = readNumber(fields, 'number', problems, { ...whole, min: 1 });
    const acknowledged = readNumber(fields, 'acknowledged', problems, whole);
    const ofActive = readNumber(fields, 'ofActive', problems, whole);
    const active = readNumber(fields, 'active', problems, whole);
    const computedAt = readTimestamp(fields, 'computedAt', problems, { path, required: true });
    if (
      number === undefined ||
      acknowledged === undefined ||
      ofActive === undefined ||
      active === undefined ||
      computedAt === undefined ||
      ofActive > acknowledged ||
      ofActive > active
    ) {
      addProblem(problems, `${path}: unreadable policy count; skipped`);
      continue;
    }
    const count: PolicyAckCount = { versionId, number, acknowledged, ofActive, active, computedAt };
    const reporterIds = readStringList(fields, 'reporterIds', problems, {
      path,
      maxItems: MAX_REPORTER_IDS,
      accept: isId,
    });
    if (reporterIds !== undefined) count.reporterIds = reporterIds;
    counts.push(count);
  }
  return counts.sort((a, b) => b.number - a.number || byCodeUnit(a.versionId, b.versionId));
}
