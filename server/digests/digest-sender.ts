import type { Hocuspocus } from '@hocuspocus/server';
import { formatDocumentName } from '../../shared/documents/names.ts';
import type { AlertStorage, DigestDelivery, DigestSubscription } from '../storage/alert-storage.ts';
import { withRelayDocument } from '../webhooks/relay-document.ts';
import { readDiscoveries } from '../../shared/documents/discoveries/index.ts';
import { workspaceNotifications } from '../../shared/notifications/index.ts';
import { digestContent, isEmptyDigest, type DigestContent } from './digest-content.ts';
import { digestMessage } from './digest-message.ts';
import { digestSpan, latestPeriod } from './digest-period.ts';
import { digestMessageId, smtpError, smtpMailer, type Mailer, type SmtpOptions } from './smtp.ts';

/** DIG7 Waits between attempts after an SMTP failure: 1 min, 5 min, 30 min, 2 h (five attempts). */
export const DEFAULT_DIGEST_BACKOFF_MS = [60_000, 300_000, 1_800_000, 7_200_000] as const;
/**
 * DIG2 How long after a period ends its digest waits: what was reported just before the end is
 * derived into the discoveries within seconds (the deriver's debounce), well before this.
 */
export const DIGEST_GRACE_MS = 15 * 60_000;
/** How long a relay holds a digest it is sending: far more than one attempt's timeouts. */
const HOLD_MS = 5 * 60_000;
const TAKE = 20;

export interface DigestSenderOptions {
  hocuspocus: Hocuspocus;
  alerts: AlertStorage;
  smtp: SmtpOptions;
  /** How often subscriptions and the queue are looked at (the alert scan's interval). */
  intervalMs: number;
  backoffMs?: readonly number[];
  /** The PWA's public address, for links. */
  baseUrl?: string | undefined;
  now?: () => number;
  log?(line: string): void;
  /** Called with each digest's outcome (metrics). */
  onOutcome?(outcome: 'sent' | 'empty' | 'retry' | 'failed'): void;
}

/** Reads a workspace's digest through the relay's own copies of its documents. */
export async function relayDigest(
  hocuspocus: Hocuspocus,
  workspace: string,
  period: { start: number; end: number },
  now: number,
): Promise<DigestContent> {
  const name = (kind: 'registry' | 'discoveries') => formatDocumentName({ workspace, kind });
  const tools = await withRelayDocument(
    hocuspocus,
    name('discoveries'),
    (doc) => readDiscoveries(doc).tools,
  );
  const notifications = await withRelayDocument(hocuspocus, name('registry'), (registry) =>
    workspaceNotifications({ registry, now }),
  );
  return digestContent({ tools, notifications, period, now });
}

/**
 * DIG6–DIG7 Every relay started with `--smtp-url` looks, every interval, at every subscription
 * (read from the shared store each time: one added or removed counts from the next look), queues
 * the latest period's digest of each — once, whichever relay is first (the store's claim) — then
 * takes the queued digests due, makes each over what it covers (DIG2: from the end of the last one
 * sent), sends it, and records the outcome; an SMTP failure is tried again after a backoff, from the
 * store, by whichever relay looks next.
 */
export class DigestSender {
  readonly #options: DigestSenderOptions;
  readonly #mailer: Mailer;
  readonly #backoff: readonly number[];
  #timer: ReturnType<typeof setInterval> | undefined;
  #running: Promise<number> | undefined;

  constructor(options: DigestSenderOptions, mailer: Mailer = smtpMailer(options.smtp)) {
    this.#options = options;
    this.#mailer = mailer;
    this.#backoff = options.backoffMs ?? DEFAULT_DIGEST_BACKOFF_MS;
  }

  start(): void {
    this.#timer = setInterval(() => void this.runNow().catch(() => 0), this.#options.intervalMs);
    this.#timer.unref();
    void this.runNow().catch(() => 0);
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running?.catch(() => 0);
    this.#mailer.close();
  }

