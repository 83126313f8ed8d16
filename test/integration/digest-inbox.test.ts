import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { inboxRows } from '../../pwa/src/inbox/inbox-rows.ts';
import { isUnseen, lookNow } from '../../pwa/src/inbox/last-look.ts';
import { DERIVATIONS } from '../../pwa/src/notifications/notification-sources.ts';
import { meOf } from '../../pwa/src/notifications/me.ts';
import { digestOfDocuments } from '../../server/digests/digest-content.ts';
import { latestPeriod } from '../../server/digests/digest-period.ts';
import { NOW, financeWorkspace } from '../../shared/notifications/fixture.test-support.ts';
import {
  readDiscoveries,
  writeDiscovery,
  type DiscoveryAggregate,
} from '../../shared/documents/discoveries/index.ts';

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

  it('DIG3: what the digest lists as new is what the inbox marks new to someone who looked when its period began', () => {
    const HOUR = 3_600_000;
    const period = latestPeriod('daily', NOW); // 1 March 2027
    // Hosts from the vendors' documentation: https://chatgpt.com, https://claude.ai,
    // https://gemini.google.com. [first seen, first reported]
    const tools: Record<string, [string, string, number, number]> = {
      'openai-chatgpt': [
        'ChatGPT',
        'chatgpt.com',
        period.start - 30 * HOUR,
        period.start - 29 * HOUR,
      ],
      // Sighted three days before, reported in the period (an extension offline): new.
      'anthropic-claude': [
        'Claude',
        'claude.ai',
        period.start - 72 * HOUR,
        period.start + 9 * HOUR,
      ],
      'google-gemini': [
        'Gemini',
        'gemini.google.com',
        period.start + HOUR,
        period.start + 2 * HOUR,
      ],
    };
    const doc = new Y.Doc();
    for (const [key, [name, host, seen, reportedAt]] of Object.entries(tools)) {
      const aggregate: DiscoveryAggregate = {
        name,
        category: 'chat-assistant',
        reporters: 1,
        firstSeen: seen,
        lastSeen: seen,
        signals: ['visit'],
        hosts: [host],
        embeddedIn: [],
        flagCount: 0,
        purposes: [],
        dataCategories: [],
      };
      writeDiscovery(doc, key, aggregate, { reportedAt });
    }
    const digest = digestOfDocuments({
      registry: undefined,
      discoveries: doc,
      period,
      now: period.end,
    });
    // The inbox as it was when the period began (only ChatGPT known), marked seen then.
    const rows = inboxRows(readDiscoveries(doc).tools, new Map());
    const look = lookNow(
      rows.filter((row) => row.firstReportedAt < period.start),
      period.start,
    );
    const unseen = rows.filter((row) => isUnseen(row, look)).map((row) => row.toolKey);
    expect(digest.newTools.map((t) => t.toolKey).sort()).toEqual(unseen.sort());
    expect(unseen.sort()).toEqual(['anthropic-claude', 'google-gemini']);
  });
});
