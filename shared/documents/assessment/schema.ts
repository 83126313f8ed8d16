import type * as Y from 'yjs';
import type { Role } from '../../auth/access.ts';
import { defineSchema, migrate, type MigrationResult } from '../schema/version.ts';

/**
 * `<workspace>/assessment/<id>`: one assessment, co-edited by leads and invited contributors.
 *
 *   meta        schemaVersion, kind (risk|impact), recordId, templateId, templateVersion, title,
 *               createdAt, createdBy,
 *               outline: [{ id, title, guidance, references }] (plain JSON, written once at
 *               creation, so a later edit of the template never reshapes a started assessment)
 *   section:<sectionId>   Y.XmlFragment per section: the rich text, in the node names of TipTap's
 *               StarterKit (paragraph, heading, bulletList, …). The editor binds to it with
 *               Collaboration.configure({ document, field: sectionFragmentName(sectionId) }),
 *               which calls doc.getXmlFragment(field).
 *   sections    sectionId → { status: draft|in-review|done, assignee?, updatedBy, updatedAt }
 *   reviewers   person → true (a set, so reviewers added at once all stay)
 *   signoffs    signoffId → { by, role, at, versionId, versionName }
 *   reviews     reviewId → { by, decision: approve|request-changes, at, comment?, draftSha256 }
 *                 a reviewer's verdict on the draft as it stood (draftSha256: shared/assessments/
 *                 signed-view.ts); a later edit of the text makes an approval stale
 *   versions    versionId → { name, number, by, role, at, snapshot, content, frozen? }
 *                 frozen: plain JSON written once at sign-off — the title, kind, record, template
 *                   and version, the outline (titles, references), the reviewers, the approving
 *                   reviews and the register's view of each pre-filled section, so an export of
 *                   the version never reads them from the live (editable) document
 *                 snapshot: Y.encodeSnapshot(Y.snapshot(doc)) at sign-off: restorable only while
 *                   the document keeps deleted content (created with new Y.Doc({ gc: false })
 *                   on every replica, the relay's included), for Yjs-native history views;
 *                 content: the frozen sections as a self-contained Yjs update (their fragments
 *                   cloned into a fresh document), readable whatever the garbage collection.
 *
 * Create assessment documents with `new Y.Doc({ gc: false })`: with garbage collection on, the
 * text deleted after a sign-off is discarded and Y.createDocFromSnapshot cannot restore it.
 */
export { META } from '../schema/version.ts';
export const SECTIONS = 'sections';
export const REVIEWERS = 'reviewers';
export const SIGNOFFS = 'signoffs';
export const VERSIONS = 'versions';
export const REVIEWS = 'reviews';
export const OUTLINE = 'outline';
export const SECTION_FRAGMENT_PREFIX = 'section:';

/** The name of a section's Y.XmlFragment: the `field` of TipTap's Collaboration extension. */
export function sectionFragmentName(sectionId: string): string {
  return `${SECTION_FRAGMENT_PREFIX}${sectionId}`;
}

export const SCHEMA_VERSION = 1;
export const ASSESSMENT_SCHEMA = defineSchema({
  version: SCHEMA_VERSION,
  migrations: [
    // 1: the first layout, written whole by createAssessment.
    { version: 1, up: () => {} },
  ],
});

export function migrateAssessment(doc: Y.Doc): MigrationResult {
  return migrate(doc, ASSESSMENT_SCHEMA);
}

export const SECTION_STATUSES = ['draft', 'in-review', 'done'] as const;
export type SectionStatus = (typeof SECTION_STATUSES)[number];

/** Who may sign an assessment off. Contributors co-edit but never approve. */
export const SIGN_OFF_ROLES: readonly Role[] = ['admin', 'lead'];

export const MAX_PERSON = 200;
export const MAX_TITLE = 200;
export const MAX_VERSION_NAME = 100;
export const MAX_REVIEWERS = 50;
/** A version's content beyond this is not decoded (a hostile document cannot make a reader hang). */
export const MAX_VERSION_BYTES = 16 * 1024 * 1024;

export interface OutlineSection {
  id: string;
  title: string;
  guidance: string;
  references: string[];
}

export interface AssessmentMeta {
  schemaVersion?: number;
  kind: 'risk' | 'impact';
  recordId: string;
  templateId: string;
  templateVersion: number;
  title: string;
  createdAt: number;
  createdBy: string;
  outline: OutlineSection[];
}

export interface SectionState {
  status: SectionStatus;
  assignee?: string;
  updatedBy: string;
  updatedAt: number;
}

export interface SignOff {
  id: string;
  by: string;
  role: Role;
  at: number;
  versionId: string;
  versionName: string;
}

export const REVIEW_DECISIONS = ['approve', 'request-changes'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
export const MAX_REVIEW_COMMENT = 2000;

export interface Review {
  id: string;
  by: string;
  decision: ReviewDecision;
  at: number;
  comment?: string;
  /** The draft the reviewer read (shared/assessments/signed-view.ts, draftSha256). */
  draftSha256: string;
}

/** What a sign-off freezes besides the text, so a later edit of the live document never shows. */
export interface FrozenVersion {
  title: string;
  kind: 'risk' | 'impact';
  recordId: string;
  templateId: string;
  templateVersion: number;
  outline: Array<{ id: string; title: string; references: string[] }>;
  reviewers: string[];
  /** The approving reviews the sign-off counted. */
  reviews: Array<{ by: string; at: number }>;
  /** sectionId → the register's paragraphs shown with the section when it was signed off. */
  registerView: Record<string, string[]>;
}

export interface VersionInfo {
  id: string;
  name: string;
  number: number;
  by: string;
  role: Role;
  at: number;
  /** The encoded Yjs snapshot, when readable. */
  snapshot?: Uint8Array;
  /** The frozen sections as a Yjs update, when readable. */
  content?: Uint8Array;
  /** Absent in versions signed off before it was recorded (they read these from the live meta). */
  frozen?: FrozenVersion;
}

export interface Assessment {
  /** The document's schema version (0 for a new document); undefined when unreadable. */
  schemaVersion?: number;
  /** Undefined when the document has no readable meta (not created yet, or damaged). */
  meta?: AssessmentMeta;
  /** Every outline section has a state: one never set reads as draft. */
  sections: Map<string, SectionState>;
  /** Sorted. */
  reviewers: string[];
  /** Oldest first. */
  signoffs: SignOff[];
  /** Oldest first (by number, then time, then id). */
  versions: VersionInfo[];
  /** Oldest first. */
  reviews: Review[];
  problems: string[];
}
