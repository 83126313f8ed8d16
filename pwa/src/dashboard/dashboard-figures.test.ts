import { describe, expect, it } from 'vitest';
import type { ToolStatus } from '../../../shared/documents/policy/index.ts';
import type {
  NetworkLogDiscovery,
  RegistryRecord,
  TriageEntry,
} from '../../../shared/documents/registry/index.ts';
import { discovery } from '../test-support/workspace-docs.ts';
import {
  dashboardFigures,
  recordStatus,
  weekStart,
  type DashboardInput,
} from './dashboard-figures.ts';

const DAY = 86_400_000;
// Wednesday 2026-03-11, noon UTC.
const NOW = Date.UTC(2026, 2, 11, 12);
const TIERS = [
  { id: 'tier-1', name: 'Tier 1' },
  { id: 'tier-2', name: 'Tier 2' },
  { id: 'tier-3', name: 'Tier 3' },
];

function record(id: string, extra: Partial<RegistryRecord> = {}, tier?: string): RegistryRecord {
  const r: RegistryRecord = {
    id,
    name: id,
    departments: [],
    dataCategories: [],
    toolKeys: [],
    createdAt: NOW,
    createdBy: 'x',
    updatedAt: NOW,
    updatedBy: 'x',
    ...extra,
  };
  if (tier) r.classification = { tier: { suggested: tier, decided: tier, by: 'x', at: NOW } };
  return r;
}

const status = (s: ToolStatus['status']): ToolStatus => ({
  status: s,
  guidance: '',
  updatedBy: 'x',
  updatedAt: NOW,
});
const decided = (state: TriageEntry['state']): TriageEntry =>
  state === 'snoozed'
    ? { state, snoozedUntil: NOW + DAY, by: 'x', at: NOW }
    : { state, by: 'x', at: NOW };

function input(overrides: Partial<DashboardInput> = {}): DashboardInput {
  return {
    records: [],
    triage: new Map(),
    discoveries: [],
    networkLog: new Map(),
    statuses: new Map(),
    tiers: TIERS,
    now: NOW,
    ...overrides,
  };
}

