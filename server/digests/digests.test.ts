import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  writeDiscovery,
  type DiscoveryAggregate,
} from '../../shared/documents/discoveries/index.ts';
import { workspaceNotifications } from '../../shared/notifications/index.ts';
import { DAY, NOW, financeWorkspace } from '../../shared/notifications/fixture.test-support.ts';
import { digestOfDocuments, isEmptyDigest } from './digest-content.ts';
import { digestMessage } from './digest-message.ts';
import { digestSpan, latestPeriod } from './digest-period.ts';
import { digestMessageId, smtpError } from './smtp.ts';

/** A tool as the relay derives it; ChatGPT's host from OpenAI's documentation (https://chatgpt.com). */
const tool = (name: string, firstSeen: number, hosts = ['chatgpt.com']): DiscoveryAggregate => ({
  name,
  category: 'chat-assistant',
  reporters: 3,
  firstSeen,
  lastSeen: firstSeen + 3_600_000,
  signals: ['visit'],
  hosts,
  embeddedIn: [],
  flagCount: 0,
  purposes: [],
  dataCategories: [],
});

/** Written as the relay writes them: `reportedAt[key]`, its clock when it first derived the tool. */
function discoveries(
  tools: Record<string, DiscoveryAggregate>,
  reportedAt: Record<string, number> = {},
): Y.Doc {
  const doc = new Y.Doc();
  for (const [key, aggregate] of Object.entries(tools)) {
    const at = reportedAt[key];
    writeDiscovery(doc, key, aggregate, at === undefined ? {} : { reportedAt: at });
  }
  return doc;
}

/** The latest day's digest of these tools (and an empty registry), as a relay makes it at NOW. */
function dailyDigest(tools: Record<string, DiscoveryAggregate>, baseUrl: string) {
  const period = latestPeriod('daily', NOW);
  const content = digestOfDocuments({
    registry: new Y.Doc(),
    discoveries: discoveries(tools),
    period,
    now: NOW,
  });
  const message = digestMessage({
    workspace: 'acme',
    every: 'daily',
    period,
    now: NOW,
    content,
    baseUrl,
  });
  return { content, message };
}

