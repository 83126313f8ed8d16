import type * as Y from 'yjs';
import type { WorkspaceNotification } from '../../../shared/notifications/notification.ts';
import { workspaceNotifications } from '../../../shared/notifications/workspace-notifications.ts';

/** The workspace documents a derivation may read (each absent when this role cannot open it). */
export interface NotificationDocs {
  registry?: Y.Doc | undefined;
  discoveries?: Y.Doc | undefined;
  /** Assessment documents this device holds, by assessment id. */
  assessments?: ReadonlyMap<string, Y.Doc> | undefined;
}

/** One derivation: pure, reads its documents without trust, returns every notification it finds. */
export type NotificationSource = (docs: NotificationDocs, now: number) => WorkspaceNotification[];

/** Assigned, review requested, review due, clocks running: shared/notifications (NTF1–NTF5). */
const workspaceSource: NotificationSource = ({ registry, assessments }, now) =>
  registry
    ? workspaceNotifications({ registry, now, ...(assessments ? { assessments } : {}) })
    : [];

/**
 * Where the inbox's notifications come from (NTF-UI4): the same derivations the relay runs for
 * webhooks and e-mail digests (shared/notifications/), so the inbox, a webhook and a digest name one
 * fact with one id. A new source (comments' mentions) is one line here.
 */
export const NOTIFICATION_SOURCES: readonly NotificationSource[] = [workspaceSource];
