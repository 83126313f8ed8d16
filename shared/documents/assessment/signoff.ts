import * as Y from 'yjs';
import type { Role } from '../../auth/access.ts';
import { isId } from '../schema/values.ts';
import { ensureWritable } from '../schema/version.ts';
import { checkText, checkTimestamp, type JsonValue } from '../schema/write.ts';
import { readAssessment } from './read.ts';
import {
  ASSESSMENT_SCHEMA,
  MAX_PERSON,
  MAX_VERSION_NAME,
  SECTIONS,
  SIGN_OFF_ROLES,
  SIGNOFFS,
  VERSIONS,
  type Assessment,
  type FrozenVersion,
  type VersionInfo,
} from './schema.ts';
import { freezeSections } from './versions.ts';

/**
 * Sign-off: a lead or an admin approves the assessment once every section is done. It freezes
 * the text as a named version (a Yjs snapshot and the frozen sections) and the live document
 * continues as the next draft, its sections back in draft for the next review.
 */

/** Why this role cannot sign the assessment off now; empty when it can. */
export function signOffBlockers(assessment: Assessment, role: Role): string[] {
  const blockers: string[] = [];
  if (!SIGN_OFF_ROLES.includes(role)) {
    blockers.push(`only a lead or an admin can sign off, not a ${role}`);
  }
  if (!assessment.meta) {
    blockers.push('the assessment is not readable');
    return blockers;
  }
  const open = assessment.meta.outline
    .map((section) => ({ section, status: assessment.sections.get(section.id)?.status ?? 'draft' }))
    .filter(({ status }) => status !== 'done');
  if (open.length > 0) {
    blockers.push(
      `every section must be done first: ${open.map(({ section, status }) => `${section.title} (${status})`).join(', ')}`,
    );
  }
  return blockers;
}

export function canSignOff(assessment: Assessment, role: Role): boolean {
  return signOffBlockers(assessment, role).length === 0;
}

export class SignOffError extends Error {
  override name = 'SignOffError';
  readonly blockers: string[];
  constructor(blockers: string[]) {
    super(`cannot sign off: ${blockers.join('; ')}`);
    this.blockers = blockers;
  }
}

export interface SignOffInput {
  signoffId: string;
  versionId: string;
  /** Defaults to `Version <n>`. */
  versionName?: string;
  by: string;
  role: Role;
  at: number;
  /**
   * The workspace's conditions (shared/assessments/sign-off-gate.ts): what still stands in the
   * way (approvals a tier needs, completeness checks), the approving reviews it counted and the
   * register's view of the pre-filled sections, frozen with the version.
   */
  gate?: {
    blockers: readonly string[];
    reviews: FrozenVersion['reviews'];
    registerView: FrozenVersion['registerView'];
  };
}

/**
 * Signs the assessment off: records the version and the sign-off and puts every section back in
 * draft, in one transaction. Throws a SignOffError (changing nothing) when a blocker stands,
 * and a plain error for bad input.
 */
export function signOff(doc: Y.Doc, input: SignOffInput): VersionInfo {
  if (!isId(input.signoffId) || !isId(input.versionId)) {
    throw new RangeError('sign-off and version ids must be 1–64 letters, digits, _ or -');
  }
  if (input.versionName !== undefined) {
    checkText('versionName', input.versionName, { min: 1, max: MAX_VERSION_NAME });
  }
  checkText('by', input.by, { min: 1, max: MAX_PERSON });
  checkTimestamp('at', input.at);
  const assessment = readAssessment(doc);
  const blockers = [...signOffBlockers(assessment, input.role), ...(input.gate?.blockers ?? [])];
  if (blockers.length > 0) throw new SignOffError(blockers);
  const versions = doc.getMap<unknown>(VERSIONS);
  const signoffs = doc.getMap<unknown>(SIGNOFFS);
  if (versions.has(input.versionId)) throw new Error(`version ${input.versionId} already exists`);
  if (signoffs.has(input.signoffId)) throw new Error(`sign-off ${input.signoffId} already exists`);
  const meta = assessment.meta!;
  const outline = meta.outline;
  const number = Math.max(0, ...assessment.versions.map((v) => v.number)) + 1;
  const name = input.versionName ?? `Version ${number}`;
  // Taken before the transaction: the version is the document as it was signed.
  const snapshot = Y.encodeSnapshot(Y.snapshot(doc));
  const content = freezeSections(doc, outline);
  const frozen: FrozenVersion = {
    title: meta.title,
    kind: meta.kind,
    recordId: meta.recordId,
    templateId: meta.templateId,
    templateVersion: meta.templateVersion,
    outline: outline.map(({ id, title, references }) => ({
      id,
      title,
      references: [...references],
    })),
    reviewers: [...assessment.reviewers],
    reviews: (input.gate?.reviews ?? []).map(({ by, at }) => ({ by, at })),
    registerView: { ...input.gate?.registerView },
  };
  doc.transact(() => {
    ensureWritable(doc, ASSESSMENT_SCHEMA);
    const version = new Y.Map<unknown>();
    versions.set(input.versionId, version);
    version.set('name', name);
    version.set('number', number);
    version.set('by', input.by);
    version.set('role', input.role);
    version.set('at', input.at);
    version.set('snapshot', snapshot);
    version.set('content', content);
    version.set('frozen', frozen as unknown as JsonValue);
    const signoff = new Y.Map<unknown>();
    signoffs.set(input.signoffId, signoff);
    signoff.set('by', input.by);
    signoff.set('role', input.role);
    signoff.set('at', input.at);
    signoff.set('versionId', input.versionId);
    signoff.set('versionName', name);
    const sections = doc.getMap<unknown>(SECTIONS);
    for (const section of outline) {
      const state = sections.get(section.id);
      if (!(state instanceof Y.Map)) continue;
      state.set('status', 'draft');
      state.set('updatedBy', input.by);
      state.set('updatedAt', input.at);
    }
  });
  return {
    id: input.versionId,
    name,
    number,
    by: input.by,
    role: input.role,
    at: input.at,
    snapshot,
    content,
    frozen,
  };
}
