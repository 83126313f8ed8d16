import type * as Y from 'yjs';
import type { WorkspaceNotification } from '../../../shared/notifications/notification.ts';
import { readWorkspaceFacts } from '../../../shared/notifications/facts.ts';
import { notificationsOf } from '../../../shared/notifications/workspace-notifications.ts';
import { myNotifications } from './for-me.ts';
import type { Me } from './me.ts';
import { mentionsOf } from './mention-source.ts';

/** The workspace documents a derivation may read (each absent when this role cannot open it). */
export interface NotificationDocs {
  registry?: Y.Doc | undefined;
  /** Assessment documents this device holds, by assessment id. */
  assessments?: ReadonlyMap<string, Y.Doc> | undefined;
}

/** One derivation: pure, reads its documents without trust, returns every notification it finds. */
export type NotificationSource = (docs: NotificationDocs, now: number) => WorkspaceNotification[];

/**
 * Assigned, review requested, review due, clocks running (shared/notifications, NTF1–NTF5), and
 * mentions in comments (shared/comments, CMT5), from one reading of the documents.
 */
const workspaceSource: NotificationSource = ({ registry, assessments }, now) => {
  if (!registry) return [];
  const facts = readWorkspaceFacts({ registry, ...(assessments ? { assessments } : {}) });
  return [...notificationsOf(facts, now), ...mentionsOf(facts, registry, assessments)];
};

/**
 * Where the inbox's notifications come from (NTF-UI4): the same derivations the relay runs for
 * webhooks and e-mail digests (shared/notifications/), so the inbox, a webhook and a digest name one
 * fact with one id. A new source is one line here.
 */
export const NOTIFICATION_SOURCES: readonly NotificationSource[] = [workspaceSource];

/** What the feed loads on first use, in its own chunk: the derivations and who they concern. */
export interface Derivations {
  sources: readonly NotificationSource[];
  /** Mine among them (NTF-UI1). */
  select(all: readonly WorkspaceNotification[], me: Me): WorkspaceNotification[];
}

export const DERIVATIONS: Derivations = { sources: NOTIFICATION_SOURCES, select: myNotifications };
