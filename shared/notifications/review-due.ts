import { DUE_SOON_DAYS } from '../assessments/review-cycle.ts';
import { assessmentReview, risksDue } from '../assessments/reviews-due.ts';
import { AIMS_DOCUMENTS, AIMS_REVIEWS, isReviewDue } from '../documents/aims/index.ts';
import type { WorkspaceFacts } from './facts.ts';
import { aimsHref, assessmentHref, riskHref } from './hrefs.ts';
import { notificationId, recipientsOf } from './ids.ts';
import type { WorkspaceNotification } from './notification.ts';

/**
 * NTF4 `review.due`: something reviewed at planned intervals whose next review is overdue or due
 * within DUE_SOON_DAYS — an assessment (nextReview, the same computation as the dashboard's
 * "Reviews due": shared/assessments/reviews-due.ts), an open risk past or near its due day (the
 * dashboard's risk rows), a controlled document (its `reviewDue`; not withdrawn), a management
 * review scheduled (a `heldAt` day, not approved yet). The id carries the due time, so each cycle
 * is its own notification; the same due time is the same notification whether soon or overdue.
 */

const DAY = 86_400_000;
const SOON = DUE_SOON_DAYS * DAY;

function due(
  subject: WorkspaceNotification['subject'],
  dueAt: number,
  summary: string,
  recipients: string[],
): WorkspaceNotification {
  return {
    id: notificationId('review.due', subject.type, subject.id, dueAt),
    kind: 'review.due',
    subject,
    summary,
    // Relevant from the start of the warning window: the same on every device.
    at: dueAt - SOON,
    dueAt,
    recipients,
  };
}

const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);
/** "is due 2027-03-20" or "was due 2027-03-01"; a due day (midnight UTC) is past once it ended. */
const when = (dueAt: number, overdue: boolean) =>
  `${overdue ? 'was due' : 'is due'} ${isoDay(dueAt)}`;

export function reviewDueNotifications(
  facts: WorkspaceFacts,
  now: number,
): WorkspaceNotification[] {
  const out: WorkspaceNotification[] = [];
  for (const entry of facts.assessmentIndex) {
    const row = assessmentReview(entry, { ...facts, now });
    const { dueAt, state } = row.review;
    if (dueAt === undefined || (state !== 'overdue' && state !== 'due-soon')) continue;
    const subject = {
      type: 'assessment',
      id: entry.id,
      title: entry.title,
      href: assessmentHref(entry.id),
    } as const;
    const summary = `The review of ${entry.title} (${row.system.name}) ${when(dueAt, state === 'overdue')}`;
    out.push(due(subject, dueAt, summary, []));
  }
  for (const row of risksDue(facts.risks, now)) {
    const title = row.risk.description.split('\n')[0]!.slice(0, 120);
    const subject = {
      type: 'risk',
      id: row.risk.id,
      title,
      href: riskHref(row.risk.systemIds[0]),
    } as const;
    out.push(
      due(
        subject,
        row.dueDate,
        `The risk “${title}” ${when(row.dueDate, row.overdue)}`,
        recipientsOf(row.risk.owner),
      ),
    );
  }
  for (const row of facts.documents) {
    if (row.status === 'withdrawn' || row.reviewDue === undefined) continue;
    if (row.reviewDue - now > SOON) continue;
    const register = row.controlled ? row.id : AIMS_DOCUMENTS.id;
    const subject = {
      type: 'aims',
      id: row.id,
      title: row.title,
      href: aimsHref(register),
    } as const;
    out.push(
      due(
        subject,
        row.reviewDue,
        `The document “${row.title}” ${when(row.reviewDue, isReviewDue(row, now))} for review`,
        [],
      ),
    );
  }
  for (const review of facts.managementReviews) {
    const heldAt = review.values.heldAt;
    if (review.state === 'approved' || typeof heldAt !== 'number' || heldAt - now > SOON) continue;
    const title = String(review.values.title ?? review.id);
    const subject = {
      type: 'aims',
      id: `${AIMS_REVIEWS.id}/${review.id}`,
      title,
      href: aimsHref(AIMS_REVIEWS.id),
    } as const;
    const attendees = Array.isArray(review.values.attendees) ? review.values.attendees : [];
    const summary = `The management review “${title}” is scheduled for ${isoDay(heldAt)}`;
    out.push(due(subject, heldAt, summary, recipientsOf(...attendees)));
  }
  return out;
}
