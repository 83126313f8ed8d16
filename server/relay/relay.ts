import { Hocuspocus, type Extension } from '@hocuspocus/server';
import { Redis } from '@hocuspocus/extension-redis';
import type { DatabaseSync } from 'node:sqlite';
import { randomUUID } from 'node:crypto';
import { parseDocumentName } from '../../shared/documents/names.ts';
import type { TokenService } from '../auth/token-service.ts';
import type { TokenStore } from '../auth/token-store.ts';
import { authExtension } from './auth-extension.ts';
import { discoveriesExtension } from './discoveries/discoveries-extension.ts';
import { GroupCommitLog } from './group-commit.ts';
import { persistenceExtension } from './persistence-extension.ts';
import type { ConnectionLimits } from './rate-limit.ts';
import { watchRevocations } from './revocation-watcher.ts';
import { SqliteDocumentStore } from './sqlite-document-store.ts';
import { StorageHealth } from './storage-health.ts';

export interface RelayOptions {
  db: DatabaseSync;
  tokens: TokenService;
  tokenStore: TokenStore;
  limits: ConnectionLimits;
  /** redis://host:port — several relay processes then serve the same documents (scale-out). */
  redisUrl?: string;
  /** More extensions, e.g. the discoveries deriver. */
  extensions?: Extension[];
  /** How often a failing storage is tried again (docs/sync.md DR3); 1 s by default. */
  storageProbeIntervalMs?: number;
}

export interface Relay {
  hocuspocus: Hocuspocus;
  store: SqliteDocumentStore;
  /** Whether storage works; the relay refuses writes while it does not (docs/sync.md DR2). */
  health: StorageHealth;
  /** Flushes pending compaction and closes every connection. */
  close(): Promise<void>;
}

/** The sync relay: Hocuspocus with authentication, permissions, SQLite persistence and, optionally, Redis. */
export function createRelay(options: RelayOptions): Relay {
  const instance = options.redisUrl ? `relay-${randomUUID()}` : 'main';
  const store = new SqliteDocumentStore(options.db, instance);
  const log = new GroupCommitLog(store);
  const health = new StorageHealth(() => log.writeRetained(), {
    ...(options.storageProbeIntervalMs ? { probeIntervalMs: options.storageProbeIntervalMs } : {}),
  });
  log.attach(health);
  const extensions: Extension[] = [
    {
      extensionName: 'document-names',
      // Malformed names are refused before anything is loaded or stored (S4).
      async onConnect({ documentName }) {
        if (!parseDocumentName(documentName)) throw new Error('invalid document name');
      },
      // An assessment keeps its deleted content, so that the Yjs snapshot of a signed-off version
      // can rebuild its text (docs/assessments.md); the other documents collect their garbage.
      async onCreateDocument({ documentName }) {
        return parseDocumentName(documentName)?.kind === 'assessment' ? { gc: false } : {};
      },
    },
    authExtension({
      tokens: options.tokens,
      maxDocumentsPerConnection: options.limits.maxDocumentsPerConnection,
    }),
    persistenceExtension(store, log, health),
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
    extensions,
  });
  const stopWatching = watchRevocations(hocuspocus, options.tokenStore);
  return {
    hocuspocus,
    store,
    health,
    async close() {
      stopWatching();
      hocuspocus.closeConnections();
      hocuspocus.flushPendingStores();
      // Let the flushed stores and unloads finish before the database closes.
      for (let i = 0; i < 50 && hocuspocus.getDocumentsCount() > 0; i++)
        await new Promise((resolve) => setTimeout(resolve, 20));
      await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
      log.flush();
      health.stop();
    },
  };
}
