import type { ReviewDueRow } from '../dashboard/reviews-due.ts';
import { formatDay } from '../inbox/inbox-rows.ts';

type Review = Omit<ReviewDueRow, 'state'> | undefined;

/** Signed off (with the day of the last sign-off) or not yet: from the registry's approvals. */
export function statusWords(review: Review): string {
  return review?.lastSignOffAt === undefined
    ? 'Not signed off yet'
    : `Signed off ${formatDay(review.lastSignOffAt)}`;
}

/** The next review's day and whether it is overdue or soon (ISO/IEC 42001 8.2: planned intervals). */
export function nextReviewWords(review: Review): string {
  const dueAt = review?.review.dueAt;
  if (review === undefined || dueAt === undefined) return 'After the first sign-off';
  const day = formatDay(dueAt);
  if (review.review.state === 'overdue') return `${day} (overdue)`;
  return review.review.state === 'due-soon' ? `${day} (soon)` : day;
}
