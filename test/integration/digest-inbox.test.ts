import { describe, expect, it } from 'vitest';
import { DERIVATIONS } from '../../pwa/src/notifications/notification-sources.ts';
import { meOf } from '../../pwa/src/notifications/me.ts';
import { digestOfDocuments } from '../../server/digests/digest-content.ts';
import { latestPeriod } from '../../server/digests/digest-period.ts';
import { NOW, financeWorkspace } from '../../shared/notifications/fixture.test-support.ts';

/**
 * One source of truth (docs/sync.md DIG3): on the same documents at the same time, the e-mail
 * digest and the PWA's inbox name the same running clocks and due reviews, with the same ids.
 */
describe('the digest and the inbox agree (DIG3)', () => {
  it('DIG3: every clock and due review of the inbox is in the digest, and nothing else', () => {
    const { registry, assessments } = financeWorkspace();
    const inboxAll = DERIVATIONS.sources.flatMap((source) =>
      source({ registry, assessments }, NOW),
    );
    const digest = digestOfDocuments({
      registry,
      discoveries: undefined,
      period: latestPeriod('daily', NOW),
      now: NOW,
    });
    const ids = (kind: string, list: typeof inboxAll) =>
      [...new Set(list.filter((n) => n.kind === kind).map((n) => n.id))].sort();
    const digestReviews = [...digest.overdue, ...digest.dueSoon].map((n) => n.id).sort();
    expect(digest.clocks.map((n) => n.id).sort()).toEqual(ids('clock.due', inboxAll));
    expect(digestReviews).toEqual(ids('review.due', inboxAll));
    expect(digest.clocks.length).toBeGreaterThan(0);
    expect(digestReviews.length).toBeGreaterThan(0);
    // A lead's own inbox shows every clock, and each review due it shows is in the digest, with
    // the same one-line summary.
    const lead = DERIVATIONS.select(inboxAll, meOf('Dana Lead', 'lead'));
    expect(ids('clock.due', lead)).toEqual(digest.clocks.map((n) => n.id).sort());
    const summaries = new Map(
      [...digest.clocks, ...digest.overdue, ...digest.dueSoon].map((n) => [n.id, n.summary]),
    );
    for (const n of lead.filter((n) => n.kind === 'review.due' || n.kind === 'clock.due'))
      expect(summaries.get(n.id)).toBe(n.summary);
  });
});
