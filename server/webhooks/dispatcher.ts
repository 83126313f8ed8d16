import type { Hocuspocus } from '@hocuspocus/server';
import type * as Y from 'yjs';
import {
  readWebhooks,
  recordDelivery,
  type Delivery,
  type Webhook,
} from '../../shared/documents/admin/webhooks.ts';
import { formatDocumentName } from '../../shared/documents/names.ts';
import type { WebhookNetwork } from './address-policy.ts';
import type { EventClaims } from './claims.ts';
import { postOnce } from './deliver.ts';
import { bodyFor, signature, type WebhookEventBody } from './payloads.ts';

export interface DispatcherOptions {
  claims: EventClaims;
  network: WebhookNetwork;
  /** Waits between attempts (HOOK6): 1 s, 10 s, 1 min, 5 min, 30 min by default: six attempts. */
  backoffMs?: readonly number[];
  timeoutMs?: number;
  /** Called after each attempt (metrics). */
  onAttempt?(ok: boolean): void;
  log?(line: string): void;
}

export const DEFAULT_BACKOFF_MS = [1_000, 10_000, 60_000, 300_000, 1_800_000] as const;

/**
 * Sends events to the webhooks of `W/admin` (docs/sync.md HOOK1–HOOK9). The configuration is read
 * from the document each time an event is sent, so a webhook added or removed — by the CLI, the
 * API or the PWA, through any relay — counts from the next event on, with no restart.
 */
export class WebhookDispatcher {
  readonly #options: DispatcherOptions;
  readonly #backoff: readonly number[];
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  readonly #running = new Set<Promise<void>>();
  #hocuspocus: Hocuspocus | undefined;
  #stopped = false;

  constructor(options: DispatcherOptions) {
    this.#options = options;
    this.#backoff = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  }

  attach(hocuspocus: Hocuspocus): void {
    this.#hocuspocus = hocuspocus;
  }

  /** Sends the event to every webhook subscribed to it, if this relay is the first to claim it. */
  emit(event: WebhookEventBody): void {
    if (this.#stopped) return;
    this.#track(
      (async () => {
        if (!(await this.#options.claims.claim(event.id))) return;
        const webhooks = (await this.#withAdmin(event.workspace, (doc) => readWebhooks(doc))) ?? [];
        for (const webhook of webhooks)
          if (webhook.events.includes(event.event)) this.#attempt(webhook, event, 1);
      })(),
    );
  }

  /** Sends one event to one webhook now, unclaimed (the "send a test" button); resolves with the first attempt. */
  async sendTest(workspace: string, webhookId: string, by: string): Promise<Delivery | undefined> {
    const webhooks = (await this.#withAdmin(workspace, (doc) => readWebhooks(doc))) ?? [];
    const webhook = webhooks.find((w) => w.id === webhookId);
    if (!webhook) return undefined;
    const at = Date.now();
    return this.#attempt(
      webhook,
      {
        id: `webhook.test/${workspace}/${webhookId}/${at}`,
        event: 'webhook.test',
        workspace,
        at: new Date(at).toISOString(),
        summary: `A test of this webhook, sent by ${by}.`,
        data: {},
      },
      1,
    );
  }

  /** Stops retrying; waits for the attempts in flight to be logged. */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    await Promise.allSettled([...this.#running]);
  }

  #attempt(webhook: Webhook, event: WebhookEventBody, attempt: number): Promise<Delivery> {
    const work = (async () => {
      const body = bodyFor(webhook, event);
      const result = await postOnce(
        webhook.url,
        body,
        {
          'X-Sightline-Event': event.event,
          'X-Sightline-Delivery': event.id,
          'X-Sightline-Signature': signature(webhook.secret, body, Math.floor(Date.now() / 1000)),
        },
        this.#options.network,
        this.#options.timeoutMs ?? 10_000,
      );
      this.#options.onAttempt?.(result.ok);
      const delivery: Delivery = {
        at: Date.now(),
        event: event.event,
        eventId: event.id,
        attempt,
        status: result.status,
        ok: result.ok,
        ...(result.error ? { error: result.error } : {}),
      };
      await this.#withAdmin(
        event.workspace,
        (doc) => recordDelivery(doc, webhook.id, delivery),
        true,
      );
      const wait = this.#backoff[attempt - 1];
      if (result.retry && wait !== undefined && !this.#stopped) {
        const timer = setTimeout(() => {
          this.#timers.delete(timer);
          void this.#attempt(webhook, event, attempt + 1);
        }, wait);
        this.#timers.add(timer);
      } else if (!result.ok)
        this.#options.log?.(
          `webhooks: gave up on ${event.event} to webhook ${webhook.id} after ${attempt} attempt(s): ${result.error ?? result.status}`,
        );
      return delivery;
    })();
    this.#track(work.then(() => undefined));
    return work;
  }

  async #withAdmin<T>(
    workspace: string,
    use: (doc: Y.Doc) => T,
    write = false,
  ): Promise<T | undefined> {
    const hocuspocus = this.#hocuspocus;
    if (!hocuspocus) return undefined;
    const connection = await hocuspocus.openDirectConnection(
      formatDocumentName({ workspace, kind: 'admin' }),
      { relay: true },
    );
    try {
      let result: T | undefined;
      if (write) await connection.transact((doc) => void (result = use(doc)));
      else result = use(connection.document!);
      return result;
    } finally {
      await connection.disconnect();
    }
  }

  #track(work: Promise<void>): void {
    const caught = work.catch((error: unknown) =>
      this.#options.log?.(`webhooks: ${(error as Error).message}`),
    );
    this.#running.add(caught);
    void caught.finally(() => this.#running.delete(caught));
  }
}
