import { personKey } from '../documents/registry/people.ts';
import type { NotificationKind } from './notification.ts';

/**
 * A notification's id: its kind, then the parts that name the fact (the subject, the person, the
 * due time), joined with `:` after escaping, so the same fact gives the same id on every device
 * and relay, and a new due time (a new review cycle, a corrected awareness time) gives a new one.
 */
export function notificationId(kind: NotificationKind, ...parts: Array<string | number>): string {
  return [kind, ...parts.map((p) => encodeURIComponent(String(p)))].join(':');
}

/** The directory keys of the names given, blanks left out, each once, sorted. */
export function recipientsOf(...names: Array<string | undefined>): string[] {
  const keys = new Set<string>();
  for (const name of names) {
    if (name === undefined) continue;
    const key = personKey(name);
    if (key !== '') keys.add(key);
  }
  return [...keys].sort();
}
