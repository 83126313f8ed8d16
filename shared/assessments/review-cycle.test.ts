import { describe, expect, it } from 'vitest';
import { DEFAULT_TIER_SCHEME, type TierScheme } from '../classification/index.ts';
import { addMonths, nextReview, reviewIntervalMonths } from './review-cycle.ts';

const scheme = DEFAULT_TIER_SCHEME;
const signed = Date.UTC(2026, 0, 31, 9);

describe('review cycles', () => {
  it('reviews Tier 1 every 6 months, Tier 2 every 12, Tier 3 every 24', () => {
    expect(['tier-1', 'tier-2', 'tier-3'].map((t) => reviewIntervalMonths(t, scheme))).toEqual([
      6, 12, 24,
    ]);
    expect(reviewIntervalMonths('gone', scheme)).toBe(6);
    expect(reviewIntervalMonths('tier-3', scheme, { 'tier-3': 18 })).toBe(18);
    const five: TierScheme = {
      tiers: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, name: id, description: id })),
    };
    expect(['a', 'b', 'd', 'e'].map((t) => reviewIntervalMonths(t, five))).toEqual([6, 12, 12, 24]);
  });

  it('adds calendar months in UTC, clamping to the end of shorter months', () => {
    expect(new Date(addMonths(signed, 1)).toISOString()).toBe('2026-02-28T09:00:00.000Z');
    expect(new Date(addMonths(signed, 6)).toISOString()).toBe('2026-07-31T09:00:00.000Z');
    expect(new Date(addMonths(Date.UTC(2027, 7, 29), 6)).toISOString()).toBe(
      '2028-02-29T00:00:00.000Z',
    );
  });

  it('says when the next review is due, soon, or overdue', () => {
    const due = Date.UTC(2026, 6, 31, 9);
    const input = { tierId: 'tier-1', scheme, lastSignOffAt: signed };
    expect(nextReview({ ...input, now: signed })).toEqual({ state: 'ok', dueAt: due, months: 6 });
    expect(nextReview({ ...input, now: due - 10 * 86_400_000 }).state).toBe('due-soon');
    expect(nextReview({ ...input, now: due }).state).toBe('overdue');
    expect(nextReview({ ...input, lastSignOffAt: undefined, now: signed })).toEqual({
      state: 'never-signed-off',
      months: 6,
    });
  });
});
