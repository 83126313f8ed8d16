import * as Y from 'yjs';
import { addProblem } from '../schema/problems.ts';
import { readEnum, readString, readTimestamp, topMap } from '../schema/read.ts';
import { readRecords } from '../schema/read-lists.ts';
import { isId } from '../schema/values.ts';
import { ensureWritable } from '../schema/version.ts';
import { checkText, checkTimestamp } from '../schema/write.ts';
import {
  ASSESSMENT_SCHEMA,
  MAX_PERSON,
  MAX_REVIEW_COMMENT,
  REVIEW_DECISIONS,
  REVIEWS,
  type Review,
} from './schema.ts';

/**
 * Reviewers' verdicts: approve, or request changes, on the draft as it stood (its digest). Each
 * verdict is a new entry, never an edit, so the record of who said what stays; a person's latest
 * verdict is the one that counts (shared/assessments/sign-off-gate.ts).
 */

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Records a verdict. Throws, changing nothing, on bad input or a reviewId already used. */
export function recordReview(doc: Y.Doc, review: Review): void {
  if (!isId(review.id)) throw new RangeError('review ids are 1–64 letters, digits, _ or -');
  checkText('by', review.by, { min: 1, max: MAX_PERSON });
  if (!REVIEW_DECISIONS.includes(review.decision)) throw new RangeError('decision: unknown value');
  checkTimestamp('at', review.at);
  if (review.comment !== undefined) {
    checkText('comment', review.comment, { max: MAX_REVIEW_COMMENT });
  }
  if (review.decision === 'request-changes' && !review.comment?.trim()) {
    throw new RangeError('say which changes you request');
  }
  checkText('draftSha256', review.draftSha256, { min: 64, max: 64, pattern: SHA256_HEX });
  const reviews = doc.getMap<unknown>(REVIEWS);
  if (reviews.has(review.id)) throw new Error(`review ${review.id} already exists`);
  doc.transact(() => {
    ensureWritable(doc, ASSESSMENT_SCHEMA);
    const entry = new Y.Map<unknown>();
    reviews.set(review.id, entry);
    entry.set('by', review.by);
    entry.set('decision', review.decision);
    entry.set('at', review.at);
    if (review.comment?.trim()) entry.set('comment', review.comment.trim());
    entry.set('draftSha256', review.draftSha256);
  });
}

/** Every readable verdict, oldest first; what has the wrong shape is skipped and listed. */
export function readReviews(doc: Y.Doc, problems: string[]): Review[] {
  const map = topMap(doc, REVIEWS, problems);
  if (map === undefined) return [];
  const list = readRecords(map, REVIEWS, problems, isId, (entry, id, path) => {
    const opts = { path, required: true };
    const by = readString(entry, 'by', problems, { ...opts, max: MAX_PERSON });
    const decision = readEnum(entry, 'decision', REVIEW_DECISIONS, problems, opts);
    const at = readTimestamp(entry, 'at', problems, opts);
    const draftSha256 = readString(entry, 'draftSha256', problems, {
      ...opts,
      pattern: SHA256_HEX,
    });
    const comment = readString(entry, 'comment', problems, { path, max: MAX_REVIEW_COMMENT });
    if (!by || !decision || at === undefined || !draftSha256) {
      addProblem(problems, `${path}: unreadable review; skipped`);
      return undefined;
    }
    const review: Review = { id, by, decision, at, draftSha256 };
    if (comment !== undefined) review.comment = comment;
    return review;
  });
  return list.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
}
