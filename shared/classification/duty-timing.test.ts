import { describe, expect, it } from 'vitest';
import { dutyTiming, formatRuleDay, isoDay } from './duty-timing.ts';

describe('when a duty applies (a pure function of the day passed in)', () => {
  it('applies from its first day on, and says from when before that', () => {
    expect(dutyTiming('2026-12-02', '2026-12-07')).toEqual({
      appliesNow: true,
      label: 'applies now',
    });
    expect(dutyTiming('2026-12-07', '2026-12-07')).toEqual({
      appliesNow: true,
      label: 'applies now',
    });
    expect(dutyTiming('2027-12-02', '2026-12-07')).toEqual({
      appliesNow: false,
      label: 'from 2 Dec 2027',
    });
    // The same duty on a later day: nothing hard-coded about "today".
    expect(dutyTiming('2027-12-02', '2027-12-02').appliesNow).toBe(true);
  });

  it('formats days and reads the UTC day of a moment', () => {
    expect(formatRuleDay('2028-08-02')).toBe('2 Aug 2028');
    expect(isoDay(Date.UTC(2026, 11, 7, 23, 59))).toBe('2026-12-07');
  });
});
