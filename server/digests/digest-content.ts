import type * as Y from 'yjs';
import { readDiscoveries, type Discovery } from '../../shared/documents/discoveries/index.ts';
import {
  workspaceNotifications,
  type WorkspaceNotification,
} from '../../shared/notifications/index.ts';

/**
 * DIG3 What a workspace's digest tells, from the same readers as the PWA's inbox and the relay's
 * webhooks (docs/operations.md NTF1–NTF5): the tools the relay first knew of in the span it covers
 * (its period, or from the end of the last digest sent: DIG2) — the discoveries document's
 * `firstReportedAt`, not the extension's `firstSeen`: a sighting reported days late would fall in
 * a period already told, and be in no digest — and at the time it is made every `clock.due` (legal
 * reporting clocks running) and every `review.due` (overdue, or due within 30 days) of
 * `workspaceNotifications`, whoever they concern: a digest goes to the workspace's governance
 * mailbox, not to one person.
 */
export interface DigestContent {
  newTools: Discovery[];
  clocks: WorkspaceNotification[];
  overdue: WorkspaceNotification[];
  dueSoon: WorkspaceNotification[];
}

const byDue = (a: WorkspaceNotification, b: WorkspaceNotification) =>
  (a.dueAt ?? 0) - (b.dueAt ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function digestContent(input: {
  tools: readonly Discovery[];
  notifications: readonly WorkspaceNotification[];
  period: { start: number; end: number };
  now: number;
}): DigestContent {
  const { period, now } = input;
  const newTools = input.tools
    .filter((tool) => tool.firstReportedAt >= period.start && tool.firstReportedAt < period.end)
    .sort((a, b) => b.reporters - a.reporters || a.name.localeCompare(b.name, 'en'));
  const reviews = input.notifications.filter((n) => n.kind === 'review.due').sort(byDue);
  return {
    newTools,
    clocks: input.notifications.filter((n) => n.kind === 'clock.due').sort(byDue),
    overdue: reviews.filter((n) => n.dueAt !== undefined && n.dueAt <= now),
    dueSoon: reviews.filter((n) => n.dueAt === undefined || n.dueAt > now),
  };
}

/** DIG4 Nothing new and nothing due: such a digest is not sent. */
export const isEmptyDigest = (content: DigestContent) =>
  content.newTools.length +
    content.clocks.length +
    content.overdue.length +
    content.dueSoon.length ===
  0;

/** The same read from the documents themselves (each absent when the workspace has none yet). */
export function digestOfDocuments(input: {
  registry: Y.Doc | undefined;
  discoveries: Y.Doc | undefined;
  period: { start: number; end: number };
  now: number;
}): DigestContent {
  const { registry, discoveries, period, now } = input;
  return digestContent({
    tools: discoveries ? readDiscoveries(discoveries).tools : [],
    notifications: registry ? workspaceNotifications({ registry, now }) : [],
    period,
    now,
  });
}
