import type { DatabaseSync } from 'node:sqlite';
import { loadSigningSecret } from '../auth/signing-secret.ts';
import { TokenStore } from '../auth/token-store.ts';
import { CheckpointStore } from '../history/checkpoint-store.ts';
import { PolicyAckStore } from '../relay/discoveries/policy-ack-store.ts';
import { ReporterClients } from '../relay/discoveries/reporter-clients.ts';
import { SummaryStore } from '../relay/discoveries/summary-store.ts';
import { SqliteDocumentStore } from '../relay/sqlite-document-store.ts';
import { databaseFile, openDatabase } from './database.ts';
import { SqliteIdempotencyStore, type IdempotencyStorage } from './idempotency-storage.ts';
import type { AlertStorage } from './alert-storage.ts';
import { SqliteAlertStorage } from './sqlite-alert-storage.ts';
import type {
  CheckpointStorage,
  DocumentStorage,
  PolicyAckStorage,
  RelayStorage,
  ReporterClientStorage,
  SizeStorage,
  SummaryStorage,
  TokenStorage,
} from './relay-storage.ts';

/**
 * The embedded default: every table in one SQLite file in the data folder (node:sqlite, WAL,
 * synchronous = FULL), the signing secret beside it. Its work is synchronous; the promises only
 * give it the shape of RelayStorage.
 */
export class SqliteRelayStorage implements RelayStorage {
  readonly kind = 'sqlite';
  readonly db: DatabaseSync;
  readonly #dataDir: string;
  // Made on first use: a command that only reads or writes documents creates no other table.
  #tokens: TokenStorage | undefined;
  #summaries: SummaryStorage | undefined;
  #policyAcks: PolicyAckStorage | undefined;
  #reporterClients: ReporterClientStorage | undefined;
  #checkpoints: CheckpointStorage | undefined;
  #sizes: SizeStorage | undefined;
  #idempotency: IdempotencyStorage | undefined;
  #alerts: AlertStorage | undefined;

  constructor(dataDir: string, db: DatabaseSync = openDatabase(databaseFile(dataDir))) {
    this.#dataDir = dataDir;
    this.db = db;
  }

  get tokens(): TokenStorage {
    return (this.#tokens ??= promised(new TokenStore(this.db)));
  }

  get summaries(): SummaryStorage {
    return (this.#summaries ??= promised(new SummaryStore(this.db)));
  }

  get policyAcks(): PolicyAckStorage {
    // Its counts join the summaries' reporter_activity: that table is made first.
    void this.summaries;
    return (this.#policyAcks ??= promised(new PolicyAckStore(this.db)));
  }

  get reporterClients(): ReporterClientStorage {
    return (this.#reporterClients ??= promised(new ReporterClients(this.db)));
  }

  get checkpoints(): CheckpointStorage {
    return (this.#checkpoints ??= promised(new CheckpointStore(this.db)));
  }

  get sizes(): SizeStorage {
    return (this.#sizes ??= promised(new SqliteSizeStore(this.db)));
  }

  get idempotency(): IdempotencyStorage {
    return (this.#idempotency ??= promised(new SqliteIdempotencyStore(this.db)));
  }

  get alerts(): AlertStorage {
    return (this.#alerts ??= new SqliteAlertStorage(this.db));
  }

  documents(instance: string): DocumentStorage {
    return promised(new SqliteDocumentStore(this.db, instance));
  }

  async signingSecret(): Promise<Uint8Array> {
    return loadSigningSecret(this.#dataDir);
  }

  async close(): Promise<void> {
    if (this.db.isOpen) this.db.close();
  }
}

/** Each document's measured size (H13), in `document_sizes`. */
export class SqliteSizeStore {
  readonly #read;
  readonly #write;
  readonly #sum;

  constructor(db: DatabaseSync) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS document_sizes (
        document TEXT PRIMARY KEY,
        workspace TEXT NOT NULL,
        bytes INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS document_sizes_by_workspace ON document_sizes (workspace);
    `);
    this.#read = db.prepare('SELECT bytes FROM document_sizes WHERE document = ?');
    this.#write = db.prepare(
      `INSERT INTO document_sizes (document, workspace, bytes) VALUES (?, ?, ?)
       ON CONFLICT (document) DO UPDATE SET bytes = excluded.bytes`,
    );
    this.#sum = db.prepare(
      'SELECT COALESCE(SUM(bytes), 0) AS n FROM document_sizes WHERE workspace = ?',
    );
  }

  get(document: string): number {
    return Number((this.#read.get(document) as { bytes: number } | undefined)?.bytes ?? 0);
  }

  workspaceTotal(workspace: string): number {
    return Number((this.#sum.get(workspace) as { n: number }).n);
  }

  set(document: string, workspace: string, bytes: number): void {
    this.#write.run(document, workspace, bytes);
  }
}

type Promised<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never;
};

/** A synchronous store's methods as promises (a thrown error becomes a rejection). */
function promised<T extends object>(store: T): Promised<T> {
  return new Proxy(store, {
    get(target, key) {
      const value = Reflect.get(target, key, target) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        try {
          return Promise.resolve((value as (...a: unknown[]) => unknown).apply(target, args));
        } catch (error) {
          return Promise.reject(error);
        }
      };
    },
  }) as unknown as Promised<T>;
}
