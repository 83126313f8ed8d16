import type { Extension, Hocuspocus } from '@hocuspocus/server';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The relay's Prometheus metrics (docs/sync.md OPS1), on its own registry so that several relays
 * in one process (the tests) never mix. No label carries a workspace, document, address or token:
 * only counts and fixed reasons.
 */
export class RelayMetrics {
  readonly registry = new Registry();
  readonly updatesApplied = new Counter({
    name: 'sightline_updates_applied_total',
    help: 'Yjs updates applied to documents the relay holds (from clients, other relays and itself)',
    registers: [this.registry],
  });
  readonly updatesDurable = new Counter({
    name: 'sightline_updates_durable_total',
    help: 'Updates committed to storage by the group commit (DR1, DR5)',
    registers: [this.registry],
  });
  readonly commitSeconds = new Histogram({
    name: 'sightline_commit_seconds',
    help: 'Time one group commit (one transaction, one fsync) took',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly commitFailures = new Counter({
    name: 'sightline_commit_failures_total',
    help: 'Group commits that failed (storage unavailable: their writes were refused, DR2)',
    registers: [this.registry],
  });
  readonly refusals = new Counter({
    name: 'sightline_refusals_total',
    help: 'Connections and frames refused (limits, malformed frames, quotas, authentication; H15)',
    labelNames: ['reason'],
    registers: [this.registry],
  });
  readonly quotaRefusals = new Counter({
    name: 'sightline_quota_refusals_total',
    help: 'Writes refused for a document or workspace quota (H13)',
    registers: [this.registry],
  });
  readonly webhookDeliveries = new Counter({
    name: 'sightline_webhook_deliveries_total',
    help: 'Webhook delivery attempts by outcome (HOOK6)',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  readonly digestAttempts = new Counter({
    name: 'sightline_digest_attempts_total',
    help: 'E-mail digests made, by outcome: sent, empty, retry or failed (DIG4, DIG7)',
    labelNames: ['outcome'],
    registers: [this.registry],
  });

  /** Live values read when scraped. */
  observe(relay: { hocuspocus: Hocuspocus; storageOk(): boolean; retained(): number }): void {
    new Gauge({
      name: 'sightline_connections',
      help: 'Document connections open now',
      registers: [this.registry],
      collect() {
        this.set(relay.hocuspocus.getConnectionsCount());
      },
    });
    new Gauge({
      name: 'sightline_documents_loaded',
      help: 'Documents held in memory now',
      registers: [this.registry],
      collect() {
        this.set(relay.hocuspocus.getDocumentsCount());
      },
    });
    new Gauge({
      name: 'sightline_storage_healthy',
      help: '1 while storage accepts writes, 0 while it fails (DR2–DR3)',
      registers: [this.registry],
      collect() {
        this.set(relay.storageOk() ? 1 : 0);
      },
    });
    new Gauge({
      name: 'sightline_updates_retained',
      help: 'The relay’s own updates kept in memory while storage fails (DR2)',
      registers: [this.registry],
      collect() {
        this.set(relay.retained());
      },
    });
  }

  /** Counts every update applied to a loaded document. */
  extension(): Extension {
    const applied = this.updatesApplied;
    return {
      extensionName: 'metrics',
      async onChange() {
        applied.inc();
      },
    };
  }

  /** Times a store's group commits: `appendMany` is one transaction. */
  timeCommits<T extends { appendMany(entries: readonly unknown[]): Promise<unknown> }>(
    store: T,
  ): T {
    const { commitSeconds, updatesDurable, commitFailures } = this;
    return new Proxy(store, {
      get(target, key, receiver) {
        const value: unknown = Reflect.get(target, key, receiver);
        if (typeof value !== 'function') return value;
        // Methods run on the store itself: its private fields are not the proxy's.
        if (key !== 'appendMany') return (value as (...a: unknown[]) => unknown).bind(target);
        // The commit is timed until its promise settles: that is when it is durable (PG2).
        return async (entries: readonly unknown[], ...rest: unknown[]) => {
          const stop = commitSeconds.startTimer();
          try {
            const result: unknown = await (
              value as (e: readonly unknown[], ...r: unknown[]) => Promise<unknown>
            ).call(target, entries, ...rest);
            updatesDurable.inc(entries.length);
            return result;
          } catch (error) {
            commitFailures.inc();
            throw error;
          } finally {
            stop();
          }
        };
      },
    });
  }
}

/** Refusal reasons as metric labels: the fixed phrases of H15, anything else folded into `other`. */
export function refusalReason(what: string): string {
  const known = [
    'rate limit exceeded',
    'malformed frame',
    'too much sent before authenticating',
    'too many documents pending authentication',
    'socket authenticated nothing in time',
    'document quota exceeded',
    'workspace quota exceeded',
    'too many sockets from this address',
    'too many unauthenticated sockets from this address',
    'too many documents open with this token',
    'too many documents open from this address',
    'too many sockets with this token',
    'too many documents on one connection',
    'invalid document name',
    'permission denied',
    'invalid token',
  ];
  return known.includes(what) ? what.replace(/ /g, '_') : 'other';
}
