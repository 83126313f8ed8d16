import { useMemo, useSyncExternalStore } from 'react';
import type { WorkspaceNotification } from '../../../shared/notifications/notification.ts';
import { personOf, type Credentials } from '../session/join-link.ts';
import type { WorkspaceSync } from '../sync/workspace-sync.ts';
import { meOf } from './me.ts';
import { feedFor, type NotificationFeed } from './notification-feed.ts';
import { useReadMarks, type ReadMarks, type ReadStore } from './read-state.ts';

export interface MyNotifications {
  mine: readonly WorkspaceNotification[];
  /** Unread among mine; undefined until the derivations and this device's read marks are loaded. */
  unread: number | undefined;
  loading: boolean;
  marks: ReadMarks;
  store: ReadStore;
  now: number;
  problems: readonly string[];
}

/**
 * What concerns the signed-in person, live, with this device's read marks: one computation for
 * the bell and the page (both read the workspace's one feed and one read store).
 */
export function useMyNotifications(
  sync: WorkspaceSync,
  credentials: Credentials,
  feed: NotificationFeed = feedFor(sync),
): MyNotifications {
  const snapshot = useSyncExternalStore(feed.subscribe, feed.snapshot);
  const { store, marks, loaded } = useReadMarks(sync.workspace);
  const name = personOf(credentials);
  const mine = useMemo(
    () => snapshot.select(snapshot.all, meOf(name, credentials.role)),
    [snapshot, name, credentials.role],
  );
  const loading = Boolean(snapshot.loading) || !loaded;
  const unread = useMemo(
    () => (loading ? undefined : mine.filter((n) => !marks.has(n.id)).length),
    [mine, marks, loading],
  );
  return { mine, unread, loading, marks, store, now: snapshot.now, problems: snapshot.problems };
}
