import { describe, expect, it } from 'vitest';
import { isUnseen, lookNow, parseLastLook } from './last-look.ts';

const DAY = 86_400_000;
const day = (n: number) => Date.UTC(2026, 0, 1) + n * DAY;

describe('new since the last look', () => {
  it('counts everything as new on a device that never looked', () => {
    expect(isUnseen({ toolKey: 'a', firstReportedAt: day(0) }, undefined)).toBe(true);
  });

  it('marks what was first reported after the look, not before', () => {
    const look = lookNow([{ toolKey: 'a', firstReportedAt: day(2) }], day(5) + 3_600_000);
    expect(isUnseen({ toolKey: 'a', firstReportedAt: day(2) }, look)).toBe(false);
    expect(isUnseen({ toolKey: 'b', firstReportedAt: day(4) }, look)).toBe(false);
    expect(isUnseen({ toolKey: 'c', firstReportedAt: day(6) }, look)).toBe(true);
  });

  it('tells a tool that arrives later on the day of the look from one already seen that day', () => {
    const at = day(5) + 10 * 3_600_000;
    const look = lookNow(
      [
        { toolKey: 'morning', firstReportedAt: day(5) },
        { toolKey: 'old', firstReportedAt: day(1) },
      ],
      at,
    );
    expect(look.seenThatDay).toEqual(['morning']);
    expect(isUnseen({ toolKey: 'morning', firstReportedAt: day(5) }, look)).toBe(false);
    expect(isUnseen({ toolKey: 'afternoon', firstReportedAt: day(5) }, look)).toBe(true);
  });

  it("marks a tool reported after the look though this device's clock is ahead of the relay's", () => {
    // The relay stamps a tool at 10:00:30 by its clock; this device, a minute ahead, marked the
    // inbox seen at 10:01:00 by its own, before the tool reached it.
    const look = lookNow(
      [{ toolKey: 'listed', firstReportedAt: day(5) + 9 * 3_600_000 }],
      day(5) + 10 * 3_600_000 + 60_000,
    );
    expect(isUnseen({ toolKey: 'listed', firstReportedAt: day(5) + 9 * 3_600_000 }, look)).toBe(
      false,
    );
    expect(
      isUnseen({ toolKey: 'skewed', firstReportedAt: day(5) + 10 * 3_600_000 + 30_000 }, look),
    ).toBe(true);
    // …and across midnight: reported at 23:59 on day 4, looked at 00:01 on day 5 before it arrived.
    const midnight = lookNow([], day(5) + 60_000);
    expect(isUnseen({ toolKey: 'late-night', firstReportedAt: day(5) - 60_000 }, midnight)).toBe(
      true,
    );
  });

  it('reads a stored look without trusting it', () => {
    expect(parseLastLook(undefined)).toBeUndefined();
    expect(parseLastLook('yesterday')).toBeUndefined();
    expect(parseLastLook({ at: -1 })).toBeUndefined();
    expect(parseLastLook({ at: Number.NaN })).toBeUndefined();
    expect(parseLastLook({ at: 5, seenThatDay: ['a', 3, null] })).toEqual({
      at: 5,
      seenThatDay: ['a'],
    });
    expect(parseLastLook({ at: 5, seenThatDay: 'a' })).toEqual({ at: 5, seenThatDay: [] });
  });
});
