import { describe, expect, it } from 'vitest';
import { isUnseen, lookNow, parseLastLook } from './last-look.ts';

const DAY = 86_400_000;
const day = (n: number) => Date.UTC(2026, 0, 1) + n * DAY;

describe('new since the last look', () => {
  it('counts everything as new on a device that never looked', () => {
    expect(isUnseen({ toolKey: 'a', firstSeen: day(0) }, undefined)).toBe(true);
  });

  it('marks what was first seen after the look, not before', () => {
    const look = lookNow([{ toolKey: 'a', firstSeen: day(2) }], day(5) + 3_600_000);
    expect(isUnseen({ toolKey: 'a', firstSeen: day(2) }, look)).toBe(false);
    expect(isUnseen({ toolKey: 'b', firstSeen: day(4) }, look)).toBe(false);
    expect(isUnseen({ toolKey: 'c', firstSeen: day(6) }, look)).toBe(true);
  });

  it('tells a tool that arrives later on the day of the look from one already seen that day', () => {
    const at = day(5) + 10 * 3_600_000;
    const look = lookNow(
      [
        { toolKey: 'morning', firstSeen: day(5) },
        { toolKey: 'old', firstSeen: day(1) },
      ],
      at,
    );
    expect(look.seenThatDay).toEqual(['morning']);
    expect(isUnseen({ toolKey: 'morning', firstSeen: day(5) }, look)).toBe(false);
    expect(isUnseen({ toolKey: 'afternoon', firstSeen: day(5) }, look)).toBe(true);
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
