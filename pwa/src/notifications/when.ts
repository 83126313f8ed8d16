import type { WorkspaceNotification } from '../../../shared/notifications/notification.ts';

const DAY = 86_400_000;
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', DAY],
  ['hour', 3_600_000],
  ['minute', 60_000],
];
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
type Timed = Pick<WorkspaceNotification, 'kind' | 'at' | 'dueAt'>;

/**
 * NTF-UI2: a due time at midnight UTC is a due day — shared/ keeps review and due days so (a
 * risk's due day, a document's review, an assessment's next review) and counts a day as past once
 * it ended — except a legal clock, which is always a moment. Due days are shown as days.
 */
const isDueDay = (item: Timed): boolean =>
  item.dueAt !== undefined && item.kind !== 'clock.due' && item.dueAt % DAY === 0;

/** When it becomes overdue: the due moment, or the end of the due day. */
export const deadlineOf = (item: Timed): number | undefined =>
  item.dueAt === undefined ? undefined : item.dueAt + (isDueDay(item) ? DAY : 0);

export const isOverdue = (item: Timed, now: number): boolean => {
  const deadline = deadlineOf(item);
  return deadline !== undefined && now >= deadline;
};

/** "in 3 days", "2 hours ago", "now": the largest whole unit between `time` and `now`. */
export function relativeTime(time: number, now: number): string {
  const delta = time - now;
  for (const [unit, size] of UNITS) {
    if (Math.abs(delta) >= size) return relative.format(Math.trunc(delta / size), unit);
  }
  return 'now';
}

const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);
const isoMinute = (time: number) => new Date(time).toISOString().slice(0, 16).replace('T', ' ');

/** The line under a notification: when it is due (or was), else when it arrived. */
export function whenText(item: Timed, now: number): string {
  if (item.dueAt === undefined) return relativeTime(item.at, now);
  const overdue = isOverdue(item, now);
  if (isDueDay(item)) {
    const days = Math.round((item.dueAt - (now - (((now % DAY) + DAY) % DAY))) / DAY);
    return `${overdue ? 'was due' : 'due'} ${isoDay(item.dueAt)} (${relative.format(days, 'day')})`;
  }
  const at = `${isoMinute(item.dueAt)} UTC (${relativeTime(item.dueAt, now)})`;
  return overdue ? `overdue since ${at}` : `due ${at}`;
}

/** Only the app's own routes are links: a document could hold any text as a subject's href. */
export const safeHref = (href: string): string | undefined =>
  /^#\/[^\s]*$/.test(href) ? href : undefined;
