import { digest } from 'lib0/hash/sha256';
import { encodeUtf8 } from 'lib0/string';
import type * as Y from 'yjs';
import {
  currentSections,
  versionSections,
  type Assessment,
  type Block,
  type VersionInfo,
} from '../documents/assessment/index.ts';

/**
 * What an export of an assessment shows, apart from whether it is approved: the same object is
 * what the registry's approval seals (its SHA-256), so nothing an export prints can change after
 * a sign-off without the approval reading "changed after approval" (docs/assessments.md, S1).
 */

export interface ViewSection {
  id: string;
  title: string;
  references: string[];
  blocks: Block[];
  /** The register's paragraphs shown with the section: frozen at sign-off, live in the draft. */
  register: string[];
}

export interface AssessmentView {
  title: string;
  kind: 'risk' | 'impact';
  recordId: string;
  templateId: string;
  templateVersion: number;
  /** The version's name and number; absent for the draft. */
  version?: { name: string; number: number; by: string; role: string; at: number };
  /** Sign-offs up to and including this version, oldest first. */
  signers: Array<{ versionName: string; by: string; role: string; at: number }>;
  reviewers: string[];
  /** The reviewers' approvals the sign-off counted (a draft: those still current). */
  reviews: Array<{ by: string; at: number }>;
  sections: ViewSection[];
}

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

/** JSON with every object's keys sorted, so equal values always give equal bytes. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Lower-case hex SHA-256 of the canonical JSON of a value. */
export function sha256Of(value: unknown): string {
  return hex(digest(encodeUtf8(canonicalJson(value))));
}

/** The signed-off version as its export shows it: every part from what the sign-off froze. */
export function versionView(assessment: Assessment, version: VersionInfo): AssessmentView {
  const meta = assessment.meta;
  const frozen = version.frozen;
  // A version signed off before `frozen` was recorded reads the live meta: the seal then
  // covers it, so a later edit still shows as a change after approval.
  const outline =
    frozen?.outline.map((s) => ({ ...s, guidance: '' })) ??
    meta?.outline.map(({ id, title, references }) => ({ id, title, references, guidance: '' })) ??
    [];
  const upTo = new Set(
    assessment.versions.filter((v) => v.number <= version.number).map((v) => v.id),
  );
  const sections = versionSections(version, outline);
  return {
    title: frozen?.title ?? meta?.title ?? '',
    kind: frozen?.kind ?? meta?.kind ?? 'risk',
    recordId: frozen?.recordId ?? meta?.recordId ?? '',
    templateId: frozen?.templateId ?? meta?.templateId ?? '',
    templateVersion: frozen?.templateVersion ?? meta?.templateVersion ?? 1,
    version: {
      name: version.name,
      number: version.number,
      by: version.by,
      role: version.role,
      at: version.at,
    },
    signers: assessment.signoffs
      .filter((s) => upTo.has(s.versionId))
      .map(({ versionName, by, role, at }) => ({ versionName, by, role, at })),
    reviewers: frozen?.reviewers ?? assessment.reviewers,
    reviews: frozen?.reviews ?? [],
    sections: sections.map((s, i) => ({
      ...s,
      references: outline[i]?.references ?? [],
      register: frozen?.registerView[s.id] ?? [],
    })),
  };
}

/**
 * The live draft as an export shows it. `register`: the register's current view of each
 * pre-filled section (live until a sign-off freezes it); `reviews`: the approvals still current.
 */
export function draftView(
  doc: Y.Doc,
  assessment: Assessment,
  live: {
    register?: ReadonlyMap<string, readonly string[]>;
    reviews?: AssessmentView['reviews'];
  } = {},
): AssessmentView {
  const meta = assessment.meta;
  if (!meta) throw new Error('this document holds no readable assessment');
  return {
    title: meta.title,
    kind: meta.kind,
    recordId: meta.recordId,
    templateId: meta.templateId,
    templateVersion: meta.templateVersion,
    signers: assessment.signoffs.map(({ versionName, by, role, at }) => ({
      versionName,
      by,
      role,
      at,
    })),
    reviewers: assessment.reviewers,
    reviews: [...(live.reviews ?? [])],
    sections: currentSections(doc, meta.outline).map((s, i) => ({
      ...s,
      references: meta.outline[i]?.references ?? [],
      register: [...(live.register?.get(s.id) ?? [])],
    })),
  };
}

/** The seal of a version: what the registry's approval records (approval-check.ts). */
export function versionSeal(assessment: Assessment, version: VersionInfo): string {
  return sha256Of(versionView(assessment, version));
}

/**
 * The digest of the draft's text and titles: a reviewer's verdict names it, so an approval holds
 * only for the text the reviewer read.
 */
export function draftSha256(doc: Y.Doc, assessment: Assessment): string {
  const view = draftView(doc, assessment);
  return sha256Of({
    title: view.title,
    sections: view.sections.map(({ id, title, blocks }) => ({ id, title, blocks })),
  });
}
