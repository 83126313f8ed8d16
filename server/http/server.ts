import crossws from 'crossws/adapters/node';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Hocuspocus } from '@hocuspocus/server';
import type { DatabaseSync } from 'node:sqlite';
import { TokenService } from '../auth/token-service.ts';
import { isWellFormedFrame } from '../relay/frame-check.ts';
import { createRelay } from '../relay/relay.ts';
import type { CheckpointOptions } from '../history/checkpointer.ts';
import type { DocumentHistory, RelayOptions } from '../relay/relay.ts';
import type { StorageHealth } from '../relay/storage-health.ts';
import { holdRelayLock } from '../storage/relay-lock.ts';
import { LogLimiter } from '../relay/log-limiter.ts';
import {
  DEFAULT_LIMITS,
  KeyedBuckets,
  TokenBucket,
  type ConnectionLimits,
} from '../relay/rate-limit.ts';
import { SocketRegistry, type SocketInfo } from '../relay/socket-registry.ts';
import { openRelayStorage } from '../storage/open-storage.ts';
import type { RelayStorage, TokenStorage } from '../storage/relay-storage.ts';
import { SqliteRelayStorage } from '../storage/sqlite-relay-storage.ts';
import { handleApi } from './api.ts';
import { observationBuckets } from './observations-api.ts';
import { RelayMetrics, refusalReason } from '../ops/metrics.ts';
import { handleMetrics, startMetricsServer } from '../ops/metrics-http.ts';
import { staticFiles } from './static-files.ts';
import { clientAddress, type TrustedProxies } from './client-address.ts';
import { discoverProvider, type OidcOptions } from '../oidc/oidc-config.ts';
import { LoginStateCookie } from '../oidc/login-state.ts';
import { handleSso, handleSsoOff, type SsoServices } from '../oidc/sso-routes.ts';
import { handleSsoAdmin } from '../oidc/sso-admin-api.ts';

export interface ServerOptions {
  port: number;
  host?: string;
  dataDir: string;
  /** The built PWA; when absent, `/` answers with a page that says how to build it. */
  pwaDir: string;
  redisUrl?: string;
  /** postgres://… — everything is kept there instead of the data folder's SQLite (docs/deploy.md). */
  database?: string;
  limits?: Partial<ConnectionLimits>;
  /** How often failing storage is tried again (docs/sync.md DR3). */
  storageProbeIntervalMs?: number;
  /** How often a working Postgres is probed (docs/sync.md PG9). */
  storageWatchMs?: number;
  /** Checkpoints of shared documents (docs/sync.md DR7). */
  checkpoints?: Partial<CheckpointOptions>;
  /** Webhooks: which addresses they may reach (HOOK7) and their retry waits (HOOK6). */
  webhooks?: RelayOptions['webhooks'];
  /** E-mail digests through an SMTP server (docs/sync.md DIG1–DIG9). */
  digests?: RelayOptions['digests'];
  /** The relay's clock (tests move it): RelayOptions['now']. */
  now?: RelayOptions['now'];
  /** Also serve `/metrics` without a token on this port (OPS1); loopback unless `metricsHost`. */
  metricsPort?: number;
  metricsHost?: string;
  /** Proxies whose X-Forwarded-For names the client (docs/sync.md PROXY1); none by default. */
  trustProxy?: TrustedProxies;
  /** Single sign-on for people (docs/deploy.md, docs/sync.md SSO1–SSO8). */
  oidc?: OidcOptions;
  /** The workspace a sign-in opens (`serve --workspace`). */
  workspace?: string;
}

export interface RunningServer {
  url: string;
  syncUrl: string;
  port: number;
  hocuspocus: Hocuspocus;
  tokens: TokenService;
  tokenStore: TokenStorage;
  /** Where the relay keeps everything (SQLite or Postgres). */
  relayStorage: RelayStorage;
  /** The SQLite database, when the relay keeps everything there. */
  database: DatabaseSync | undefined;
  /** Whether storage works (docs/sync.md DR2). */
  storage: StorageHealth;
  history: DocumentHistory;
  metrics: RelayMetrics;
  /** The port of `--metrics-port`, when asked for. */
  metricsPort?: number;
  close(): Promise<void>;
}

export const SYNC_PATH = '/sync';
const REPORTER_TOKEN_TTL_MS = 365 * 86_400_000;

