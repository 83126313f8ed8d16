import type { Role } from '../../../shared/auth/access.ts';
import { personKey } from '../../../shared/documents/registry/people.ts';
import type { WorkspaceNotification } from '../../../shared/notifications/notification.ts';
import { notificationsFor } from '../../../shared/notifications/workspace-notifications.ts';

/** Who "me" is for the inbox: the signed-in person's directory key and whether they lead. */
export interface Me {
  /** `personKey` of the signed-in person's name (`personOf(credentials)`). */
  key: string;
  lead: boolean;
}

export const meOf = (name: string, role: Role): Me => ({
  key: personKey(name),
  lead: role === 'admin' || role === 'lead',
});

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