describe('the digest (docs/sync.md DIG1–DIG8)', () => {
  it('DIG2: the latest whole UTC day, or the latest whole week from Monday', () => {
    // Tuesday 2 March 2027, noon.
    expect(latestPeriod('daily', NOW)).toEqual({
      key: '2027-03-01',
      start: Date.UTC(2027, 2, 1),
      end: Date.UTC(2027, 2, 2),
    });
    expect(latestPeriod('weekly', NOW)).toEqual({
      key: 'week-of-2027-02-22',
      start: Date.UTC(2027, 1, 22),
      end: Date.UTC(2027, 2, 1),
    });
    // At Monday 00:00 the week just ended is the one told; a second earlier, the one before.
    expect(latestPeriod('weekly', Date.UTC(2027, 2, 8)).key).toBe('week-of-2027-03-01');
    expect(latestPeriod('weekly', Date.UTC(2027, 2, 8) - 1).key).toBe('week-of-2027-02-22');
    expect(latestPeriod('daily', Date.UTC(2027, 2, 2) - 1).key).toBe('2027-02-28');
  });

  it('DIG3: new tools of the period only; clocks and reviews are those of workspaceNotifications', () => {
    const { registry } = financeWorkspace();
    const period = latestPeriod('daily', NOW);
    const content = digestOfDocuments({
      registry,
      discoveries: discoveries({
        'openai-chatgpt': tool('ChatGPT', Date.UTC(2027, 2, 1, 10)),
        'anthropic-claude': tool('Claude', Date.UTC(2027, 1, 1), ['claude.ai']),
        'google-gemini': tool('Gemini', Date.UTC(2027, 2, 2, 9), ['gemini.google.com']),
      }),
      period,
      now: NOW,
    });
    expect(content.newTools.map((t) => t.toolKey)).toEqual(['openai-chatgpt']);
    const derived = workspaceNotifications({ registry, now: NOW });
    const ids = (kind: string) =>
      derived
        .filter((n) => n.kind === kind)
        .map((n) => n.id)
        .sort();
    expect(content.clocks.map((n) => n.id).sort()).toEqual(ids('clock.due'));
    expect(content.clocks.length).toBeGreaterThan(0);
    expect([...content.overdue, ...content.dueSoon].map((n) => n.id).sort()).toEqual(
      ids('review.due'),
    );
    expect(content.overdue.every((n) => n.dueAt! <= NOW)).toBe(true);
    expect(content.dueSoon.every((n) => n.dueAt! > NOW)).toBe(true);
  });

  it('DIG3: a tool is in the digest of the period the relay first knew of it, whenever it was sighted', () => {
    const registry = new Y.Doc();
    const doc = discoveries(
      {
        // Sighted and reported on 1 March: 1 March's digest, as ever.
        'openai-chatgpt': tool('ChatGPT', Date.UTC(2027, 2, 1, 10)),
        // Sighted on 1 March by an extension offline until 2 March 09:00, after 1 March's digest
        // was made (00:15): 2 March's digest, with the day it was really first seen.
        'anthropic-claude': tool('Claude', Date.UTC(2027, 2, 1, 8), ['claude.ai']),
        // Sighted a week before, reported on 3 March.
        'google-gemini': tool('Gemini', Date.UTC(2027, 1, 22), ['gemini.google.com']),
      },
      {
        'openai-chatgpt': Date.UTC(2027, 2, 1, 10, 0, 5),
        'anthropic-claude': Date.UTC(2027, 2, 2, 9),
        'google-gemini': Date.UTC(2027, 2, 3, 23, 59),
      },
    );
    const told = new Map<string, string[]>();
    const texts = new Map<string, string>();
    // Every daily digest from 20 February to 10 March, each made 15 minutes after its day.
    for (let day = Date.UTC(2027, 1, 20); day < Date.UTC(2027, 2, 10); day += DAY) {
      const period = latestPeriod('daily', day + DAY + 15 * 60_000);
      const now = period.end;
      const content = digestOfDocuments({ registry, discoveries: doc, period, now });
      for (const t of content.newTools)
        told.set(t.toolKey, [...(told.get(t.toolKey) ?? []), period.key]);
      const message = digestMessage({ workspace: 'acme', every: 'daily', period, now, content });
      texts.set(period.key, message.text);
    }
    expect(texts.get('2027-03-01')).toContain(
      '- ChatGPT (chat-assistant): 3 reporters; chatgpt.com\n',
    );
    expect(texts.get('2027-03-01')).not.toContain('reported late');
    expect(texts.get('2027-03-02')).toContain(
      '- Claude (chat-assistant): 3 reporters; claude.ai; first seen 2027-03-01, reported late',
    );
    // Each in exactly one digest of the subscription.
    expect(Object.fromEntries(told)).toEqual({
      'openai-chatgpt': ['2027-03-01'],
      'anthropic-claude': ['2027-03-02'],
      'google-gemini': ['2027-03-03'],
    });
    // A weekly subscription: Gemini, sighted in the week of 22 February, is told in the next.
    const weekly = (now: number) =>
      digestOfDocuments({
        registry,
        discoveries: doc,
        period: latestPeriod('weekly', now),
        now,
      }).newTools.map((t) => t.toolKey);
    expect(weekly(Date.UTC(2027, 2, 1, 0, 15))).toEqual([]);
    expect(weekly(Date.UTC(2027, 2, 8, 0, 15)).sort()).toEqual([
      'anthropic-claude',
      'google-gemini',
      'openai-chatgpt',
    ]);
  });

  it("DIG2: a digest covers from the end of the last one sent or empty; none sent: from its subscription's first period", () => {
    const daily = { every: 'daily' as const, createdAt: Date.UTC(2027, 1, 26, 15) };
    const period = latestPeriod('daily', NOW); // 1 March
    const oneDay = { start: period.start, end: period.end };
    // The day before was told (sent or empty): just the period.
    expect(digestSpan(daily, period, { pending: 0, coveredUntil: period.start })).toEqual(oneDay);
    // The last told ended on 27 February: 27 and 28 February were never told, and are now.
    expect(digestSpan(daily, period, { pending: 0, coveredUntil: Date.UTC(2027, 1, 27) })).toEqual({
      start: Date.UTC(2027, 1, 27),
      end: period.end,
    });
    // None told yet: from the day the subscription was made, its first period (DIG2).
    expect(digestSpan(daily, period, { pending: 0 })).toEqual({
      start: Date.UTC(2027, 1, 26),
      end: period.end,
    });
    // A subscription made during the period: the period.
    expect(digestSpan({ ...daily, createdAt: period.start + 1 }, period, { pending: 0 })).toEqual(
      oneDay,
    );
    // An earlier digest still queued (being retried): its outcome decides; wait.
    expect(digestSpan(daily, period, { pending: 1, coveredUntil: period.start })).toBeUndefined();

    // The message says the span, in the subject and the first line, and only when it is longer.
    const registry = new Y.Doc();
    const doc = discoveries(
      { 'openai-chatgpt': tool('ChatGPT', Date.UTC(2027, 1, 27, 9)) },
      { 'openai-chatgpt': Date.UTC(2027, 1, 27, 10) },
    );
    const span = { start: Date.UTC(2027, 1, 27), end: period.end };
    const content = digestOfDocuments({ registry, discoveries: doc, period: span, now: NOW });
    expect(content.newTools.map((t) => t.toolKey)).toEqual(['openai-chatgpt']);
    const message = digestMessage({
      workspace: 'acme',
      every: 'daily',
      period: span,
      now: NOW,
      content,
    });
    expect(message.subject).toBe(
      'Sightline daily digest for acme, 2027-02-27 to 2027-03-01: 1 new tool',
    );
    expect(message.text.split('\n')[0]).toBe(
      'Daily digest of workspace acme for 2027-02-27 to 2027-03-01 (UTC), 3 days: no digest was sent for the ones before it, so this one lists what was first reported in all of them, made 2027-03-02 12:00 UTC.',
    );
    // Sighted and reported within the span: not "reported late".
    expect(message.text).not.toContain('reported late');
    const weeks = { start: Date.UTC(2027, 1, 15), end: Date.UTC(2027, 2, 1) };
    const weekly = digestMessage({
      workspace: 'acme',
      every: 'weekly',
      period: weeks,
      now: NOW,
      content,
    });
    expect(weekly.subject).toBe(
      'Sightline weekly digest for acme, weeks of 2027-02-15 to 2027-02-22: 1 new tool',
    );
    expect(weekly.text).toContain('(UTC), 2 weeks: no digest was sent');
  });

  it('DIG4: nothing new and nothing due is an empty digest; no documents at all too', () => {
    const period = latestPeriod('daily', NOW);
    const quiet = digestOfDocuments({
      registry: new Y.Doc(),
      discoveries: discoveries({ 'anthropic-claude': tool('Claude', Date.UTC(2027, 1, 1)) }),
      period,
      now: NOW,
    });
    expect(isEmptyDigest(quiet)).toBe(true);
    expect(
      isEmptyDigest(
        digestOfDocuments({ registry: undefined, discoveries: undefined, period, now: NOW }),
      ),
    ).toBe(true);
  });

  it('DIG8: a hostile tool name is escaped in HTML and cannot add lines to the text', () => {
    const hostile = '<img src=x onerror="alert(1)">&\r\nBcc: victim@example.com';
    const { message } = dailyDigest(
      { 'evil-tool': tool(hostile, Date.UTC(2027, 2, 1, 8)) },
      'https://sightline.example.com/',
    );
    expect(message.html).not.toContain('<img');
    expect(message.html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;');
    expect(message.html).toContain('href="https://sightline.example.com/#/inbox/evil-tool"');
    expect(message.text).toContain('- <img src=x onerror="alert(1)">& Bcc: victim@example.com');
    expect(message.text.split('\n').some((line) => line.startsWith('Bcc:'))).toBe(false);
    expect(message.subject).toBe('Sightline daily digest for acme, 2027-03-01: 1 new tool');
    expect(message.subject).not.toContain(hostile);
  });

  it('DIG8: the message lists every section with counts and links to the PWA', () => {
    const { registry } = financeWorkspace();
    const period = latestPeriod('weekly', NOW + 7 * DAY);
    const now = NOW + 7 * DAY;
    const content = digestOfDocuments({
      registry,
      discoveries: discoveries({ 'openai-chatgpt': tool('ChatGPT', Date.UTC(2027, 2, 3)) }),
      period,
      now,
    });
    const message = digestMessage({ workspace: 'acme', every: 'weekly', period, now, content });
    expect(message.subject).toMatch(
      /^Sightline weekly digest for acme, week of 2027-03-01: 1 new tool, \d+ clocks? running, \d+ reviews? overdue$/,
    );
    expect(message.text).toContain(
      'New AI tools seen (1)\n- ChatGPT (chat-assistant): 3 reporters; chatgpt.com',
    );
    expect(message.text).toContain('Legal reporting clocks running (');
    for (const n of [...content.clocks, ...content.overdue, ...content.dueSoon])
      expect(message.text).toContain(n.summary.replace(/\p{Cc}+/gu, ' '));
    expect(message.html).not.toContain('href=');
  });

  it('DIG11: a section lists at most 200 lines, the most widespread tools first, and says how many more', () => {
    const inPeriod = latestPeriod('daily', NOW).start + 3_600_000;
    // 450 flagged hosts of their own (host: keys), one of them seen by many more people.
    const many = Object.fromEntries(
      Array.from({ length: 450 }, (_, i) => [
        `host:tool${i}.example`,
        { ...tool(`Tool ${i}`, inPeriod, [`tool${i}.example`]), reporters: i === 449 ? 40 : 2 },
      ]),
    );
    const { content, message } = dailyDigest(many, 'https://sightline.example.com');
    expect(content.newTools).toHaveLength(450);
    expect(message.subject).toContain('450 new tools');
    const listed = message.text.split('\n').filter((line) => line.startsWith('- '));
    expect(listed).toHaveLength(201);
    expect(listed[0]).toMatch(/^- Tool 449 \(chat-assistant\): 40 reporters/);
    expect(listed[200]).toBe('- … and 250 more tools, all in Sightline');
    expect(message.text).toContain('New AI tools seen (450)');
    expect(message.html).toContain('href="https://sightline.example.com/#/inbox"');
  });

  it('DIG9: one Message-ID per period; an SMTP error is logged without its credentials', () => {
    expect(digestMessageId('Sightline <digest@example.com>', 'd1', '2027-03-01')).toBe(
      '<sightline-digest.d1.2027-03-01@example.com>',
    );
    expect(
      smtpError(new Error('connect to smtp://user:secret@mail.example.com failed\nmore')),
    ).toBe('connect to smtp://…@mail.example.com failed');
  });
});
