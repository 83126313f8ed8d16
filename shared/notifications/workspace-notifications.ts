import { assignedNotifications } from './assigned.ts';
import { clockDueNotifications } from './clock-due.ts';
import { readWorkspaceFacts, type NotificationSources, type WorkspaceFacts } from './facts.ts';
import type { WorkspaceNotification } from './notification.ts';
import { reviewDueNotifications } from './review-due.ts';
import { reviewRequestedNotifications } from './review-requested.ts';

/**
 * NTF1 What concerns whom in a workspace at `now`: a pure function of its documents, so the PWA's
 * inbox, the relay's webhooks and the e-mail digests derive the same notifications with the same
 * ids (docs/operations.md, "Notifications"). Newest first, then by id.
 */
export function workspaceNotifications(
  sources: NotificationSources & { now: number },
): WorkspaceNotification[] {
  return notificationsOf(readWorkspaceFacts(sources), sources.now);
}

/** The same from facts already read (a page that holds them re-derives without reading again). */
export function notificationsOf(facts: WorkspaceFacts, now: number): WorkspaceNotification[] {
  const all = [
    ...assignedNotifications(facts),
    ...reviewRequestedNotifications(facts),
    ...reviewDueNotifications(facts, now),
    ...clockDueNotifications(facts, now),
  ];
  return all.sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The notifications a person sees: theirs, and those for every lead when they are one. */
export function notificationsFor(
  notifications: readonly WorkspaceNotification[],
  person: string,
  options: { lead: boolean },
): WorkspaceNotification[] {
  return notifications.filter((n) =>
    n.recipients.length === 0 ? options.lead : n.recipients.includes(person),
  );
}
