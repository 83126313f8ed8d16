import type * as Y from 'yjs';
import { addProblem } from '../schema/problems.ts';
import { fieldsOf, isPlainObject } from '../schema/read-core.ts';
import { readNumber, readString, topMap } from '../schema/read.ts';
import { byCodeUnit, isId } from '../schema/values.ts';
import { ensureWritable } from '../schema/version.ts';
import { checkTimestamp, type JsonValue } from '../schema/write.ts';
import { DAY_PATTERN, dayOf, REPORT_SCHEMA } from './schema.ts';

/**
 * The employee's acknowledgements of the workspace's AI policy (ISO/IEC 42001 7.3 awareness),
 * made in the extension's panel on an AI tool (docs/extension.md, "The AI policy panel"): a new
 * optional top-level map of the report document, written only by that extension, one plain object
 * per policy version:
 *
 *   policyAcks  versionId → { number, day: 'YYYY-MM-DD' (UTC) }
 *
 * Pseudonymous like the rest of the report (the extension's random id); at day precision, like
 * visits. An acknowledgement is never withdrawn: a second one of the same version is a no-op.
 */
export const POLICY_ACKS = 'policyAcks';
/** One per approved version: far beyond a policy's lifetime, and it bounds a runaway script. */
export const MAX_POLICY_ACKS = 500;

export interface PolicyAck {
  versionId: string;
  /** The version's number as the extension saw it (for reading the figure; the id is the key). */
  number: number;
  day: string;
}

/** Records that the employee acknowledged a version. Throws, changing nothing, on bad input. */
export function acknowledgePolicy(
  doc: Y.Doc,
  ack: { versionId: string; number: number; at: number },
): boolean {
  if (!isId(ack.versionId)) throw new RangeError('versionId is not an id');
  if (!Number.isSafeInteger(ack.number) || ack.number < 1) {
    throw new RangeError('number must be a whole number ≥ 1');
  }
  checkTimestamp('acknowledged at', ack.at);
  let added = false;
  doc.transact(() => {
    ensureWritable(doc, REPORT_SCHEMA);
    const acks = doc.getMap<unknown>(POLICY_ACKS);
    if (acks.has(ack.versionId)) return;
    if (acks.size >= MAX_POLICY_ACKS) {
      throw new RangeError(`a report keeps at most ${MAX_POLICY_ACKS} acknowledgements`);
    }
    acks.set(ack.versionId, { number: ack.number, day: dayOf(ack.at) } as JsonValue);
    added = true;
  });
  return added;
}

/** The report's acknowledgements in version-id order, read without trust (bad ones skipped, listed). */
export function readPolicyAcks(doc: Y.Doc, problems: string[] = []): PolicyAck[] {
  const map = topMap(doc, POLICY_ACKS, problems);
  if (map === undefined) return [];
  const acks: PolicyAck[] = [];
  for (const [versionId, value] of map.entries()) {
    const path = `${POLICY_ACKS}.${versionId.slice(0, 80)}`;
    if (!isId(versionId) || !isPlainObject(value)) {
      addProblem(problems, `${path}: not an acknowledgement; skipped`);
      continue;
    }
    const fields = fieldsOf(value);
    const opts = { path, required: true };
    const number = readNumber(fields, 'number', problems, { ...opts, integer: true, min: 1 });
    const day = readString(fields, 'day', problems, { ...opts, max: 10, pattern: DAY_PATTERN });
    if (number === undefined || day === undefined) {
      addProblem(problems, `${path}: unreadable acknowledgement; skipped`);
      continue;
    }
    acks.push({ versionId, number, day });
  }
  return acks.sort((a, b) => byCodeUnit(a.versionId, b.versionId));
}
