import { Bell } from 'lucide-react';
import type { Credentials } from '../session/join-link.ts';
import type { WorkspaceSync } from '../sync/workspace-sync.ts';
import type { NotificationFeed } from './notification-feed.ts';
import { useMyNotifications } from './use-notifications.ts';
import './bell.css';

interface Props {
  sync: WorkspaceSync;
  credentials: Credentials;
  feed?: NotificationFeed;
}

/** The most the badge spells out. */
const MAX_SHOWN = 99;

/**
 * The top bar's bell (NTF-UI5): a link to `#/notifications` with the number of unread
 * notifications that concern me, which it says in its name ("Notifications, 3 unread").
 */
export function NotificationBell({ sync, credentials, feed }: Props) {
  const { unread } = useMyNotifications(sync, credentials, feed);
  const count = unread ?? 0;
  const name = count > 0 ? `Notifications, ${count} unread` : 'Notifications';
  return (
    <a className="notification-bell" href="#/notifications" aria-label={name} title={name}>
      <Bell size={18} aria-hidden />
      {count > 0 && (
        <span className="bell-count" aria-hidden>
          {count > MAX_SHOWN ? `${MAX_SHOWN}+` : count}
        </span>
      )}
    </a>
  );
}
