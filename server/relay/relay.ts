import { Hocuspocus, type Extension } from '@hocuspocus/server';
import { Redis } from '@hocuspocus/extension-redis';
import { randomUUID } from 'node:crypto';
import { parseDocumentName } from '../../shared/documents/names.ts';
import type { TokenService } from '../auth/token-service.ts';
import { DEFAULT_RETENTION, type CheckpointInfo } from '../history/checkpoint-store.ts';
import { checkpointer, type CheckpointOptions } from '../history/checkpointer.ts';
import { restoreLive, type RestoreResult } from '../history/restore-document.ts';
import { authExtension, Refusal } from './auth-extension.ts';
import { discoveriesExtension } from './discoveries/discoveries-extension.ts';
import { GroupCommitLog } from './group-commit.ts';
import { throttleHocuspocusWarnings } from './hocuspocus-warnings.ts';
import { LogLimiter } from './log-limiter.ts';
import { persistenceExtension } from './persistence-extension.ts';
import { presenceExtension } from './presence-extension.ts';
import {
  monitoringAlertsExtension,
  observationWriter,
  type ObservationWriter,
} from './observation-writer.ts';
import { ObservationKeys } from './observation-idempotency.ts';
import { Quotas } from './quota.ts';
import type { ConnectionLimits } from './rate-limit.ts';
import { SocketRegistry } from './socket-registry.ts';
import { watchRevocations } from './revocation-watcher.ts';
import type { DocumentStorage, RelayStorage } from '../storage/relay-storage.ts';
import { StorageHealth } from './storage-health.ts';
import type { WebhookNetwork } from '../webhooks/address-policy.ts';
import { MemoryClaims, RedisClaims } from '../webhooks/claims.ts';
import { discoveryEventsExtension } from '../webhooks/discovery-events.ts';
import { WebhookDispatcher } from '../webhooks/dispatcher.ts';
import { DEFAULT_SCAN_INTERVAL_MS, NotificationScanner } from '../webhooks/notification-events.ts';
import type { RelayMetrics } from '../ops/metrics.ts';
import { DigestSender, type DigestSenderOptions } from '../digests/digest-sender.ts';

export interface RelayOptions {
  /** Where everything is kept: SQLite in the data folder, or Postgres (docs/deploy.md). */
  storage: RelayStorage;
  tokens: TokenService;
  limits: ConnectionLimits;
  /** redis://host:port — several relay processes then serve the same documents (scale-out). */
  redisUrl?: string;
  /** More extensions, e.g. the discoveries deriver. */
  extensions?: Extension[];
  /** How often a failing storage is tried again (docs/sync.md DR3); 1 s by default. */
  storageProbeIntervalMs?: number;
  /** How often a working Postgres is probed, to report an outage before a write meets it (PG9); 5 s. */
  storageWatchMs?: number;
  /** Checkpoints of the shared documents (docs/sync.md DR7): hourly, kept 1 d / 7 d hourly / 90 d daily by default. */
  checkpoints?: Partial<CheckpointOptions>;
  /** Sockets and document connections per address and per token (H11–H12). */
  sockets?: SocketRegistry;
  /** Where refusals are logged, at most once a minute per offender (H15). */
  log?: LogLimiter;
  /**
   * Which addresses webhooks may reach (HOOK7), their retry waits (HOOK6), how often the outbox
   * is looked at (HOOK11) and how often notifications are scanned for (HOOK12; 0: never).
   */
  webhooks?: {
    network?: Partial<WebhookNetwork>;
    backoffMs?: readonly number[];
    pollMs?: number;
    scanIntervalMs?: number;
  };
  /** Prometheus metrics (docs/sync.md OPS1). */
  metrics?: RelayMetrics;
  /**
   * E-mail digests (docs/sync.md DIG1–DIG9), sent only by relays given an SMTP server; looked for
   * every `intervalMs` (the alert scan's interval by default; 0: never).
   */
  digests?: Pick<DigestSenderOptions, 'smtp' | 'backoffMs' | 'baseUrl' | 'now'> & {
    intervalMs?: number;
  };
  /**
   * The relay's clock (tests move it; Date.now by default): it dates when the discoveries first
   * knew a tool, and the digests' periods unless `digests.now` says otherwise (DIG3).
   */
  now?: () => number;
}

/** The relay's checkpoints of shared documents, and restoring one (docs/sync.md DR7–DR8). */
export interface DocumentHistory {
  list(documentName: string): Promise<CheckpointInfo[]>;
  restore(documentName: string, at: number, preview: boolean): Promise<RestoreResult>;
  /** Checkpoints every changed document now; returns how many were taken. */
  takeNow(): Promise<number>;
}

