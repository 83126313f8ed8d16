import type * as Y from 'yjs';
import { addProblem, describe, joinPath } from '../schema/problems.ts';
import { topMap } from '../schema/read.ts';
import { isId } from '../schema/values.ts';
import { ensureWritable } from '../schema/version.ts';
import { checkText } from '../schema/write.ts';
import { checkAuthor } from './authored.ts';
import { ASSESSMENTS, type AssessmentIndexEntry } from './assessment-index.ts';
import { readChanges } from './history.ts';
import { isPerson, isTime, parseJsonObject } from './json-entry.ts';
import { REGISTRY_SCHEMA, type FieldChange } from './schema.ts';

/**
 * Significant change triggers re-assessment (ISO/IEC 42001 8.2, 8.4; EU AI Act Art. 27(2)):
 * docs/assessments.md, rules CHG1–CHG6. Two new top-level maps of the registry (leads write,
 * contributors read; older readers ignore them, so no migration):
 *
 *   changeMarks    markId → JSON { r: recordId, at, by, c: [[field, from, to]…], a: [assessmentId…] }
 *   changeReviews  '<assessmentId>/<markId>' → JSON { at, by, o: reassessed|dismissed, n?: note }
 *
 * A mark is written by the record's writers (updateRecord, setUseProfile) in the transaction that
 * makes the change, so a change never arrives without its mark. Each mark has a key of its own
 * (the writer's client id, time and a counter), so two leads changing the record offline both
 * keep theirs. A review clears one mark for one assessment, named by id: a mark that arrives later
 * (written offline before the review) is not covered by it and stays due.
 */
export const CHANGE_MARKS = 'changeMarks';
export const CHANGE_REVIEWS = 'changeReviews';

/** The record fields whose change is significant (CHG1); `classification` is the use profile's answers. */
export const SIGNIFICANT_FIELDS = [
  'model',
  'provider',
  'purpose',
  'dataCategories',
  'classification',
] as const;
export type SignificantField = (typeof SIGNIFICANT_FIELDS)[number];

export const REVIEW_OUTCOMES = ['reassessed', 'dismissed'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];
export const MAX_REVIEW_NOTE = 2000;
const MAX_MARK_JSON = 120_000;
const MAX_MARK_ASSESSMENTS = 200;

export interface ChangeMark {
  id: string;
  recordId: string;
  at: number;
  by: string;
  /** What changed, from what to what (a set: `from` removed, `to` added). */
  changes: FieldChange[];
  /** The record's assessments the writer knew of (CHG2). */
  assessmentIds: string[];
}

export interface ChangeReview {
  assessmentId: string;
  markId: string;
  at: number;
  by: string;
  outcome: ReviewOutcome;
  note?: string;
}

export interface ChangeMarks {
  /** Oldest first, then by id. */
  marks: ChangeMark[];
  /** By '<assessmentId>/<markId>'. */
  reviews: Map<string, ChangeReview>;
  problems: string[];
}

const isSignificant = (field: string): field is SignificantField =>
  (SIGNIFICANT_FIELDS as readonly string[]).includes(field);

const reviewKey = (assessmentId: string, markId: string) => `${assessmentId}/${markId}`;

/**
 * Marks the record's assessments "review due: significant change" for the significant ones of
 * `changes` (CHG1); nothing when there are none. Call inside the writer's transaction. Returns the
 * mark's id, or undefined.
 */
export function markSignificantChange(
  doc: Y.Doc,
  recordId: string,
  changes: readonly FieldChange[],
  by: string,
  at: number,
): string | undefined {
  const significant = changes.filter((change) => isSignificant(change.field));
  if (significant.length === 0) return undefined;
  const known = assessmentsOf(doc, recordId);
  // A record nobody has assessed has nothing to re-assess: no mark (an import touching
  // thousands of records must not fill the registry with them). See CHG2 for the one gap.
  if (known.length === 0) return undefined;
  const marks = doc.getMap<unknown>(CHANGE_MARKS);
  const base = `${doc.clientID.toString(36)}-${at.toString(36)}`;
  let id = base;
  for (let n = 1; marks.has(id); n++) id = `${base}-${n}`;
  const stored = {
    r: recordId,
    at,
    by,
    c: significant.map(({ field, from, to }) => [field, from, to]),
    a: known,
  };
  marks.set(id, JSON.stringify(stored));
  return id;
}

