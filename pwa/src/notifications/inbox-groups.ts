import type {
  NotificationKind,
  WorkspaceNotification,
} from '../../../shared/notifications/notification.ts';
import { deadlineOf, isOverdue } from './when.ts';

/** What each kind is called on the page and in its filter. */
export const KIND_LABELS: Record<NotificationKind, string> = {
  assigned: 'Assigned to you',
  mentioned: 'Mentioned',
  'review.requested': 'Review requested',
  'review.due': 'Review due',
  'clock.due': 'Clock running',
  'discovery.new': 'New tool',
};

export type GroupId = 'overdue' | 'due' | 'new' | 'read';

export const GROUP_LABELS: Record<GroupId, string> = {
  overdue: 'Overdue',
  due: 'Due soon',
  new: 'New',
  read: 'Earlier',
};

export interface NotificationGroup {
  id: GroupId;
  label: string;
  items: WorkspaceNotification[];
}

/**
 * NTF-UI2: what has a due time comes first — overdue (its deadline passed: when.ts), then due soon, each
 * soonest first, read or not, since a running clock still runs once seen — then the unread rest,
 * newest first, then the read rest. Empty groups are left out.
 */
export function groupNotifications(
  items: readonly WorkspaceNotification[],
  isRead: (id: string) => boolean,
  now: number,
): NotificationGroup[] {
  const groups: Record<GroupId, WorkspaceNotification[]> = {
    overdue: [],
    due: [],
    new: [],
    read: [],
  };
  for (const item of items) {
    if (item.dueAt !== undefined) groups[isOverdue(item, now) ? 'overdue' : 'due'].push(item);
    else groups[isRead(item.id) ? 'read' : 'new'].push(item);
  }
  const byDue = (a: WorkspaceNotification, b: WorkspaceNotification) =>
    (deadlineOf(a) ?? 0) - (deadlineOf(b) ?? 0) || a.id.localeCompare(b.id);
  const byNewest = (a: WorkspaceNotification, b: WorkspaceNotification) =>
    b.at - a.at || a.id.localeCompare(b.id);
  groups.overdue.sort(byDue);
  groups.due.sort(byDue);
  groups.new.sort(byNewest);
  groups.read.sort(byNewest);
  return (Object.keys(groups) as GroupId[])
    .filter((id) => groups[id].length > 0)
    .map((id) => ({ id, label: GROUP_LABELS[id], items: groups[id] }));
}

/** How many of each kind there are, for the filter's labels. */
export function countByKind(
  items: readonly WorkspaceNotification[],
): Map<NotificationKind, number> {
  const counts = new Map<NotificationKind, number>();
  for (const item of items) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);
  return counts;
}
