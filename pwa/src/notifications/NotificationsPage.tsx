import { CheckCheck } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  NOTIFICATION_KINDS,
  type NotificationKind,
} from '../../../shared/notifications/notification.ts';
import { useOfferCommands } from '../palette/palette-commands.ts';
import type { Credentials } from '../session/join-link.ts';
import type { WorkspaceSync } from '../sync/workspace-sync.ts';
import { countByKind, groupNotifications, KIND_LABELS } from './inbox-groups.ts';
import type { NotificationFeed } from './notification-feed.ts';
import { NotificationCard } from './NotificationCard.tsx';
import { useMyNotifications } from './use-notifications.ts';
import './notifications.css';

interface Props {
  sync: WorkspaceSync;
  credentials: Credentials;
  /** The workspace's feed unless a test gives its own. */
  feed?: NotificationFeed;
}

type Filter = NotificationKind | 'all';

/**
 * `#/notifications`: what concerns the signed-in person (NTF-UI1…), due and overdue first, then
 * new, then read; filtered by kind; each links to its subject; read marks are this device's.
 */
export function NotificationsPage({ sync, credentials, feed }: Props) {
  const { mine, marks, store, now, problems, loading } = useMyNotifications(
    sync,
    credentials,
    feed,
  );
  const [filter, setFilter] = useState<Filter>('all');
  // A card marked read or unread moves to another group: its button keeps the focus there.
  const list = useRef<HTMLDivElement>(null);
  const [moved, setMoved] = useState<string>();
  useEffect(() => {
    if (moved === undefined) return;
    const card = [...(list.current?.querySelectorAll('li[data-id]') ?? [])].find(
      (li) => li.getAttribute('data-id') === moved,
    );
    card?.querySelector<HTMLButtonElement>('.ntf-mark')?.focus();
    setMoved(undefined);
  }, [moved, marks]);
  const counts = useMemo(() => countByKind(mine), [mine]);
  const shown = filter === 'all' ? mine : mine.filter((n) => n.kind === filter);
  const groups = groupNotifications(shown, (id) => marks.has(id), now);
  const unreadShown = shown.filter((n) => !marks.has(n.id)).map((n) => n.id);
  const markAll = () => store.markRead(unreadShown);
  useOfferCommands(
    'notifications',
    unreadShown.length > 0
      ? [
          {
            id: 'notifications.mark-all-read',
            group: 'This page',
            label: 'Mark all notifications read',
            keywords: ['notifications', 'inbox', 'read'],
            run: markAll,
          },
        ]
      : [],
  );

  return (
    <div className="notifications" ref={list}>
      <header className="ntf-header">
        <h1>Notifications</h1>
        <button type="button" onClick={markAll} disabled={unreadShown.length === 0}>
          <CheckCheck size={16} aria-hidden />
          Mark all read
        </button>
      </header>
      {problems.length > 0 && (
        <p role="alert" className="notice">
          Some notifications could not be worked out: {problems.join('; ')}
        </p>
      )}
      <div className="ntf-filters" role="group" aria-label="Show">
        {(['all', ...NOTIFICATION_KINDS] as const).map((kind) => {
          const count = kind === 'all' ? mine.length : (counts.get(kind) ?? 0);
          if (kind !== 'all' && count === 0 && filter !== kind) return null;
          return (
            <button
              key={kind}
              type="button"
              className="ntf-filter"
              aria-pressed={filter === kind}
              onClick={() => setFilter(kind)}
            >
              {kind === 'all' ? 'All' : KIND_LABELS[kind]} <span className="muted">{count}</span>
            </button>
          );
        })}
      </div>
      {loading && <p className="muted">Reading what concerns you…</p>}
      {!loading && problems.length === 0 && groups.length === 0 && (
        <Empty filtered={filter !== 'all'} />
      )}
      {groups.map((group) => (
        <section key={group.id} className="ntf-group" aria-labelledby={`ntf-${group.id}`}>
          <h2 id={`ntf-${group.id}`}>
            {group.label} <span className="muted">{group.items.length}</span>
          </h2>
          <ul className="ntf-list">
            {group.items.map((item) => (
              <NotificationCard
                key={item.id}
                item={item}
                read={marks.has(item.id)}
                now={now}
                onRead={(id, fromButton) => {
                  store.markRead([id]);
                  if (fromButton) setMoved(id);
                }}
                onUnread={(id) => {
                  store.markUnread(id);
                  setMoved(id);
                }}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function Empty({ filtered }: { filtered: boolean }) {
  if (filtered) return <p className="muted ntf-empty">Nothing of this kind concerns you now.</p>;
  return (
    <div className="ntf-empty card">
      <p>Nothing concerns you yet.</p>
      <p className="muted">
        This is where you will see a record, risk or incident assigned to you, an assessment whose
        review is asked of you or falls due, a legal clock running on an incident, and a comment
        that mentions you — as soon as it is written in the workspace, on every device you use.
      </p>
    </div>
  );
}
