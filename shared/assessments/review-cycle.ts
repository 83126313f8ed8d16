import type { TierScheme } from '../classification/index.ts';

/**
 * When an assessment is next due for review: its last sign-off plus the review interval of the
 * system's tier. Defaults (a workspace may set its own per tier id): the most severe tier every
 * 6 months, the middle one every 12, the routine one every 24 — so Tier 1 / 2 / 3 of the default
 * scheme review at 6 / 12 / 24 months. ISO/IEC 42001 asks for assessments at planned intervals
 * and on significant change (8.2, 8.4); the intervals are the workspace's choice.
 */

export const DEFAULT_REVIEW_MONTHS = { high: 6, medium: 12, low: 24 } as const;
/** Warn this long before the due date. */
export const DUE_SOON_DAYS = 30;
const DAY = 86_400_000;

/** The longest review interval a workspace may set (five years). */
export const MAX_REVIEW_MONTHS = 60;

/** Interval in months for a tier of the scheme: the workspace's own, or by its place in the scheme. */
export function reviewIntervalMonths(
  tierId: string,
  scheme: TierScheme,
  custom: Readonly<Record<string, number>> = {},
): number {
  const own = custom[tierId];
  if (own !== undefined && Number.isInteger(own) && own >= 1 && own <= MAX_REVIEW_MONTHS)
    return own;
  const index = scheme.tiers.findIndex((tier) => tier.id === tierId);
  // An unknown tier is reviewed as often as the most severe: missing data never delays a review.
  if (index <= 0) return DEFAULT_REVIEW_MONTHS.high;
  return index === scheme.tiers.length - 1
    ? DEFAULT_REVIEW_MONTHS.low
    : DEFAULT_REVIEW_MONTHS.medium;
}

/** `months` calendar months after `time`, in UTC; the 31st of a shorter month becomes its last day. */
export function addMonths(time: number, months: number): number {
  const date = new Date(time);
  const [year, month, dayOfMonth] = [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()];
  const timeOfDay = time - Date.UTC(year, month, dayOfMonth);
  const lastDay = new Date(Date.UTC(year, month + months + 1, 0)).getUTCDate();
  return Date.UTC(year, month + months, Math.min(dayOfMonth, lastDay)) + timeOfDay;
}

export type ReviewState = 'never-signed-off' | 'ok' | 'due-soon' | 'overdue';

export interface ReviewDue {
  state: ReviewState;
  /** Epoch ms; absent until the first sign-off. */
  dueAt?: number;
  months: number;
}

export function nextReview(input: {
  tierId: string | undefined;
  scheme: TierScheme;
  /** The last sign-off's time, if any. */
  lastSignOffAt: number | undefined;
  now: number;
  custom?: Readonly<Record<string, number>>;
}): ReviewDue {
  const months = reviewIntervalMonths(input.tierId ?? '', input.scheme, input.custom);
  if (input.lastSignOffAt === undefined) return { state: 'never-signed-off', months };
  const dueAt = addMonths(input.lastSignOffAt, months);
  const state =
    input.now >= dueAt ? 'overdue' : dueAt - input.now <= DUE_SOON_DAYS * DAY ? 'due-soon' : 'ok';
  return { state, dueAt, months };
}
