import type { Hocuspocus } from '@hocuspocus/server';
import { readWebhooks } from '../../shared/documents/admin/webhooks.ts';
import { formatDocumentName, parseDocumentName } from '../../shared/documents/names.ts';
import {
  workspaceNotifications,
  type WorkspaceNotification,
} from '../../shared/notifications/index.ts';
import type { WebhookDispatcher } from './dispatcher.ts';
import type { WebhookEventBody } from './payloads.ts';
import { withRelayDocument } from './relay-document.ts';

/** The notification kinds sent as webhook events (HOOK12). */
export const NOTIFICATION_EVENTS = ['clock.due', 'review.due'] as const;
type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];
const isEvent = (kind: string): kind is NotificationEvent =>
  (NOTIFICATION_EVENTS as readonly string[]).includes(kind);

/** How often a relay looks for them, unless `serve --alert-scan-interval` says otherwise. */
export const DEFAULT_SCAN_INTERVAL_MS = 5 * 60_000;

/**
 * The webhook event of a notification: its id names the notification (the same on every relay),
 * so the outbox's claim sends it once per webhook (HOOK10).
 */
export function notificationEvent(
  workspace: string,
  notification: WorkspaceNotification & { kind: NotificationEvent },
  now: number,
): WebhookEventBody {
  return {
    id: `${notification.kind}/${workspace}/${notification.id}`,
    event: notification.kind,
    workspace,
    at: new Date(now).toISOString(),
    summary: notification.summary,
    data: {
      notificationId: notification.id,
      subject: notification.subject,
      ...(notification.dueAt !== undefined
        ? { dueAt: new Date(notification.dueAt).toISOString() }
        : {}),
      recipients: notification.recipients,
    },
  };
}

/** The workspaces a store holds: those with a registry. */
export function workspacesOf(names: readonly string[]): string[] {
  const workspaces = new Set<string>();
  for (const name of names) {
    const parsed = parseDocumentName(name);
    if (parsed?.kind === 'registry') workspaces.add(parsed.workspace);
  }
  return [...workspaces].sort();
}

export interface ScanOptions {
  hocuspocus: Hocuspocus;
  /** Every stored document's name (DocumentStorage.names). */
  names(): Promise<string[]>;
  dispatcher: WebhookDispatcher;
  intervalMs: number;
  now?: () => number;
  log?(line: string): void;
}

/**
 * HOOK12 The periodic scan: every `intervalMs`, for every workspace with a webhook subscribed to
 * `clock.due` or `review.due`, derives the workspace's notifications (shared/notifications) and
 * queues those of these kinds. Every relay scans; the outbox's claims in the shared store make
 * each go once to each webhook, whichever relay finds it first.
 */
export class NotificationScanner {
  readonly #options: ScanOptions;
  #timer: ReturnType<typeof setInterval> | undefined;
  #scanning: Promise<number> | undefined;

  constructor(options: ScanOptions) {
    this.#options = options;
  }

  start(): void {
    this.#timer = setInterval(() => void this.scanNow().catch(() => 0), this.#options.intervalMs);
    this.#timer.unref();
  }

  /** Scans every workspace now (one scan at a time); resolves with the deliveries queued. */
  scanNow(): Promise<number> {
    this.#scanning ??= this.#scan().finally(() => (this.#scanning = undefined));
    return this.#scanning;
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#scanning?.catch(() => 0);
  }

  async #scan(): Promise<number> {
    const { hocuspocus, dispatcher } = this.#options;
    let queued = 0;
    for (const workspace of workspacesOf(await this.#options.names())) {
      try {
        const admin = formatDocumentName({ workspace, kind: 'admin' });
        const webhooks = await withRelayDocument(hocuspocus, admin, (doc) => readWebhooks(doc));
        if (!webhooks.some((webhook) => webhook.events.some(isEvent))) continue;
        const now = (this.#options.now ?? Date.now)();
        const registry = formatDocumentName({ workspace, kind: 'registry' });
        const notifications = await withRelayDocument(hocuspocus, registry, (doc) =>
          workspaceNotifications({ registry: doc, now }),
        );
        for (const notification of notifications) {
          const kind = notification.kind;
          if (!isEvent(kind)) continue;
          queued += await dispatcher.queue(
            notificationEvent(workspace, { ...notification, kind }, now),
          );
        }
      } catch (error) {
        this.#options.log?.(`notifications: scan of ${workspace}: ${(error as Error).message}`);
      }
    }
    return queued;
  }
}
