import { digest } from 'lib0/hash/sha256';
import type { Assessment, VersionInfo } from '../documents/assessment/index.ts';
import type { Approval } from '../documents/registry/index.ts';
import { versionSeal } from './signed-view.ts';

/**
 * Whether a version's sign-off holds: the assessment document says who signed it, but
 * contributors can write that document too, so a version counts as approved only when the
 * registry (leads only) holds a matching approval whose seal — the SHA-256 of everything an
 * export of the version shows (signed-view.ts) — still matches (docs/assessments.md, S1–S3).
 */

export type ApprovalState = 'approved' | 'unconfirmed' | 'altered';

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

/** The SHA-256 of a version's frozen content, lower-case hex. */
export function contentSha256(content: Uint8Array): string {
  return hex(digest(content));
}

/**
 * The registry entry a lead records together with signOff (documents/registry/approvals.ts).
 * `assessment` is the document read after the sign-off: the seal covers its signers.
 */
export function approvalFor(
  assessmentId: string,
  version: VersionInfo,
  assessment: Assessment,
): Approval {
  if (!version.content) throw new Error(`version ${version.id} has no content`);
  if (version.role !== 'lead' && version.role !== 'admin') {
    throw new Error('only a lead or an admin approves an assessment');
  }
  const stored = assessment.versions.find((v) => v.id === version.id);
  if (!stored) throw new Error(`version ${version.id} is not in this assessment`);
  return {
    assessmentId,
    versionId: version.id,
    versionName: version.name,
    number: version.number,
    by: version.by,
    role: version.role,
    at: version.at,
    contentSha256: contentSha256(version.content),
    sealSha256: versionSeal(assessment, stored),
  };
}

/** versionId → whether its sign-off is confirmed by the registry and unchanged since. */
export function checkApprovals(
  assessment: Assessment,
  approvals: readonly Approval[],
): Map<string, ApprovalState> {
  const byVersion = new Map(approvals.map((a) => [a.versionId, a]));
  const states = new Map<string, ApprovalState>();
  for (const version of assessment.versions) {
    const approval = byVersion.get(version.id);
    if (!approval || approval.by !== version.by || approval.number !== version.number) {
      states.set(version.id, 'unconfirmed');
    } else if (
      !version.content ||
      contentSha256(version.content) !== approval.contentSha256 ||
      version.name !== approval.versionName ||
      version.role !== approval.role ||
      version.at !== approval.at ||
      (approval.sealSha256 !== undefined &&
        versionSeal(assessment, version) !== approval.sealSha256)
    ) {
      states.set(version.id, 'altered');
    } else states.set(version.id, 'approved');
  }
  return states;
}

/** Approved versions no longer in the document (deleted after approval): each is a tampering. */
export function missingApprovedVersions(
  assessment: Assessment,
  approvals: readonly Approval[],
): Approval[] {
  const present = new Set(assessment.versions.map((v) => v.id));
  return approvals.filter((a) => !present.has(a.versionId));
}
