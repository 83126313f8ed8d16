import type * as Y from 'yjs';
import type { WorkspaceNotification } from '../../../shared/notifications/notification.ts';
import { myNotifications } from './for-me.ts';
import type { Derivations, NotificationSource } from './notification-sources.ts';

export const NOW = Date.UTC(2026, 11, 7, 9, 0);
const HOUR = 3_600_000;
export const hoursFromNow = (n: number) => NOW + n * HOUR;

/** A notification with sensible defaults, for tests. */
export function notification(
  id: string,
  overrides: Partial<WorkspaceNotification> = {},
): WorkspaceNotification {
  return {
    id,
    kind: 'assigned',
    subject: {
      type: 'record',
      id: `rec-${id}`,
      title: `Record ${id}`,
      href: `#/inventory/rec-${id}`,
    },
    summary: `Dana Reyes made you the owner of Record ${id}.`,
    at: hoursFromNow(-1),
    recipients: ['leila moreau'],
    ...overrides,
  };
}

/**
 * A stand-in source for component tests: the notifications kept as JSON in a Y.Map `test`, so a
 * test changes them the way a synced change arrives (a Yjs transaction).
 */
export const testSource: NotificationSource = ({ registry }) => [
  ...(registry?.getMap<WorkspaceNotification>('test').values() ?? []),
];

export function putNotifications(doc: Y.Doc, items: readonly WorkspaceNotification[]): void {
  doc.transact(() => items.forEach((item) => doc.getMap('test').set(item.id, item)));
}

/** Derivations made of the given sources, with the inbox's own choice of mine. */
export const derivations = (...sources: NotificationSource[]): Derivations => ({
  sources,
  select: myNotifications,
});
