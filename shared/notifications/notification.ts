/**
 * One thing a person should know about: the shape every source of notifications returns (the
 * relay's periodic scan for webhooks and e-mail digests, the PWA's inbox, comments' mentions), so
 * the inbox, a webhook and a digest name the same fact with the same id.
 */
export const NOTIFICATION_KINDS = [
  'assigned',
  'mentioned',
  'review.requested',
  'review.due',
  'clock.due',
  'discovery.new',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_SUBJECTS = [
  'record',
  'assessment',
  'risk',
  'incident',
  'discovery',
  'comment',
  // A management-system register entry (a corrective action, a review action, a controlled
  // document, a management review): ISO/IEC 42001 duties with an owner and a due day.
  'aims',
] as const;
export type NotificationSubject = (typeof NOTIFICATION_SUBJECTS)[number];

export interface WorkspaceNotification {
  /** Stable across devices and relays: the same fact gives the same id (kind, subject, due time). */
  id: string;
  kind: NotificationKind;
  /** What it is about; `href` is the PWA's route to it (e.g. `#/records/rec-1`). */
  subject: { type: NotificationSubject; id: string; title: string; href: string };
  /** One line of plain text. */
  summary: string;
  /** When it became relevant (ms since the epoch). */
  at: number;
  dueAt?: number;
  /** Person keys (`personKey` in shared/documents/registry/people.ts) it concerns; empty = every lead. */
  recipients: string[];
}
