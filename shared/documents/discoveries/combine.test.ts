import { describe, expect, it } from 'vitest';
import { combineSummaries, type ReporterRow } from './combine.ts';
import { MAX_HOSTS, MAX_REPORTER_IDS } from './schema.ts';

const D0 = Date.UTC(2026, 2, 10);
const DAY = 86_400_000;

const row = (reporterId: string, over: Partial<ReporterRow> = {}): ReporterRow => ({
  reporterId,
  toolKey: 'chatgpt',
  name: 'ChatGPT',
  category: 'chat-assistant',
  firstSeen: D0,
  lastSeen: D0 + DAY,
  signals: ['visit'],
  hosts: ['chatgpt.com'],
  embeddedIn: [],
  flagCount: 0,
  purposes: [],
  dataCategories: [],
  ...over,
});

describe('combineSummaries', () => {
  it('combines reporters into one aggregate', () => {
    const aggregate = combineSummaries(
      [
        row('r1', {
          firstSeen: D0 - DAY,
          signals: ['visit', 'flag'],
          flagCount: 2,
          purposes: ['drafting'],
          dataCategories: ['personal'],
        }),
        row('r2', {
          lastSeen: D0 + 5 * DAY,
          signals: ['api-call'],
          hosts: ['api.openai.com'],
          embeddedIn: ['crm.acme.com'],
          flagCount: 1,
          purposes: ['coding', 'drafting'],
          dataCategories: ['source-code', 'personal'],
        }),
      ],
      { attributed: false },
    );
    expect(aggregate).toEqual({
      name: 'ChatGPT',
      category: 'chat-assistant',
      reporters: 2,
      firstSeen: D0 - DAY,
      lastSeen: D0 + 5 * DAY,
      signals: ['api-call', 'flag', 'visit'],
      hosts: ['api.openai.com', 'chatgpt.com'],
      embeddedIn: ['crm.acme.com'],
      flagCount: 3,
      purposes: ['coding', 'drafting'],
      dataCategories: ['personal', 'source-code'],
    });
  });

  it('is undefined for no rows and refuses rows of different tools', () => {
    expect(combineSummaries([], { attributed: false })).toBeUndefined();
    expect(() =>
      combineSummaries([row('r1'), row('r2', { toolKey: 'claude' })], { attributed: false }),
    ).toThrow(/one tool/);
  });

  it('names the tool as most reporters do, and lists reporters only when attributed', () => {
    const rows = [
      row('r1', { name: 'Notes', toolKey: 'host:notes.example', category: 'other' }),
      row('r2', { name: 'Notes AI', toolKey: 'host:notes.example', category: 'writing' }),
      row('r3', { name: 'Notes AI', toolKey: 'host:notes.example', category: 'other' }),
    ];
    const aggregate = combineSummaries(rows, { attributed: true });
    expect(aggregate).toMatchObject({
      name: 'Notes AI',
      category: 'other',
      reporterIds: ['r1', 'r2', 'r3'],
    });
    expect(combineSummaries(rows, { attributed: false })).not.toHaveProperty('reporterIds');
  });

  it('keeps the most reported hosts and the most recent reporters, bounded', () => {
    const rows = Array.from({ length: 150 }, (_, i) =>
      row(`r${String(i).padStart(3, '0')}`, {
        lastSeen: D0 + i,
        hosts: ['chatgpt.com', `h${i}.chatgpt.com`],
      }),
    );
    const aggregate = combineSummaries(rows, { attributed: true })!;
    expect(aggregate.reporters).toBe(150);
    expect(aggregate.hosts).toHaveLength(MAX_HOSTS);
    expect(aggregate.hosts).toContain('chatgpt.com');
    expect(aggregate.reporterIds).toHaveLength(MAX_REPORTER_IDS);
    expect(aggregate.reporterIds![0]).toBe('r050');
  });

  it('gives the same aggregate whatever the order of rows, counting a reporter once', () => {
    const rows = [
      row('r2', { name: 'A', lastSeen: D0 + 2 }),
      row('r1', { name: 'B', lastSeen: D0 + 3 }),
      row('r1', { name: 'B', lastSeen: D0 + 1, hosts: ['b.chatgpt.com'] }),
      row('r3', { name: 'A', lastSeen: D0 + 1 }),
    ];
    const forward = combineSummaries(rows, { attributed: true });
    expect(combineSummaries([...rows].reverse(), { attributed: true })).toEqual(forward);
    expect(forward).toMatchObject({ reporters: 3, reporterIds: ['r1', 'r2', 'r3'] });
  });
});