/** One port: the PWA over HTTP, the API at /api, and the Hocuspocus relay over WebSocket at /sync. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  // SSO1: a misconfigured identity provider stops the relay before it opens anything.
  const oidc = options.oidc ? await discoverProvider(options.oidc) : undefined;
  const relayStorage = await openRelayStorage(options.dataDir, options.database);
  const tokenStore = relayStorage.tokens;
  const reporterClients = relayStorage.reporterClients;
  const tokens = new TokenService(await relayStorage.signingSecret(), tokenStore);
  const metrics = new RelayMetrics();
  const log = new LogLimiter({
    counted: (what) => metrics.refusals.inc({ reason: refusalReason(what) }),
  });
  const sockets = new SocketRegistry(limits);
  const relay = createRelay({
    storage: relayStorage,
    tokens,
    limits,
    log,
    sockets,
    ...(options.redisUrl ? { redisUrl: options.redisUrl } : {}),
    ...(options.storageProbeIntervalMs
      ? { storageProbeIntervalMs: options.storageProbeIntervalMs }
      : {}),
    ...(options.storageWatchMs ? { storageWatchMs: options.storageWatchMs } : {}),
    ...(options.checkpoints ? { checkpoints: options.checkpoints } : {}),
    ...(options.webhooks ? { webhooks: options.webhooks } : {}),
    ...(options.digests ? { digests: options.digests } : {}),
    ...(options.now ? { now: options.now } : {}),
    metrics,
  });
  const enrolmentsPerIp = new KeyedBuckets(
    () => new TokenBucket(limits.enrolmentIpBurst, limits.enrolmentsPerIpPerSecond),
  );
  const enrolmentsPerCode = new KeyedBuckets(
    () => new TokenBucket(limits.enrolmentCodeBurst, limits.enrolmentsPerCodePerSecond),
  );
  const observationsPerToken = observationBuckets();
  const serveStatic = existsSync(join(options.pwaDir, 'index.html'))
    ? staticFiles(options.pwaDir)
    : undefined;

  // Every open socket, so that a shutdown closes each with a reconnect code (OPS2).
  const peers = new Set<{ close(code?: number, reason?: string): void }>();
  const ws = crossws({
    serverOptions: { maxPayload: limits.maxMessageBytes },
    hooks: {
      open(peer) {
        peers.add(peer);
        const state = peerState(peer);
        const ip = clientAddress(
          peer.remoteAddress,
          (peer.request as Request).headers.get('x-forwarded-for'),
          options.trustProxy,
        );
        // H12: per-address caps on sockets, and on sockets that have not authenticated yet.
        const refusal = sockets.admit(ip);
        if (refusal) {
          log.refused(ip, refusal);
          peer.close(4429, refusal);
          return;
        }
        const socket: SocketInfo = {
          ip,
          authenticated: false,
          tokens: new Set(),
          readOnly: new Set(),
        };
        state.socket = socket;
        state.messages = new TokenBucket(limits.messageBurst, limits.messagesPerSecond);
        state.bytes = new TokenBucket(limits.byteBurst, limits.bytesPerSecond);
        sockets.opened(socket);
        state.unauthenticatedTimer = setTimeout(() => {
          if (socket.authenticated) return;
          log.refused(ip, 'socket authenticated nothing in time');
          peer.close(4408, 'authentication timeout');
        }, limits.unauthenticatedTimeoutMs);
        state.unauthenticatedTimer.unref();
        state.connection = relay.hocuspocus.handleConnection(
          peer.websocket as never,
          peer.request as Request,
          { socket },
        );
      },
      message(peer, message) {
        const state = peerState(peer);
        // Refused when it opened (H12), or closed: nothing more it sends is read.
        if (!state.socket) return;
        const data = message.uint8Array();
        const ip = state.socket.ip;
        // L3: a client that floods is cut off; the others never notice.
        if (!state.messages?.take() || !state.bytes?.take(data.byteLength)) {
          log.refused(ip, 'rate limit exceeded');
          peer.close(4429, 'rate limit exceeded');
          return;
        }
        if (!isWellFormedFrame(data)) {
          log.refused(ip, 'malformed frame');
          peer.close(4400, 'malformed frame');
          return;
        }
        // H12: what arrives before any document authenticated is held in memory: bounded, quietly.
        if (!state.socket.authenticated) {
          state.unauthenticatedBytes = (state.unauthenticatedBytes ?? 0) + data.byteLength;
          if (state.unauthenticatedBytes > limits.maxUnauthenticatedQueueBytes) {
            log.refused(ip, 'too much sent before authenticating');
            peer.close(4413, 'too much sent before authenticating');
            return;
          }
        }
        // H13: a write past its document's or its workspace's quota closes the connection.
        const overQuota = relay.quotas.refuses(data, state.socket);
        if (overQuota) {
          metrics.quotaRefusals.inc();
          log.refused(ip, overQuota);
          peer.close(4413, overQuota);
          return;
        }
        state.connection?.handleMessage(data);
      },
      close(peer, event) {
        peers.delete(peer);
        const state = peerState(peer);
        clearTimeout(state.unauthenticatedTimer);
        if (state.socket) sockets.closed(state.socket);
        state.socket = undefined;
        state.connection?.handleClose({
          code: event.code ?? 1000,
          reason: event.reason ?? '',
        });
      },
      error(peer) {
        peer.close(1011, 'connection error');
      },
    },
  });

  // H14: a request that dribbles its headers or body is cut off after a few seconds, not 60;
  // Node checks the deadlines every `connectionsCheckingInterval`.
  const httpOptions = {
    headersTimeout: limits.httpHeadersTimeoutMs,
    requestTimeout: limits.httpRequestTimeoutMs,
    connectionsCheckingInterval: 1_000,
  };
  let sso: SsoServices | undefined;
  const signingSecret = options.oidc ? await relayStorage.signingSecret() : undefined;
  const ssoAdmin = {
    hocuspocus: relay.hocuspocus,
    tokens,
    makeDurable: () => relay.flushDurably(),
  };
  const handleSignIn = async (req: IncomingMessage, res: ServerResponse) =>
    (await handleSsoAdmin(req, res, ssoAdmin)) ||
    (sso ? handleSso(req, res, sso) : handleSsoOff(req, res));
  const server: Server = createServer(httpOptions, (req, res) => {
    handleMetrics(req, res, metrics, tokens)
      .then(async (handled) => handled || (await handleSignIn(req, res)))
      .then((handled) => (handled ? undefined : serveRest(req, res)))
      .catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  });
  const serveRest = (req: IncomingMessage, res: ServerResponse) =>
    handleApi(req, res, {
      tokens,
      tokenStore,
      reporterTokenTtlMs: REPORTER_TOKEN_TTL_MS,
      clientAddress: (request) =>
        clientAddress(
          request.socket.remoteAddress,
          request.headers['x-forwarded-for'],
          options.trustProxy,
        ),
      enrolmentsPerIp,
      enrolmentsPerCode,
      reporterClients,
      health: () => relay.health.state,
      history: relay.history,
      observations: relay.observations,
      observationsPerToken,
      webhooks: {
        hocuspocus: relay.hocuspocus,
        dispatcher: relay.webhooks,
        network: relay.webhookNetwork,
      },
      digests: { alerts: relayStorage.alerts, sending: relay.digests !== undefined },
      status: () => ({
        documents: relay.hocuspocus.getDocumentsCount(),
        connections: relay.hocuspocus.getConnectionsCount(),
      }),
    })
      .then((handled) => {
        if (handled) return;
        if (serveStatic) serveStatic(req, res, () => notFound(res));
        else {
          res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
          res.end(
            'The PWA is not built yet: run `npm run build` (or `npm start`, which builds it).\n',
          );
        }
      })
      .catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== SYNC_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    ws.handleUpgrade(req, socket, head);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  // Loopback and wildcard binds are reachable as localhost from this machine.
  const host =
    !options.host || ['127.0.0.1', '0.0.0.0', '::1', '::'].includes(options.host)
      ? 'localhost'
      : options.host;
  const url = `http://${host}:${port}`;
  if (oidc && options.oidc && signingSecret) {
    const publicUrl = options.oidc.publicUrl ?? url;
    sso = {
      config: oidc,
      options: options.oidc,
      publicUrl,
      defaultWorkspace: options.workspace ?? 'main',
      hocuspocus: relay.hocuspocus,
      tokens,
      tokenStore,
      makeDurable: () => relay.flushDurably(),
      cookie: new LoginStateCookie(signingSecret, publicUrl.startsWith('https:')),
    };
  }
  const releaseLock = holdRelayLock(options.dataDir, url);
  const metricsServer =
    options.metricsPort !== undefined
      ? await startMetricsServer(metrics, options.metricsPort, options.metricsHost)
      : undefined;

  let closing: Promise<void> | undefined;
  return {
    url,
    syncUrl: `ws://${host}:${port}${SYNC_PATH}`,
    port,
    hocuspocus: relay.hocuspocus,
    tokens,
    tokenStore,
    relayStorage,
    database: relayStorage instanceof SqliteRelayStorage ? relayStorage.db : undefined,
    storage: relay.health,
    history: relay.history,
    metrics,
    ...(metricsServer ? { metricsPort: metricsServer.port } : {}),
    close() {
      closing ??= (async () => {
        // OPS2: accept nothing new, let the relay commit and close its sockets with a reset
        // code, then cut whatever HTTP is left.
        metricsServer?.server.close();
        metricsServer?.server.closeAllConnections();
        server.close();
        await relay.close();
        // 1012 "service restart": providers reconnect (to this relay when it is back, or another).
        for (const peer of peers) peer.close(1012, 'relay restarting');
        await new Promise((resolve) => setTimeout(resolve, 50));
        server.closeAllConnections();
        log.close();
        await relayStorage.close();
        releaseLock();
      })();
      return closing;
    },
  };
}

interface PeerState {
  connection?: {
    handleMessage(data: Uint8Array): void;
    handleClose(e: { code: number; reason: string }): void;
  };
  messages?: TokenBucket;
  bytes?: TokenBucket;
  socket?: SocketInfo | undefined;
  unauthenticatedTimer?: ReturnType<typeof setTimeout>;
  unauthenticatedBytes?: number;
}

function peerState(peer: object): PeerState {
  const holder = peer as { sightline?: PeerState };
  holder.sightline ??= {};
  return holder.sightline;
}

function notFound(res: ServerResponse) {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('Not found\n');
}
