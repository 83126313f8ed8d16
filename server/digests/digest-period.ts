import type { DigestPeriod } from '../storage/alert-storage.ts';

const DAY = 86_400_000;

export interface Period {
  /** `2027-03-01` (daily) or `week-of-2027-03-01` (weekly, from Monday): the send-once key. */
  key: string;
  start: number;
  end: number;
}

export const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/**
 * DIG2 The latest whole period ended by `now`: yesterday (UTC) for a daily digest, last week
 * (Monday 00:00 UTC to Monday) for a weekly one. A digest tells of a period once it is over.
 */
export function latestPeriod(every: DigestPeriod, now: number): Period {
  const today = Math.floor(now / DAY) * DAY;
  if (every === 'daily') return { key: isoDay(today - DAY), start: today - DAY, end: today };
  // 1 January 1970 was a Thursday: days since the latest Monday are (days + 3) mod 7.
  const monday = today - ((today / DAY + 3) % 7) * DAY;
  return { key: `week-of-${isoDay(monday - 7 * DAY)}`, start: monday - 7 * DAY, end: monday };
}
