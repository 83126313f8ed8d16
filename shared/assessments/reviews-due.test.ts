import { describe, expect, it } from 'vitest';
import { DEFAULT_TIER_SCHEME } from '../classification/tiers.ts';
import type {
  Approval,
  AssessmentIndexEntry,
  RegistryRecord,
  Risk,
} from '../documents/registry/index.ts';
import {
  reviewStatusLabel,
  reviewsDue,
  riskStatusLabel,
  risksDue,
  type ReviewDueRow,
} from './reviews-due.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 2, 11, 12);

const entry = (id: string, recordId: string, createdAt = NOW - 400 * DAY) =>
  ({
    id,
    recordId,
    kind: 'risk',
    title: `Assessment ${id}`,
    createdAt,
    createdBy: 'lead',
  }) satisfies AssessmentIndexEntry;

const record = (id: string, tier?: string): RegistryRecord => ({
  id,
  name: `System ${id}`,
  departments: [],
  dataCategories: [],
  toolKeys: [],
  createdAt: 1,
  createdBy: 'lead',
  updatedAt: 1,
  updatedBy: 'lead',
  ...(tier ? { classification: { tier: { suggested: tier, decided: tier, by: 'l', at: 1 } } } : {}),
});

const approval = (assessmentId: string, number: number, at: number): Approval => ({
  assessmentId,
  versionId: `v${number}`,
  versionName: `Version ${number}`,
  number,
  by: 'lead',
  role: 'lead',
  at,
  contentSha256: '0'.repeat(64),
});

const risk = (id: string, status: Risk['status'], dueDate?: number): Risk => ({
  id,
  systemIds: [],
  source: 'privacy',
  description: `Risk ${id}`,
  likelihood: 3,
  impact: 3,
  treatment: 'mitigate',
  controls: [],
  status,
  ...(dueDate !== undefined ? { dueDate } : {}),
  updatedBy: 'lead',
  updatedAt: 1,
});

const scheme = {
  scheme: DEFAULT_TIER_SCHEME,
  removed: [{ id: 'tier-0', name: 'Old tier 0', description: '' }],
};

describe('reviews due', () => {
  it('lists overdue reviews first, then the next 90 days, then first sign-offs; later ones counted', () => {
    const due = reviewsDue({
      assessments: [
        entry('soon', 'r2'),
        entry('never-new', 'r1', NOW - 2 * DAY),
        entry('late', 'r1'),
        entry('far', 'r3'),
        entry('very-late', 'r1'),
        entry('never-old', 'r3', NOW - 50 * DAY),
      ],
      approvals: new Map([
        // Tier 1 (6 months): signed 7 months ago → overdue by about a month.
        ['late', [approval('late', 1, Date.UTC(2025, 7, 11))]],
        // Two sign-offs: the later one counts, still overdue (due 2025-12-01).
        [
          'very-late',
          [
            approval('very-late', 1, Date.UTC(2024, 0, 1)),
            approval('very-late', 2, Date.UTC(2025, 5, 1)),
          ],
        ],
        // Tier 2 (12 months): due 2026-05-01, within 90 days.
        ['soon', [approval('soon', 1, Date.UTC(2025, 4, 1))]],
        // Tier 3 (24 months): due 2027-03-01, beyond the horizon.
        ['far', [approval('far', 1, Date.UTC(2025, 2, 1))]],
      ]),
      records: new Map([
        ['r1', record('r1', 'tier-1')],
        ['r2', record('r2', 'tier-2')],
        ['r3', record('r3', 'tier-3')],
      ]),
      tierScheme: scheme,
      risks: [],
      now: NOW,
    });
    expect(due.reviews.map((row) => [row.assessment.id, row.state])).toEqual([
      ['very-late', 'overdue'],
      ['late', 'overdue'],
      ['soon', 'upcoming'],
      ['never-old', 'first-sign-off'],
      ['never-new', 'first-sign-off'],
    ]);
    expect(due.later).toBe(1);
    const [veryLate, late, soon, never] = due.reviews;
    expect(veryLate!.lastSignOffAt).toBe(Date.UTC(2025, 5, 1));
    expect(veryLate!.review.dueAt).toBe(Date.UTC(2025, 11, 1));
    expect(late!.review).toMatchObject({ dueAt: Date.UTC(2026, 1, 11), months: 6 });
    expect(soon!.review).toMatchObject({ dueAt: Date.UTC(2026, 4, 1), months: 12 });
    expect(soon!.tier).toEqual({ id: 'tier-2', name: 'Tier 2', current: true });
    expect(never!.lastSignOffAt).toBeUndefined();
    expect(never!.review.dueAt).toBeUndefined();
    expect(never!.system).toEqual({ id: 'r3', name: 'System r3', known: true });
  });

  it('reviews a system of a removed, unknown or undecided tier as often as the most severe', () => {
    const signed = Date.UTC(2025, 9, 1);
    const due = reviewsDue({
      assessments: [entry('a', 'removed'), entry('b', 'unknown-tier'), entry('c', 'untiered')],
      approvals: new Map(['a', 'b', 'c'].map((id) => [id, [approval(id, 1, signed)]])),
      records: new Map([
        ['removed', record('removed', 'tier-0')],
        ['unknown-tier', record('unknown-tier', 'tier-x')],
        ['untiered', record('untiered')],
      ]),
      tierScheme: scheme,
      risks: [],
      now: NOW,
    });
    expect(due.reviews.map((row) => row.review)).toEqual(
      Array(3).fill({ state: 'due-soon', dueAt: Date.UTC(2026, 3, 1), months: 6 }),
    );
    expect(due.reviews.map((row) => row.tier)).toEqual([
      { id: 'tier-0', name: 'Old tier 0', current: false },
      { id: 'tier-x', name: 'tier-x', current: false },
      undefined,
    ]);
  });

  it('keeps an assessment whose record is unknown, named by the record id', () => {
    const due = reviewsDue({
      assessments: [entry('a', 'gone')],
      approvals: new Map(),
      records: new Map(),
      tierScheme: scheme,
      risks: [],
      now: NOW,
    });
    expect(due.reviews).toHaveLength(1);
    expect(due.reviews[0]).toMatchObject({
      system: { id: 'gone', name: 'gone', known: false },
      state: 'first-sign-off',
    });
    expect(due.reviews[0]!.tier).toBeUndefined();
  });

  it('ignores approvals of assessments no longer listed', () => {
    const due = reviewsDue({
      assessments: [],
      approvals: new Map([['ghost', [approval('ghost', 1, NOW - 400 * DAY)]]]),
      records: new Map(),
      tierScheme: scheme,
      risks: [],
      now: NOW,
    });
    expect(due).toEqual({ reviews: [], later: 0, risks: [] });
  });
});

