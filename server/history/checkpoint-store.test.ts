import { describe, expect, it } from 'vitest';
import { checkpointsToDrop, DEFAULT_RETENTION } from './checkpoint-store.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('checkpoint retention (docs/sync.md DR7)', () => {
  it('keeps every checkpoint of the last day, one an hour for 7 days, one a day for 90, none older', () => {
    const now = Date.UTC(2026, 11, 7, 12, 0);
    // One checkpoint every 10 minutes for 100 days.
    const times = Array.from(
      { length: (100 * DAY) / (10 * MINUTE) },
      (_, i) => now - i * 10 * MINUTE,
    );
    const dropped = new Set(checkpointsToDrop(times, now, DEFAULT_RETENTION));
    const kept = times.filter((at) => !dropped.has(at));
    const age = (at: number) => now - at;
    expect(kept.filter((at) => age(at) < DAY)).toHaveLength(144);
    // Hourly: at most one per UTC hour, and no hour between 1 and 7 days old without one.
    const hourly = kept.filter((at) => age(at) >= DAY && age(at) < 7 * DAY);
    expect(new Set(hourly.map((at) => Math.floor(at / HOUR))).size).toBe(hourly.length);
    expect(hourly.length).toBeGreaterThanOrEqual(6 * 24 - 1);
    const daily = kept.filter((at) => age(at) >= 7 * DAY);
    expect(new Set(daily.map((at) => Math.floor(at / DAY))).size).toBe(daily.length);
    expect(daily.length).toBeGreaterThanOrEqual(83);
    expect(Math.max(...daily.map(age))).toBeLessThan(90 * DAY);
  });
});
