import * as Y from 'yjs';
import { addProblem } from '../schema/problems.ts';
import { readEnum, readNumber, readString, readTimestamp, topMap } from '../schema/read.ts';
import { readRecords } from '../schema/read-lists.ts';
import { isId } from '../schema/values.ts';
import { ensureWritable } from '../schema/version.ts';
import { checkText, checkTimestamp, childMap } from '../schema/write.ts';
import { MAX_PERSON, REGISTRY_SCHEMA } from './schema.ts';

/**
 * Assessment sign-offs, confirmed where only leads can write. Contributors may write an
 * assessment document, so a sign-off recorded there alone could be forged by one; the lead who
 * signs off also records it here, with the SHA-256 of the frozen content, and readers trust a
 * version as approved only when both agree (shared/assessments/approval-check.ts).
 *
 *   approvals  assessmentId → versionId → { versionName, number, by, role, at, contentSha256,
 *                                            sealSha256? }
 *     sealSha256: the SHA-256 of everything an export of the version shows (shared/assessments/
 *     signed-view.ts); absent in approvals recorded before it, which cover the text only.
 *
 * Entries are written once and never changed. A new optional top-level map: no migration.
 */
export const APPROVALS = 'approvals';
export const APPROVER_ROLES = ['admin', 'lead'] as const;
const SHA256_HEX = /^[0-9a-f]{64}$/;
const MAX_VERSION_NAME = 100;

export interface Approval {
  assessmentId: string;
  versionId: string;
  versionName: string;
  number: number;
  by: string;
  role: (typeof APPROVER_ROLES)[number];
  at: number;
  /** Lower-case hex SHA-256 of the version's frozen content. */
  contentSha256: string;
  /** Lower-case hex SHA-256 of the version's whole signed view (absent in older approvals). */
  sealSha256?: string;
}

/** Records a sign-off. Throws, changing nothing, on bad input or an approval already there. */
export function recordApproval(doc: Y.Doc, approval: Approval): void {
  if (!isId(approval.assessmentId) || !isId(approval.versionId)) {
    throw new RangeError('assessment and version ids must be 1–64 letters, digits, _ or -');
  }
  checkText('versionName', approval.versionName, { min: 1, max: MAX_VERSION_NAME });
  if (!Number.isSafeInteger(approval.number) || approval.number < 1) {
    throw new RangeError('number must be a whole number ≥ 1');
  }
  checkText('by', approval.by, { min: 1, max: MAX_PERSON });
  if (!APPROVER_ROLES.includes(approval.role)) {
    throw new RangeError('only a lead or an admin approves an assessment');
  }
  checkTimestamp('at', approval.at);
  checkText('contentSha256', approval.contentSha256, { min: 64, max: 64, pattern: SHA256_HEX });
  if (approval.sealSha256 !== undefined) {
    checkText('sealSha256', approval.sealSha256, { min: 64, max: 64, pattern: SHA256_HEX });
  }
  const existing = doc.getMap<unknown>(APPROVALS).get(approval.assessmentId);
  if (existing instanceof Y.Map && existing.has(approval.versionId)) {
    throw new Error(`version ${approval.versionId} is already approved`);
  }
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    const versions = childMap(doc.getMap<unknown>(APPROVALS), approval.assessmentId);
    const entry = new Y.Map<unknown>();
    versions.set(approval.versionId, entry);
    entry.set('versionName', approval.versionName);
    entry.set('number', approval.number);
    entry.set('by', approval.by);
    entry.set('role', approval.role);
    entry.set('at', approval.at);
    entry.set('contentSha256', approval.contentSha256);
    if (approval.sealSha256 !== undefined) entry.set('sealSha256', approval.sealSha256);
  });
}

function readApproval(
  map: Y.Map<unknown>,
  assessmentId: string,
  versionId: string,
  path: string,
  problems: string[],
): Approval | undefined {
  const opts = { path, required: true };
  const versionName = readString(map, 'versionName', problems, { ...opts, max: MAX_VERSION_NAME });
  const number = readNumber(map, 'number', problems, { ...opts, integer: true, min: 1 });
  const by = readString(map, 'by', problems, { ...opts, max: MAX_PERSON });
  const role = readEnum(map, 'role', APPROVER_ROLES, problems, opts);
  const at = readTimestamp(map, 'at', problems, opts);
  const contentSha256 = readString(map, 'contentSha256', problems, {
    ...opts,
    pattern: SHA256_HEX,
  });
  if (
    versionName === undefined ||
    number === undefined ||
    !by ||
    !role ||
    at === undefined ||
    !contentSha256
  ) {
    addProblem(problems, `${path}: unreadable approval; skipped`);
    return undefined;
  }
  const sealSha256 = readString(map, 'sealSha256', problems, { path, pattern: SHA256_HEX });
  const approval: Approval = {
    assessmentId,
    versionId,
    versionName,
    number,
    by,
    role,
    at,
    contentSha256,
  };
  if (sealSha256 !== undefined) approval.sealSha256 = sealSha256;
  return approval;
}

/** Every assessment's confirmed sign-offs (oldest first), read without trust. */
export function readApprovals(doc: Y.Doc): {
  approvals: Map<string, Approval[]>;
  problems: string[];
} {
  const problems: string[] = [];
  const approvals = new Map<string, Approval[]>();
  const map = topMap(doc, APPROVALS, problems);
  if (map === undefined) return { approvals, problems };
  readRecords(map, APPROVALS, problems, isId, (versions, assessmentId, path) => {
    const list = readRecords(versions, path, problems, isId, (entry, versionId, at) =>
      readApproval(entry, assessmentId, versionId, at, problems),
    ).sort((a, b) => a.number - b.number || a.at - b.at);
    approvals.set(assessmentId, list);
    return undefined;
  });
  return { approvals, problems };
}
