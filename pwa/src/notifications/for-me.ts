import type { WorkspaceNotification } from '../../../shared/notifications/notification.ts';
import { notificationsFor } from '../../../shared/notifications/workspace-notifications.ts';
import type { Me } from './me.ts';

export { meOf, type Me } from './me.ts';

/**
 * NTF-UI1: mine are those whose recipients hold my key, and, when I lead the workspace, those
 * that name nobody (shared/notifications' `notificationsFor`, as the digests choose), each id once
 * (several sources may name one fact: the first wins).
 */
export function myNotifications(
  all: readonly WorkspaceNotification[],
  me: Me,
): WorkspaceNotification[] {
  const seen = new Set<string>();
  return notificationsFor(all, me.key, { lead: me.lead }).filter(
    (notification) => !seen.has(notification.id) && Boolean(seen.add(notification.id)),
  );
}
