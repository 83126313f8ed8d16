import type { DigestCoverage, DigestPeriod } from '../storage/alert-storage.ts';

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

/**
 * DIG2 What a period's digest covers: from the end of the subscription's last digest sent or found
 * empty (or, when none was, the start of the period it was made in: its first) to the end of this
 * one. A tool first reported in a period whose digest was never made (a relay stopped across it)
 * or failed for good is in the next digest made, and in no other. undefined while an earlier
 * digest of the subscription is still queued: whether it is sent decides where this one starts.
 */
export function digestSpan(
  subscription: { every: DigestPeriod; createdAt: number },
  period: { start: number; end: number },
  coverage: DigestCoverage,
): { start: number; end: number } | undefined {
  if (coverage.pending > 0) return undefined;
  const from =
    coverage.coveredUntil ?? latestPeriod(subscription.every, subscription.createdAt).end;
  return { start: Math.min(from, period.start), end: period.end };
}