export interface Relay {
  hocuspocus: Hocuspocus;
  store: DocumentStorage;
  /** Whether storage works; the relay refuses writes while it does not (docs/sync.md DR2). */
  health: StorageHealth;
  history: DocumentHistory;
  /** Byte quotas per document and workspace (H13), checked on every frame before Hocuspocus. */
  quotas: Quotas;
  /** Adds a pipeline's observations, durably (docs/sync.md MON3). */
  observations: ObservationWriter;
  /** Sends events to the workspaces' webhooks (docs/sync.md HOOK1–HOOK9). */
  webhooks: WebhookDispatcher;
  /** Sends the e-mail digests, when the relay has an SMTP server (DIG6). */
  digests?: DigestSender;
  webhookNetwork: WebhookNetwork;
  /** Commits what is queued now; throws while storage fails (DR1–DR2). */
  flushDurably(): Promise<void>;
  /** Flushes pending compaction and closes every connection. */
  close(): Promise<void>;
}

/** The sync relay: Hocuspocus with authentication, permissions, persistence and, optionally, Redis. */
export function createRelay(options: RelayOptions): Relay {
  // Each process sharing a store compacts only its own log entries (S2): with Postgres, or with
  // Redis, others may share it; a lone relay on SQLite keeps the name of the releases before.
  const shared = options.redisUrl !== undefined || options.storage.kind !== 'sqlite';
  const instance = shared ? `relay-${randomUUID()}` : 'main';
  const store = options.storage.documents(instance);
  // OPS1: the commit timer wraps appendMany, so every group commit is measured.
  const log = new GroupCommitLog(options.metrics ? options.metrics.timeCommits(store) : store);
  const health = new StorageHealth(() => log.writeRetained(), {
    ...(options.storageProbeIntervalMs ? { probeIntervalMs: options.storageProbeIntervalMs } : {}),
    // A database on another host can go away while the relay has nothing to write; a data folder on
    // this one is found failing by the next write.
    ...(options.storage.kind === 'postgres' ? { watchMs: options.storageWatchMs ?? 5_000 } : {}),
  });
  log.attach(health);
  const checkpoints = options.storage.checkpoints;
  const checkpointing = checkpointer(store, checkpoints, health, {
    intervalMs: options.checkpoints?.intervalMs ?? 3_600_000,
    retention: options.checkpoints?.retention ?? DEFAULT_RETENTION,
  });
  const quotas = new Quotas(options.storage.sizes, options.limits);
  const redis = options.redisUrl ? redisExtension(options.redisUrl, instance) : undefined;
  const webhookNetwork: WebhookNetwork = {
    allowPrivate: false,
    allowHttp: false,
    ...options.webhooks?.network,
  };
  const webhooks = new WebhookDispatcher({
    claims: redis ? new RedisClaims(redis.pub) : new MemoryClaims(),
    network: webhookNetwork,
    outbox: options.storage.alerts,
    ...(options.webhooks?.backoffMs ? { backoffMs: options.webhooks.backoffMs } : {}),
    ...(options.webhooks?.pollMs ? { pollMs: options.webhooks.pollMs } : {}),
    log: (line) => console.warn(line),
    onAttempt: (ok) => options.metrics?.webhookDeliveries.inc({ outcome: ok ? 'ok' : 'failed' }),
  });
  const refusals = options.log ?? new LogLimiter();
  // H15: Hocuspocus's own line per connection it closes for a limit goes through the limiter.
  const stopThrottling = throttleHocuspocusWarnings(refusals);
  const extensions: Extension[] = [
    {
      extensionName: 'document-names',
      // Malformed names are refused before anything is loaded or stored (S4).
      async onConnect({ documentName }) {
        if (!parseDocumentName(documentName)) throw new Refusal('permission-denied');
      },
      // An assessment keeps its deleted content, so that the Yjs snapshot of a signed-off version
      // can rebuild its text (docs/assessments.md); the other documents collect their garbage.
      async onCreateDocument({ documentName }) {
        return parseDocumentName(documentName)?.kind === 'assessment' ? { gc: false } : {};
      },
    },
    authExtension({
      tokens: options.tokens,
      tokenStore: options.storage.tokens,
      maxDocumentsPerConnection: options.limits.maxDocumentsPerConnection,
      sockets: options.sockets ?? new SocketRegistry(options.limits),
      log: refusals,
    }),
    presenceExtension(options.limits),
    persistenceExtension(store, log, health),
    quotas.extension(),
    checkpointing,
    discoveriesExtension(options.storage, {
      ...(shared ? { recheckMs: 1_500 } : {}),
      ...(options.now ? { now: options.now } : {}),
    }),
    monitoringAlertsExtension(
      () => hocuspocus,
      () => log.flushDurably(),
    ),
    discoveryEventsExtension(webhooks),
    ...(options.metrics ? [options.metrics.extension()] : []),
    ...(options.extensions ?? []),
  ];
  if (redis) extensions.push(redis);
  const hocuspocus = new Hocuspocus({
    name: 'sightline-relay',
    quiet: true,
    debounce: 2_000,
    maxDebounce: 10_000,
    // H12: what a socket may send before it authenticates is held in memory. The WebSocket layer
    // closes a socket past the limit quietly; this is the backstop (it logs a line per socket).
    maxUnauthenticatedQueueSize: 2 * options.limits.maxUnauthenticatedQueueBytes,
    // A client may ask for more documents at once than a connection may hold: those past the
    // limit are refused one by one (L2), its connection kept. Hocuspocus's default (100 awaiting
    // authentication) is below that limit (200), so a client asking for more than 100 at once,
    // faster than they authenticate, would lose its whole connection; twice the limit is the
    // backstop against a stranger fanning out over document names.
    maxPendingDocuments: 2 * options.limits.maxDocumentsPerConnection,
    extensions,
  });
  quotas.attach(hocuspocus);
  webhooks.attach(hocuspocus);
  const scanner = new NotificationScanner({
    hocuspocus,
    names: () => store.names(),
    dispatcher: webhooks,
    intervalMs: options.webhooks?.scanIntervalMs ?? DEFAULT_SCAN_INTERVAL_MS,
    log: (line) => console.warn(line),
  });
  if ((options.webhooks?.scanIntervalMs ?? DEFAULT_SCAN_INTERVAL_MS) > 0) scanner.start();
  const digestInterval =
    options.digests?.intervalMs ?? options.webhooks?.scanIntervalMs ?? DEFAULT_SCAN_INTERVAL_MS;
  const digests = options.digests
    ? new DigestSender({
        ...(options.now ? { now: options.now } : {}),
        ...options.digests,
        hocuspocus,
        alerts: options.storage.alerts,
        intervalMs: digestInterval,
        log: (line) => console.warn(line),
        onOutcome: (outcome) => options.metrics?.digestAttempts.inc({ outcome }),
      })
    : undefined;
  if (digests && digestInterval > 0) digests.start();
  options.metrics?.observe({
    hocuspocus,
    storageOk: () => health.state.ok,
    retained: () => log.retained,
  });
  const stopWatching = watchRevocations(hocuspocus, options.storage.tokens);
  return {
    hocuspocus,
    store,
    health,
    history: {
      list: (documentName) => checkpoints.list(documentName),
      restore: (documentName, at, preview) =>
        restoreLive(hocuspocus, checkpoints, documentName, at, preview, () => log.flushDurably()),
      takeNow: () => checkpointing.takeNow(hocuspocus),
    },
    quotas,
    observations: observationWriter(
      hocuspocus,
      quotas,
      log,
      new ObservationKeys(options.storage.idempotency),
    ),
    webhooks,
    ...(digests ? { digests } : {}),
    webhookNetwork,
    flushDurably: () => log.flushDurably(),
    async close() {
      stopWatching();
      await scanner.stop();
      await digests?.stop();
      await webhooks.stop();
      // OPS2: updates waiting for this turn's group commit are committed and acknowledged first;
      // then every document connection closes (the server then closes the sockets with 1012).
      // The commit is asynchronous (PG2): awaited, so its acknowledgements go out before the close.
      await log.flush();
      await new Promise((resolve) => setImmediate(resolve));
      hocuspocus.closeConnections();
      hocuspocus.flushPendingStores();
      // Let the flushed stores and unloads finish before the database closes.
      for (let i = 0; i < 50 && hocuspocus.getDocumentsCount() > 0; i++)
        await new Promise((resolve) => setTimeout(resolve, 20));
      await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
      await log.flush();
      if (log.retained > 0)
        console.error(
          `sightline relay: stopped with ${log.retained} update(s) of its own unstored (storage failing); clients still hold theirs`,
        );
      health.stop();
      stopThrottling();
    },
  };
}

function redisExtension(redisUrl: string, identifier: string): Redis {
  const url = new URL(redisUrl);
  return new Redis({
    host: url.hostname,
    port: Number(url.port || 6379),
    identifier,
    prefix: 'sightline',
    ...(url.password ? { options: { password: decodeURIComponent(url.password) } } : {}),
  });
}
