import type { RegisterSpec } from './registers.ts';

/**
 * The management review (ISO/IEC 42001 9.3), two registers of the registry document:
 *
 *   aimsReviews        reviewId → a meeting: title, held on, attendees, decisions, opportunities
 *                      for improvement, changes needed to the AIMS; once approved by top
 *                      management also approvedBy, approvedAt, the inputs as gathered at approval
 *                      (JSON) and the SHA-256 of all of it (management-review.ts, MR1–MR4)
 *   aimsReviewActions  actionId → an action decided by a review: owner, due date, status; the next
 *                      review's first input is their status
 */
const LONG = 4000;
const SHORT = 200;

export const REVIEW_ACTION_STATUSES = ['open', 'in-progress', 'done', 'dropped'] as const;

export const AIMS_REVIEWS: RegisterSpec = {
  id: 'aimsReviews',
  clause: '9.3',
  title: 'Management reviews',
  noun: 'management review',
  labelField: 'title',
  maxEntries: 500,
  frozenOnApproval: true,
  fields: [
    { kind: 'text', key: 'title', label: 'Review', max: SHORT, required: true },
    { kind: 'date', key: 'heldAt', label: 'Held on' },
    { kind: 'people', key: 'attendees', label: 'Attendees', max: 50 },
    { kind: 'text', key: 'decisions', label: 'Decisions', max: LONG, long: true },
    {
      kind: 'text',
      key: 'improvements',
      label: 'Opportunities for continual improvement',
      max: LONG,
      long: true,
    },
    { kind: 'text', key: 'changes', label: 'Changes needed to the AIMS', max: LONG, long: true },
  ],
};

export const AIMS_REVIEW_ACTIONS: RegisterSpec = {
  id: 'aimsReviewActions',
  clause: '9.3',
  title: 'Management review actions',
  noun: 'review action',
  labelField: 'title',
  maxEntries: 2000,
  fields: [
    { kind: 'text', key: 'title', label: 'Action', max: SHORT, required: true },
    { kind: 'ids', key: 'reviewIds', label: 'Decided by review', of: 'reviews', max: 1 },
    { kind: 'text', key: 'owner', label: 'Owner', max: SHORT },
    { kind: 'date', key: 'dueDate', label: 'Due' },
    {
      kind: 'enum',
      key: 'status',
      label: 'Status',
      values: REVIEW_ACTION_STATUSES,
      required: true,
    },
  ],
};
