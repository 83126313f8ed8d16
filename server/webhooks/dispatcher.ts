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
import { OUTBOX_HOLD_MS, type AlertStorage, type OutboxItem } from '../storage/alert-storage.ts';
import { postOnce } from './deliver.ts';
import { LingeringDocuments } from './relay-document.ts';
import { bodyFor, signature, type WebhookEventBody } from './payloads.ts';

export interface DispatcherOptions {
  claims: EventClaims;
  network: WebhookNetwork;
  /** The persistent outbox (HOOK11): deliveries queued or waiting for a retry survive a restart. */
  outbox: AlertStorage;
  /** Waits between attempts (HOOK6): 1 s, 10 s, 1 min, 5 min, 30 min by default: six attempts. */
  backoffMs?: readonly number[];
  timeoutMs?: number;
  /** How often the outbox is looked at for deliveries due (1 s by default). */
  pollMs?: number;
  /** Called after each attempt (metrics). */
  onAttempt?(ok: boolean): void;
  log?(line: string): void;
}

export const DEFAULT_BACKOFF_MS = [1_000, 10_000, 60_000, 300_000, 1_800_000] as const;
/** Deliveries taken from the outbox at once by one relay. */
const TAKE = 20;

/**
 * Sends events to the webhooks of `W/admin` (docs/sync.md HOOK1–HOOK12). The configuration is read
 * from the document each time a delivery is attempted, so a webhook added or removed — by the CLI,
 * the API or the PWA, through any relay — counts from the next event on, with no restart. Every
 * delivery goes through the outbox in the relay's storage (HOOK11): queued once, taken by one
 * relay at a time, retried from the store, so a restart or a kill loses none.
 */
export class WebhookDispatcher {
  readonly #options: DispatcherOptions;
  readonly #backoff: readonly number[];
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  readonly #running = new Set<Promise<void>>();
  readonly #admin = new LingeringDocuments();
  #hocuspocus: Hocuspocus | undefined;
  #poll: ReturnType<typeof setInterval> | undefined;
  #pumping = false;
  #again = false;
  #stopped = false;

  constructor(options: DispatcherOptions) {
    this.#options = options;
    this.#backoff = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  }

  attach(hocuspocus: Hocuspocus): void {
    this.#hocuspocus = hocuspocus;
    // Deliveries left by a relay that stopped (this one, before a restart) are taken up at once.
    this.#poll = setInterval(() => this.#pump(), this.#options.pollMs ?? 1_000);
    this.#poll.unref();
    this.#pump();
  }

  /** Queues the event for every webhook subscribed to it, if this relay is the first to claim it (HOOK8). */
  emit(event: WebhookEventBody): void {
    if (this.#stopped) return;
    this.#track(
      (async () => {
        if (!(await this.#options.claims.claim(event.id))) return;
        await this.queue(event);
      })(),
    );
  }

  /**
   * Queues the event for every webhook subscribed to it that has not had it yet, on any relay
   * (HOOK10: the outbox's claim per webhook and event, in the shared store). Resolves with the
   * deliveries queued now.
   */
  async queue(event: WebhookEventBody): Promise<number> {
    if (this.#stopped) return 0;
    const webhooks = (await this.#withAdmin(event.workspace, (doc) => readWebhooks(doc))) ?? [];
    const body = JSON.stringify(event);
    const items = webhooks
      .filter((webhook) => webhook.events.includes(event.event))
      .map((webhook) => ({
        id: `${webhook.id}/${event.id}`,
        workspace: event.workspace,
        webhookId: webhook.id,
        event: body,
      }));
    if (items.length === 0) return 0;
    const queued = await this.#options.outbox.enqueue(items, Date.now());
    if (queued.length > 0) this.#pump();
    return queued.length;
  }

  /** Sends one event to one webhook now, unqueued (the "send a test" button); resolves with the attempt. */
  async sendTest(workspace: string, webhookId: string, by: string): Promise<Delivery | undefined> {
    const webhooks = (await this.#withAdmin(workspace, (doc) => readWebhooks(doc))) ?? [];
    const webhook = webhooks.find((w) => w.id === webhookId);
    if (!webhook) return undefined;
    const at = Date.now();
    const { delivery } = await this.#post(
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
    return delivery;
  }

  /** Stops taking deliveries; waits for the attempts in flight to be logged and their retries stored. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#poll) clearInterval(this.#poll);
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    await Promise.allSettled([...this.#running]);
    await this.#admin.closeAll();
  }

  /** Takes the deliveries due and attempts them, until none is left due (one pass at a time). */
  #pump(): void {
    if (this.#stopped || !this.#hocuspocus) return;
    if (this.#pumping) {
      this.#again = true;
      return;
    }
    this.#pumping = true;
    this.#track(
      (async () => {
        try {
          do {
            this.#again = false;
            const due = await this.#options.outbox.take(Date.now(), OUTBOX_HOLD_MS, TAKE);
            await Promise.all(due.map((item) => this.#deliver(item)));
            if (due.length === TAKE) this.#again = true;
          } while (this.#again && !this.#stopped);
        } finally {
          this.#pumping = false;
        }
      })(),
    );
  }

  /** One attempt of a queued delivery; then out of the queue, or back in it for the next. */
  async #deliver(item: OutboxItem): Promise<void> {
    const { outbox } = this.#options;
    let event: WebhookEventBody;
    try {
      event = JSON.parse(item.event) as WebhookEventBody;
    } catch {
      await outbox.finish(item.id);
      return;
    }
    const webhooks = (await this.#withAdmin(item.workspace, (doc) => readWebhooks(doc))) ?? [];
    const webhook = webhooks.find((w) => w.id === item.webhookId);
    // Removed, or no longer subscribed: it gets nothing more (HOOK2).
    if (!webhook || !webhook.events.includes(event.event)) {
      await outbox.finish(item.id);
      return;
    }
    const { delivery, retry } = await this.#post(webhook, event, item.attempt);
    const wait = this.#backoff[item.attempt - 1];
    if (retry && wait !== undefined) {
      await outbox.retryAt(item.id, item.attempt + 1, Date.now() + wait);
      if (!this.#stopped) {
        const timer = setTimeout(() => {
          this.#timers.delete(timer);
          this.#pump();
        }, wait);
        this.#timers.add(timer);
      }
      return;
    }
    await outbox.finish(item.id);
    if (!delivery.ok)
      this.#options.log?.(
        `webhooks: gave up on ${event.event} to webhook ${webhook.id} after ${item.attempt} attempt(s): ${delivery.error ?? delivery.status}`,
      );
  }

  /** Posts the event once, signed, and logs the attempt in the webhook's delivery log (HOOK6). */
  async #post(
    webhook: Webhook,
    event: WebhookEventBody,
    attempt: number,
  ): Promise<{ delivery: Delivery; retry: boolean }> {
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
    return { delivery, retry: result.retry };
  }

  async #withAdmin<T>(
    workspace: string,
    use: (doc: Y.Doc) => T,
    write = false,
  ): Promise<T | undefined> {
    const hocuspocus = this.#hocuspocus;
    if (!hocuspocus) return undefined;
    const name = formatDocumentName({ workspace, kind: 'admin' });
    return this.#admin.with(hocuspocus, name, use, write);
  }

  #track(work: Promise<void>): void {
    const caught = work.catch((error: unknown) =>
      this.#options.log?.(`webhooks: ${(error as Error).message}`),
    );
    this.#running.add(caught);
    void caught.finally(() => this.#running.delete(caught));
  }
}
