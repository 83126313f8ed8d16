export { LIFECYCLE_LABELS, NOTE_KIND_LABELS } from '../../../../shared/exports/words.ts';

/** Words the record page shows for stored values. */

/** Who did it: a token id (32 hex digits) is shortened; a role or a name shows as it is. */
export function personShown(by: string): string {
  if (by === '') return 'someone';
  return /^[a-f0-9]{32}$/.test(by) ? `token ${by.slice(0, 8)}` : by;
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "just now", "5 minutes ago", "yesterday", "3 weeks ago" (a future time reads "in …"). */
export function relativeTime(at: number, now: number): string {
  const elapsed = at - now;
  if (Math.abs(elapsed) < 45_000) return 'just now';
  for (const [unit, size] of UNITS) {
    if (Math.abs(elapsed) >= size || unit === 'minute') {
      return relative.format(Math.round(elapsed / size), unit);
    }
  }
  return 'just now';
}

/** `2026-03-10 14:05 UTC`, for a title and a note's date. */
export const formatTime = (at: number) =>
  `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
