import type { Role } from '../../../shared/auth/access.ts';
import { personKey } from '../../../shared/documents/registry/people.ts';
import type { WorkspaceNotification } from '../../../shared/notifications/notification.ts';

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
 * NTF-UI1: a notification concerns me when my key is among its recipients, or when it names
 * nobody and I lead the workspace (an unowned fact is every lead's). Recipients are compared
 * folded, so a derivation that kept a name as written still reaches its person.
 */
export function concernsMe(notification: WorkspaceNotification, me: Me): boolean {
  if (notification.recipients.length === 0) return me.lead;
  return notification.recipients.some((recipient) => personKey(recipient) === me.key);
}

/** Mine, each id once (several sources may name one fact: the first wins). */
export function myNotifications(
  all: readonly WorkspaceNotification[],
  me: Me,
): WorkspaceNotification[] {
  const seen = new Set<string>();
  const mine: WorkspaceNotification[] = [];
  for (const notification of all) {
    if (seen.has(notification.id) || !concernsMe(notification, me)) continue;
    seen.add(notification.id);
    mine.push(notification);
  }
  return mine;
}