/** The ids of the record's assessments listed in the index now. */
function assessmentsOf(doc: Y.Doc, recordId: string): string[] {
  const index = doc.getMap<unknown>(ASSESSMENTS);
  const ids: string[] = [];
  for (const [id, entry] of index.entries()) {
    const map = entry as Y.Map<unknown>;
    if (typeof map?.get === 'function' && map.get('recordId') === recordId) ids.push(id);
  }
  return ids.sort().slice(0, MAX_MARK_ASSESSMENTS);
}

/** The answers of a use profile as lines `field: value`, for a set-wise from → to (CHG1). */
export function profileLines(answers: Iterable<readonly [string, unknown]>): string[] {
  const lines: string[] = [];
  for (const [field, value] of answers) {
    if (value === true) lines.push(field);
    // One line per chosen value: short lines (a history value's limit), and a set-wise diff
    // names the one value added or removed rather than the whole list.
    else if (Array.isArray(value))
      for (const item of value) lines.push(`${field}: ${String(item)}`);
    else if (typeof value === 'string') lines.push(`${field}: ${value}`);
  }
  return lines.sort();
}

export interface NewChangeReview {
  assessmentId: string;
  markIds: readonly string[];
  outcome: ReviewOutcome;
  /** Required (non-blank) to dismiss: why the change is not significant for this assessment. */
  note?: string;
  by: string;
  at: number;
}

/**
 * Records that a lead reviewed the marks named for one assessment (CHG3): re-assessed, or
 * dismissed with a reason. Throws, changing nothing, on bad input, an unknown mark or a mark that
 * does not concern the assessment.
 */
export function reviewSignificantChange(
  doc: Y.Doc,
  assessments: readonly AssessmentIndexEntry[],
  review: NewChangeReview,
): void {
  checkAuthor(review.by, review.at);
  if (!REVIEW_OUTCOMES.includes(review.outcome)) throw new RangeError('outcome: unknown value');
  if (review.note !== undefined) {
    checkText('note', review.note, { min: 1, max: MAX_REVIEW_NOTE });
  }
  if (review.outcome === 'dismissed' && (review.note ?? '').trim() === '') {
    throw new RangeError('a dismissal needs a reason');
  }
  const assessment = assessments.find((entry) => entry.id === review.assessmentId);
  if (!assessment) throw new RangeError(`no assessment ${review.assessmentId}`);
  if (review.markIds.length === 0) throw new RangeError('no change named');
  const { marks } = readChangeMarks(doc);
  for (const markId of review.markIds) {
    const mark = marks.find((candidate) => candidate.id === markId);
    if (!mark) throw new RangeError(`no significant change ${markId}`);
    if (!concerns(mark, assessment)) {
      throw new RangeError(`change ${markId} does not concern assessment ${assessment.id}`);
    }
  }
  const stored: Record<string, unknown> = { at: review.at, by: review.by, o: review.outcome };
  if (review.note !== undefined) stored.n = review.note;
  const text = JSON.stringify(stored);
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    const reviews = doc.getMap<unknown>(CHANGE_REVIEWS);
    for (const markId of review.markIds) reviews.set(reviewKey(assessment.id, markId), text);
  });
}

/**
 * CHG2: a mark concerns an assessment of its record that the writer knew of, or one made at or
 * before the change (started on a device that had not seen it yet: it assessed the old values).
 */
export function concerns(mark: ChangeMark, assessment: AssessmentIndexEntry): boolean {
  if (assessment.recordId !== mark.recordId) return false;
  return mark.assessmentIds.includes(assessment.id) || assessment.createdAt <= mark.at;
}

/** One assessment's significant changes not reviewed yet, oldest first. */
export interface PendingChanges {
  assessment: AssessmentIndexEntry;
  marks: ChangeMark[];
}

/**
 * The one reading every screen uses (CHG4): per assessment, the marks that concern it and no
 * review has cleared, in the index's order; assessments with none are left out.
 */