describe('the dashboard figures', () => {
  it('counts records by tier in the scheme’s order, with removed tiers and the untiered after', () => {
    const records = [
      record('a', {}, 'tier-1'),
      record('b', {}, 'tier-3'),
      record('c', {}, 'tier-3'),
      record('d', {}, 'tier-old'),
      record('e'),
    ];
    const removedTiers = [{ id: 'tier-old', name: 'Tier 4' }];
    expect(dashboardFigures(input({ records, removedTiers })).byTier).toEqual([
      { key: 'tier-1', label: 'Tier 1', count: 1 },
      { key: 'tier-2', label: 'Tier 2', count: 0 },
      { key: 'tier-3', label: 'Tier 3', count: 2 },
      { key: 'tier-old', label: 'Tier 4 (removed)', count: 1 },
      { key: '', label: 'Not tiered', count: 1 },
    ]);
  });

  it('gives a record the strictest status of its tools; approved only when all are', () => {
    const statuses = new Map([
      ['ok', status('approved')],
      ['meh', status('restricted')],
      ['no', status('banned')],
    ]);
    expect(recordStatus({ toolKeys: ['ok'] }, statuses)).toBe('approved');
    expect(recordStatus({ toolKeys: ['ok', 'unknown'] }, statuses)).toBe('unreviewed');
    expect(recordStatus({ toolKeys: ['ok', 'meh', 'unknown'] }, statuses)).toBe('restricted');
    expect(recordStatus({ toolKeys: ['meh', 'no'] }, statuses)).toBe('banned');
    expect(recordStatus({ toolKeys: [] }, statuses)).toBe('unreviewed');
    const records = [
      record('a', { toolKeys: ['ok'] }),
      record('b', { toolKeys: ['no'] }),
      record('c', { toolKeys: ['no', 'ok'] }),
      record('d'),
    ];
    expect(dashboardFigures(input({ records, statuses })).byStatus).toEqual([
      { key: 'approved', label: 'Approved', count: 1 },
      { key: 'restricted', label: 'Restricted', count: 0 },
      { key: 'banned', label: 'Banned', count: 2 },
      { key: 'unreviewed', label: 'Not reviewed', count: 1 },
    ]);
  });

  // Issue 14, finding 3: "Banned 0" while two tools were banned — the count was of records.
  it('counts tools by the policy’s status, each once, records or not', () => {
    const statuses = new Map([
      ['ok', status('approved')],
      ['no', status('banned')],
      ['never-opened', status('banned')],
    ]);
    const records = [record('a', { toolKeys: ['ok'] }), record('b', { toolKeys: ['ok', 'new'] })];
    const figures = dashboardFigures(input({ records, statuses }));
    // The two banned tools have no record: the records' chart cannot show them, the tools' does.
    expect(figures.byStatus.find((c) => c.key === 'banned')?.count).toBe(0);
    expect(figures.toolsByStatus).toEqual([
      { key: 'approved', label: 'Approved', count: 1 },
      { key: 'restricted', label: 'Restricted', count: 0 },
      { key: 'banned', label: 'Banned', count: 2 },
      { key: 'unreviewed', label: 'Not reviewed', count: 1 },
    ]);
    // The same number the policy holds: one reading of one map.
    const bannedInPolicy = [...statuses.values()].filter((s) => s.status === 'banned').length;
    expect(figures.toolsByStatus.find((c) => c.key === 'banned')?.count).toBe(bannedInPolicy);
  });

  it('counts records by category, most first', () => {
    const records = [
      record('a', { category: 'coding-assistant' }),
      record('b', { category: 'chat-assistant' }),
      record('c', { category: 'chat-assistant' }),
      record('d'),
    ];
    expect(dashboardFigures(input({ records })).byCategory).toEqual([
      { key: 'chat-assistant', label: 'Chat assistant', count: 2 },
      { key: 'coding-assistant', label: 'Coding assistant', count: 1 },
      { key: '', label: 'No category', count: 1 },
    ]);
  });

  it('counts discoveries, the relay’s and imported logs’, by first-seen week (Monday, UTC)', () => {
    expect(weekStart(NOW)).toBe(Date.UTC(2026, 2, 9));
    expect(weekStart(Date.UTC(2026, 2, 15, 23))).toBe(Date.UTC(2026, 2, 9)); // a Sunday
    const discoveries = [
      discovery('this-week', { firstSeen: Date.UTC(2026, 2, 9), lastSeen: NOW }),
      discovery('last-week', { firstSeen: Date.UTC(2026, 2, 8), lastSeen: NOW }),
      discovery('long-ago', { firstSeen: Date.UTC(2025, 0, 1), lastSeen: NOW }),
    ];
    const logged: NetworkLogDiscovery = {
      toolKey: 'from-log',
      name: 'From a log',
      category: 'other',
      hosts: ['ai.example'],
      lines: 1,
      firstSeen: Date.UTC(2026, 2, 3),
      lastSeen: Date.UTC(2026, 2, 3),
      importedBy: 'x',
      importedAt: NOW,
    };
    const figures = dashboardFigures(
      input({ discoveries, networkLog: new Map([['from-log', logged]]), weeks: 3 }),
    );
    expect(figures.discoveriesByWeek).toEqual([
      { weekStart: Date.UTC(2026, 1, 23), label: 'Week of 2026-02-23', count: 0 },
      { weekStart: Date.UTC(2026, 2, 2), label: 'Week of 2026-03-02', count: 2 },
      { weekStart: Date.UTC(2026, 2, 9), label: 'Week of 2026-03-09', count: 1 },
    ]);
    expect(figures.earlierDiscoveries).toBe(1);
    expect(figures.totals.discoveries).toBe(4);
  });

  it('lists the five oldest discoveries nobody has triaged yet', () => {
    const discoveries = Array.from({ length: 9 }, (_, i) =>
      discovery(`tool-${i}`, { name: `Tool ${i}`, firstSeen: NOW - (10 - i) * DAY, lastSeen: NOW }),
    );
    const triage = new Map([
      ['tool-0', decided('dismissed')],
      ['tool-1', decided('snoozed')],
      ['tool-2', decided('new')],
      ['tool-3', decided('open')],
    ]);
    const figures = dashboardFigures(input({ discoveries, triage }));
    expect(figures.oldestUntriaged.map((d) => d.toolKey)).toEqual([
      'tool-2',
      'tool-4',
      'tool-5',
      'tool-6',
      'tool-7',
    ]);
    expect(figures.oldestUntriaged[0]).toEqual({
      toolKey: 'tool-2',
      name: 'Tool 2',
      firstSeen: NOW - 8 * DAY,
      reporters: 1,
      howFound: ['visit'],
    });
    expect(figures.totals).toEqual({ records: 0, discoveries: 9, untriaged: 6 });
  });

  it('passes the relay’s activity through, and leaves it out when the relay gave none', () => {
    const activity = { reporters7d: 31, reporters30d: 40, computedAt: NOW };
    expect(dashboardFigures(input({ activity })).activity).toEqual(activity);
    expect(dashboardFigures(input()).activity).toBeUndefined();
  });
});