  /** One pass (one at a time): queue what is due, send what is queued; resolves with how many were sent. */
  runNow(): Promise<number> {
    this.#running ??= this.#run().finally(() => (this.#running = undefined));
    return this.#running;
  }

  async #run(): Promise<number> {
    const { alerts } = this.#options;
    const now = (this.#options.now ?? Date.now)();
    const subscriptions = new Map((await alerts.digests()).map((s) => [s.id, s]));
    for (const subscription of subscriptions.values()) {
      const period = latestPeriod(subscription.every, now - DIGEST_GRACE_MS);
      // A subscription made after a period ended starts with the next one.
      if (period.end <= subscription.createdAt) continue;
      await alerts.queueDigest(
        {
          subscriptionId: subscription.id,
          workspace: subscription.workspace,
          periodKey: period.key,
          periodStart: period.start,
          periodEnd: period.end,
        },
        now,
      );
    }
    let sent = 0;
    // Earlier periods first: a subscription's digest starts where its last one sent ended (DIG2).
    const taken = await alerts.takeDigests(now, HOLD_MS, TAKE);
    for (const delivery of taken.sort((a, b) => a.periodEnd - b.periodEnd)) {
      if (await this.#attempt(delivery, subscriptions.get(delivery.subscriptionId), now)) sent++;
    }
    return sent;
  }

  async #attempt(
    delivery: DigestDelivery,
    subscription: DigestSubscription | undefined,
    now: number,
  ): Promise<boolean> {
    const { alerts } = this.#options;
    const attempt = delivery.attempt + 1;
    const settle = (status: 'sent' | 'empty' | 'removed' | 'failed' | 'queued', error?: string) => {
      if (status !== 'removed') this.#options.onOutcome?.(status === 'queued' ? 'retry' : status);
      return alerts.settleDigest(delivery.subscriptionId, delivery.periodKey, {
        status,
        attempt: status === 'empty' || status === 'removed' ? delivery.attempt : attempt,
        nextAt: status === 'queued' ? now + this.#backoff[attempt - 1]! : delivery.nextAt,
        at: now,
        ...(error ? { error } : {}),
      });
    };
    if (!subscription || subscription.workspace !== delivery.workspace) {
      await settle('removed');
      return false;
    }
    try {
      const period = digestSpan(
        subscription,
        { start: delivery.periodStart, end: delivery.periodEnd },
        await alerts.digestCoverage(delivery.subscriptionId, delivery.periodEnd),
      );
      // An earlier digest of this subscription is still being tried: this one waits for its
      // outcome (its hold lapses, and a later look takes it again) so as to start where it ends.
      if (!period) return false;
      const content = await relayDigest(this.#options.hocuspocus, delivery.workspace, period, now);
      if (isEmptyDigest(content)) {
        await settle('empty');
        return false;
      }
      const message = digestMessage({
        workspace: delivery.workspace,
        every: subscription.every,
        period,
        now,
        content,
        baseUrl: this.#options.baseUrl,
      });
      await this.#mailer.send(
        subscription.address,
        message,
        digestMessageId(this.#options.smtp.from, subscription.id, delivery.periodKey),
      );
      await settle('sent');
      return true;
    } catch (error) {
      const reason = smtpError(error);
      // A 5xx reply is the server's final no (RFC 5321 4.2.1): trying again would get the same.
      const code = (error as { responseCode?: unknown }).responseCode;
      const permanent = typeof code === 'number' && code >= 500 && code < 600;
      const last = permanent || attempt > this.#backoff.length;
      this.#options.log?.(
        `digests: ${delivery.workspace} digest ${delivery.subscriptionId} for ${delivery.periodKey}, attempt ${attempt}${last ? ' (the last)' : ''}: ${reason}`,
      );
      await settle(last ? 'failed' : 'queued', reason);
      return false;
    }
  }
}
