import type { WorkspaceNotification } from '../../../shared/notifications/notification.ts';
import { KIND_LABELS } from './inbox-groups.ts';
import { KIND_ICONS } from './kind-icons.ts';
import { isOverdue, safeHref, whenText } from './when.ts';

interface Props {
  item: WorkspaceNotification;
  read: boolean;
  now: number;
  /** `fromButton`: marked with its button (not by opening its link). */
  onRead(id: string, fromButton?: boolean): void;
  onUnread(id: string): void;
}

/** One notification: what it is about (a link to it, which marks it read), why, and when. */
export function NotificationCard({ item, read, now, onRead, onUnread }: Props) {
  const Icon = KIND_ICONS[item.kind];
  const href = safeHref(item.subject.href);
  const overdue = isOverdue(item, now);
  return (
    <li className="ntf-card" data-unread={!read || undefined} data-id={item.id}>
      <span className="ntf-icon" aria-hidden>
        <Icon size={18} />
      </span>
      <div className="ntf-body">
        <p className="ntf-title">
          {!read && <span className="ntf-dot" title="Unread" />}
          {!read && <span className="visually-hidden">Unread: </span>}
          {href ? (
            <a href={href} onClick={() => onRead(item.id)}>
              {item.subject.title}
            </a>
          ) : (
            item.subject.title
          )}
        </p>
        <p className="ntf-summary">{item.summary}</p>
        <p className="ntf-meta">
          <span className="badge accent">{KIND_LABELS[item.kind]}</span>
          <span className={overdue ? 'error' : 'muted'}>{whenText(item, now)}</span>
        </p>
      </div>
      <button
        type="button"
        className="ghost ntf-mark"
        onClick={() => (read ? onUnread(item.id) : onRead(item.id, true))}
      >
        {read ? 'Mark unread' : 'Mark read'}
        <span className="visually-hidden">: {item.subject.title}</span>
      </button>
    </li>
  );
}
