import type { Role } from '../auth/access.ts';
import type { DocumentSchema } from '../documents/schema/version.ts';
import type * as Y from 'yjs';

/**
 * Comments (docs/sync.md CMT1–CMT8): one top-level map `comments` in the document that holds the
 * subject — an assessment's sections in `W/assessment/<id>`, records and risks in `W/registry` —
 * so a comment travels, syncs and is kept exactly like what it discusses (CMT1).
 *
 *   comments  commentId → Y.Map {
 *               thread     the first comment's id (its own id for a thread's first comment)
 *               subject    "section:<sectionId>" | "record:<recordId>" | "risk:<riskId>"
 *               by, at     author (person name, as every `by` in the workspace) and time
 *               body       plain text, 1–4000 characters; `@Name` as typed
 *               mentions   [personKey, …] chosen from the people directory (CMT5)
 *               quote?     the passage commented on, as it read then (CMT3)
 *               anchor?    { from, to }: Yjs relative positions (JSON) of that passage
 *               proposal?  replacement text proposed for `quote` (a suggestion, CMT6)
 *               editedAt?  the author's last edit of `body`
 *               deleted?   { by, at }: withdrawn; the entry stays, its body is emptied (CMT4)
 *               resolved?  { by, at } on a thread's first comment: the thread is resolved
 *               log        Y.Array of { action: resolved|reopened|accepted, by, at } (CMT4)
 *             }
 *
 * One nested map per comment: a reply, an edit and a resolve written at once on two devices touch
 * different keys and all stay. Nothing here is ever deleted from the map (CMT4).
 */
export const COMMENTS = 'comments';

export const SUBJECT_TYPES = ['section', 'record', 'risk'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];
export interface CommentSubject {
  type: SubjectType;
  id: string;
}

export const LOG_ACTIONS = ['resolved', 'reopened', 'accepted'] as const;
export type LogAction = (typeof LOG_ACTIONS)[number];
export interface LogEntry {
  action: LogAction;
  by: string;
  at: number;
}

export const MAX_BODY = 4000;
export const MAX_QUOTE = 1000;
export const MAX_PROPOSAL = 4000;
export const MAX_MENTIONS = 20;
export const MAX_PERSON = 200;
/** Readers stop after this many entries: a hostile document cannot make a screen hang. */
export const MAX_COMMENTS = 10_000;

/** A Yjs relative position as `Y.relativePositionToJSON` writes it; checked again on use. */
export type RelativePositionJson = Record<string, unknown>;

export interface Comment {
  id: string;
  thread: string;
  subject: CommentSubject;
  by: string;
  at: number;
  /** Empty when withdrawn. */
  body: string;
  mentions: string[];
  quote?: string;
  anchor?: { from: RelativePositionJson; to: RelativePositionJson };
  proposal?: string;
  editedAt?: number;
  deleted?: { by: string; at: number };
}

export interface Thread {
  id: string;
  subject: CommentSubject;
  /** The first comment, then the replies oldest first. */
  comments: Comment[];
  resolved?: { by: string; at: number };
  /** Oldest first: every resolve, reopen and acceptance, never rewritten (CMT4). */
  log: LogEntry[];
  /** When a lead applied the thread's proposal (CMT6). */
  accepted?: { by: string; at: number };
}

/** Who writes: the name every `by` carries, and the role the workspace gave them. */
export interface Actor {
  name: string;
  role: Role;
}

/** The document comments are written into and the schema its writers must respect. */
export interface CommentHost {
  doc: Y.Doc;
  schema: DocumentSchema;
}

export const isLead = (role: Role) => role === 'admin' || role === 'lead';

export function subjectKey(subject: CommentSubject): string {
  return `${subject.type}:${subject.id}`;
}

const SUBJECT_ID = /^[A-Za-z0-9_.:-]{1,128}$/;

/** Parses `type:id`; anything else is undefined. */
export function parseSubject(raw: unknown): CommentSubject | undefined {
  if (typeof raw !== 'string') return undefined;
  const colon = raw.indexOf(':');
  const type = raw.slice(0, colon) as SubjectType;
  const id = raw.slice(colon + 1);
  if (colon < 0 || !SUBJECT_TYPES.includes(type) || !SUBJECT_ID.test(id)) return undefined;
  return { type, id };
}