export function pendingChangeReviews(
  read: Pick<ChangeMarks, 'marks' | 'reviews'>,
  assessments: readonly AssessmentIndexEntry[],
): PendingChanges[] {
  const pending: PendingChanges[] = [];
  for (const assessment of assessments) {
    const marks = read.marks.filter(
      (mark) => concerns(mark, assessment) && !read.reviews.has(reviewKey(assessment.id, mark.id)),
    );
    if (marks.length > 0) pending.push({ assessment, marks });
  }
  return pending;
}

/** The reviews of one assessment, newest first, with the mark each cleared. */
export function reviewedChanges(
  read: Pick<ChangeMarks, 'marks' | 'reviews'>,
  assessmentId: string,
): Array<{ review: ChangeReview; mark: ChangeMark }> {
  const rows: Array<{ review: ChangeReview; mark: ChangeMark }> = [];
  for (const mark of read.marks) {
    const review = read.reviews.get(reviewKey(assessmentId, mark.id));
    if (review) rows.push({ review, mark });
  }
  return rows.sort((a, b) => b.review.at - a.review.at);
}

// ---- reading, without trust ----

/** The stored changes, every one of a significant field (CHG5). */
function readSignificantChanges(value: unknown): FieldChange[] | undefined {
  const changes = readChanges(value);
  if (!changes || changes.length === 0 || changes.length > SIGNIFICANT_FIELDS.length)
    return undefined;
  return changes.every((change) => isSignificant(change.field)) ? changes : undefined;
}

function readMark(id: string, value: unknown): ChangeMark | undefined {
  const stored = parseJsonObject(value, MAX_MARK_JSON);
  if (!stored) return undefined;
  const { r, at, by, c, a } = stored;
  const changes = readSignificantChanges(c);
  if (!isId(r) || !isTime(at) || !isPerson(by) || !changes) return undefined;
  const assessmentIds =
    Array.isArray(a) && a.length <= MAX_MARK_ASSESSMENTS ? a.filter((item) => isId(item)) : [];
  return { id, recordId: r, at, by, changes, assessmentIds };
}

function readReview(key: string, value: unknown): ChangeReview | undefined {
  const [assessmentId, markId, extra] = key.split('/');
  if (!isId(assessmentId) || !isId(markId) || extra !== undefined) return undefined;
  const stored = parseJsonObject(value, MAX_MARK_JSON);
  if (!stored) return undefined;
  const { at, by, o, n } = stored;
  if (!isTime(at) || !isPerson(by)) return undefined;
  if (!(REVIEW_OUTCOMES as readonly unknown[]).includes(o)) return undefined;
  const review: ChangeReview = { assessmentId, markId, at, by, outcome: o as ReviewOutcome };
  if (typeof n === 'string' && n.length > 0 && n.length <= MAX_REVIEW_NOTE) review.note = n;
  else if (o === 'dismissed') return undefined; // a dismissal without its reason clears nothing
  return review;
}

/** The marks and reviews, read without trust: an unreadable entry is skipped and reported. */
export function readChangeMarks(doc: Y.Doc): ChangeMarks {
  const problems: string[] = [];
  const marks: ChangeMark[] = [];
  const reviews = new Map<string, ChangeReview>();
  const markMap = topMap(doc, CHANGE_MARKS, problems);
  for (const [id, value] of markMap?.entries() ?? []) {
    const mark = isId(id) ? readMark(id, value) : undefined;
    if (mark) marks.push(mark);
    else
      addProblem(
        problems,
        `${joinPath(CHANGE_MARKS, id)}: unreadable (${describe(value)}); skipped`,
      );
  }
  const reviewMap = topMap(doc, CHANGE_REVIEWS, problems);
  for (const [key, value] of reviewMap?.entries() ?? []) {
    const review = readReview(key, value);
    if (review) reviews.set(key, review);
    else addProblem(problems, `${joinPath(CHANGE_REVIEWS, key)}: unreadable; skipped`);
  }
  marks.sort((x, y) => x.at - y.at || (x.id < y.id ? -1 : 1));
  return { marks, reviews, problems };
}
