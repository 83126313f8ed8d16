import { Hocuspocus, type Extension } from '@hocuspocus/server';
import { Redis } from '@hocuspocus/extension-redis';
import type { DatabaseSync } from 'node:sqlite';
import { randomUUID } from 'node:crypto';
import { parseDocumentName } from '../../shared/documents/names.ts';
import type { TokenService } from '../auth/token-service.ts';
import type { TokenStore } from '../auth/token-store.ts';
import { authExtension, Refusal } from './auth-extension.ts';
import { discoveriesExtension } from './discoveries/discoveries-extension.ts';
import { LogLimiter } from './log-limiter.ts';
import { persistenceExtension } from './persistence-extension.ts';
import { presenceExtension } from './presence-extension.ts';
import { Quotas } from './quota.ts';
import type { ConnectionLimits } from './rate-limit.ts';
import { SocketRegistry } from './socket-registry.ts';
import { watchRevocations } from './revocation-watcher.ts';
import { SqliteDocumentStore } from './sqlite-document-store.ts';

export interface RelayOptions {
  db: DatabaseSync;
  tokens: TokenService;
  tokenStore: TokenStore;
  limits: ConnectionLimits;
  /** redis://host:port — several relay processes then serve the same documents (scale-out). */
  redisUrl?: string;
  /** More extensions, e.g. the discoveries deriver. */
  extensions?: Extension[];
  /** Sockets and document connections per address and per token (H11–H12). */
  sockets?: SocketRegistry;
  /** Where refusals are logged, at most once a minute per offender (H15). */
  log?: LogLimiter;
}

export interface Relay {
  hocuspocus: Hocuspocus;
  store: SqliteDocumentStore;
  /** Byte quotas per document and workspace (H13), checked on every frame before Hocuspocus. */
  quotas: Quotas;
  /** Flushes pending compaction and closes every connection. */
  close(): Promise<void>;
}

/** The sync relay: Hocuspocus with authentication, permissions, SQLite persistence and, optionally, Redis. */
export function createRelay(options: RelayOptions): Relay {
  const instance = options.redisUrl ? `relay-${randomUUID()}` : 'main';
  const store = new SqliteDocumentStore(options.db, instance);
  const quotas = new Quotas(options.db, options.limits);
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
      tokenStore: options.tokenStore,
      maxDocumentsPerConnection: options.limits.maxDocumentsPerConnection,
      sockets: options.sockets ?? new SocketRegistry(options.limits),
      log: options.log ?? new LogLimiter(),
    }),
    presenceExtension(options.limits),
    persistenceExtension(store),
    quotas.extension(),
    discoveriesExtension(options.db),
    ...(options.extensions ?? []),
  ];
  if (options.redisUrl) {
    const url = new URL(options.redisUrl);
    extensions.push(
      new Redis({
        host: url.hostname,
        port: Number(url.port || 6379),
        identifier: instance,
        prefix: 'sightline',
        ...(url.password ? { options: { password: decodeURIComponent(url.password) } } : {}),
      }),
    );
  }
  const hocuspocus = new Hocuspocus({
    name: 'sightline-relay',
    quiet: true,
    debounce: 2_000,
    maxDebounce: 10_000,
    // H12: what a socket may send before it authenticates is held in memory. The WebSocket layer
    // closes a socket past the limit quietly; this is the backstop (it logs a line per socket).
    maxUnauthenticatedQueueSize: 2 * options.limits.maxUnauthenticatedQueueBytes,
    extensions,
  });
  quotas.attach(hocuspocus);
  const stopWatching = watchRevocations(hocuspocus, options.tokenStore);
  return {
    hocuspocus,
    store,
    quotas,
    async close() {
      stopWatching();
      hocuspocus.closeConnections();
      hocuspocus.flushPendingStores();
      // Let the flushed stores and unloads finish before the database closes.
      for (let i = 0; i < 50 && hocuspocus.getDocumentsCount() > 0; i++)
        await new Promise((resolve) => setTimeout(resolve, 20));
      await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
    },
  };
}
