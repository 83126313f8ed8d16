const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "in 3 days", "2 hours ago", "now": the largest whole unit between `time` and `now`. */
export function relativeTime(time: number, now: number): string {
  const delta = time - now;
  for (const [unit, size] of UNITS) {
    if (Math.abs(delta) >= size) return relative.format(Math.trunc(delta / size), unit);
  }
  return 'now';
}

/** The line under a notification: when it is due (or was), else when it arrived. */
export function whenText(item: { at: number; dueAt?: number }, now: number): string {
  if (item.dueAt === undefined) return relativeTime(item.at, now);
  const day = new Date(item.dueAt).toISOString().slice(0, 10);
  return item.dueAt <= now
    ? `overdue since ${day} (${relativeTime(item.dueAt, now)})`
    : `due ${day} (${relativeTime(item.dueAt, now)})`;
}

/** Only the app's own routes are links: a document could hold any text as a subject's href. */
export const safeHref = (href: string): string | undefined =>
  /^#\/[^\s]*$/.test(href) ? href : undefined;