describe('risks due', () => {
  const today = Date.UTC(2026, 2, 11);
  it('lists risks not closed that are past due or due within 30 days, soonest first', () => {
    const rows = risksDue(
      [
        risk('in-31-days', 'open', today + 31 * DAY),
        risk('in-30-days', 'treating', today + 30 * DAY),
        risk('closed-past', 'closed', today - 10 * DAY),
        risk('no-date', 'open'),
        risk('today', 'open', today),
        risk('yesterday', 'accepted', today - DAY),
      ],
      NOW,
    );
    expect(rows.map((row) => [row.risk.id, row.overdue])).toEqual([
      ['yesterday', true],
      ['today', false],
      ['in-30-days', false],
    ]);
  });
});

describe('the status in words', () => {
  const row = (state: 'overdue' | 'upcoming' | 'first-sign-off', dueAt?: number) =>
    ({ state, review: { state: 'ok', months: 6, ...(dueAt ? { dueAt } : {}) } }) as ReviewDueRow;
  it('says how late or how soon a review is', () => {
    expect(reviewStatusLabel(row('overdue', NOW - 28 * DAY), NOW)).toBe('Overdue by 28 days');
    expect(reviewStatusLabel(row('overdue', NOW - DAY), NOW)).toBe('Overdue by 1 day');
    expect(reviewStatusLabel(row('overdue', NOW), NOW)).toBe('Overdue since today');
    expect(reviewStatusLabel(row('upcoming', NOW + 50.5 * DAY), NOW)).toBe('Due in 51 days');
    expect(reviewStatusLabel(row('upcoming', NOW + DAY / 2), NOW)).toBe('Due within a day');
    expect(reviewStatusLabel(row('first-sign-off'), NOW)).toBe('First sign-off pending');
  });
  it('counts a risk’s due date in whole days', () => {
    const today = Date.UTC(2026, 2, 11);
    const label = (id: string, due: number) =>
      riskStatusLabel(risksDue([risk(id, 'open', due)], NOW)[0]!, NOW);
    expect(label('a', today - 3 * DAY)).toBe('Overdue by 3 days');
    expect(label('b', today)).toBe('Due today');
    expect(label('c', today + DAY)).toBe('Due in 1 day');
  });
});
