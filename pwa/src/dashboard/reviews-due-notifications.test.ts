import { describe, expect, it } from 'vitest';
import { readWorkspaceFacts, notificationsOf } from '../../../shared/notifications/index.ts';
import { DAY, NOW, financeWorkspace } from '../../../shared/notifications/fixture.test-support.ts';
import { reviewsDue } from './reviews-due.ts';

/**
 * One source of truth: the dashboard's "Reviews due" and the `review.due` notifications (inbox,
 * webhooks, digests) name the same assessments and risks with the same due times (NTF4).
 */
describe('the dashboard and the notifications agree on what is due', () => {
  for (const [label, now] of [
    ['on the day of the fixture', NOW],
    ['three weeks later', NOW + 21 * DAY],
    ['half a year earlier', NOW - 180 * DAY],
  ] as const) {
    it(label, () => {
      const facts = readWorkspaceFacts(financeWorkspace());
      const dashboard = reviewsDue({ ...facts, assessments: facts.assessmentIndex, now });
      const notifications = notificationsOf(facts, now).filter((n) => n.kind === 'review.due');
      const noted = (type: string) =>
        notifications
          .filter((n) => n.subject.type === type)
          .map((n) => [n.subject.id, n.dueAt])
          .sort();
      // The dashboard lists reviews due within 90 days; the notifications those overdue or due soon.
      const dueSoon = dashboard.reviews.filter(
        (row) => row.review.state === 'overdue' || row.review.state === 'due-soon',
      );
      expect(noted('assessment')).toEqual(
        dueSoon.map((row) => [row.assessment.id, row.review.dueAt]).sort(),
      );
      expect(noted('risk')).toEqual(
        dashboard.risks.map((row) => [row.risk.id, row.dueDate]).sort(),
      );
    });
  }

  it('finds something due in the fixture, so the agreement is not vacuous', () => {
    const facts = readWorkspaceFacts(financeWorkspace());
    const dashboard = reviewsDue({ ...facts, assessments: facts.assessmentIndex, now: NOW });
    expect(dashboard.reviews.map((row) => row.state)).toEqual(['upcoming']);
    expect(dashboard.risks).toHaveLength(1);
  });
});
