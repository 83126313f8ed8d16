import type { DatabaseSync } from 'node:sqlite';
import { transaction } from './database.ts';

/**
 * Idempotency keys of the observations API (docs/sync.md MON7; the IETF httpapi draft "The
 * Idempotency-Key HTTP Header Field"). A key is claimed before a batch is applied — that claim is
 * what stops a concurrent duplicate, on this relay or another — and marked done, with the answer,
 * in the same transaction that commits the batch (`DocumentStorage.appendMany`), so no crash can
 * leave a batch durable without its key.
 */
export interface IdempotencyStorage {
  /** Claims `scope`/`key` for `owner`, unless a live request or a kept answer holds it. */
  claim(request: IdempotencyClaim): Promise<ClaimOutcome>;
  /** Gives a claim back (nothing was applied); only while still pending and `owner`'s. */
  release(scope: string, key: string, owner: string): Promise<void>;
  /** The key as stored (for tests and diagnostics). */
  get(scope: string, key: string): Promise<IdempotencyRow | undefined>;
  /** Forgets keys made before `before`; returns how many. */
  purge(before: number): Promise<number>;
}

export interface IdempotencyClaim {
  /** Whose keys: a workspace and a token (keys of two tokens never meet). */
  scope: string;
  key: string;
  /** A hash of what the request asks (its path and body): a reused key must ask the same. */
  fingerprint: string;
  owner: string;
  now: number;
  /** A key made before this is forgotten: claimed afresh. */
  expiredBefore: number;
  /** A pending claim made before this is taken over (its relay stopped without committing). */
  staleBefore: number;
}

export interface IdempotencyRow {
  scope: string;
  key: string;
  fingerprint: string;
  owner: string;
  state: 'pending' | 'done';
  createdAt: number;
  claimedAt: number;
  /** The first answer, as JSON, once done. */
  response: string | null;
}

export type ClaimOutcome =
  | { state: 'claimed'; createdAt: number }
  | { state: 'pending'; fingerprint: string }
  | { state: 'done'; fingerprint: string; response: string };

/** Marks a claimed key done; written by `appendMany` in the transaction of the batch's updates. */
export interface IdempotencyCompletion {
  scope: string;
  key: string;
  fingerprint: string;
  owner: string;
  createdAt: number;
  response: string;
}

/** What a claim does, given the stored row: the one rule both stores follow. */
export function decideClaim(
  row: IdempotencyRow | undefined,
  request: IdempotencyClaim,
): ClaimOutcome | 'take' {
  if (!row || row.createdAt < request.expiredBefore) return 'take';
  if (row.state === 'done' && row.response !== null)
    return { state: 'done', fingerprint: row.fingerprint, response: row.response };
  if (row.fingerprint === request.fingerprint && row.claimedAt < request.staleBefore) return 'take';
  return { state: 'pending', fingerprint: row.fingerprint };
}

const TABLE = `
  CREATE TABLE IF NOT EXISTS idempotency_keys (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    owner TEXT NOT NULL,
    state TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    claimed_at INTEGER NOT NULL,
    response TEXT,
    PRIMARY KEY (scope, key)
  );
  CREATE INDEX IF NOT EXISTS idempotency_keys_by_age ON idempotency_keys (created_at);
`;

const UPSERT_DONE = `
  INSERT INTO idempotency_keys (scope, key, fingerprint, owner, state, created_at, claimed_at, response)
  VALUES (?, ?, ?, ?, 'done', ?, ?, ?)
  ON CONFLICT (scope, key) DO UPDATE SET state = 'done', response = excluded.response,
    owner = excluded.owner`;

const prepared = new WeakMap<DatabaseSync, ReturnType<DatabaseSync['prepare']>>();

/** Writes completions; the caller runs it inside the transaction that appends the updates. */
export function completeInSqlite(
  db: DatabaseSync,
  completions: readonly IdempotencyCompletion[],
): void {
  if (completions.length === 0) return;
  let upsert = prepared.get(db);
  if (!upsert) {
    db.exec(TABLE);
    upsert = db.prepare(UPSERT_DONE);
    prepared.set(db, upsert);
  }
  for (const c of completions)
    upsert.run(c.scope, c.key, c.fingerprint, c.owner, c.createdAt, c.createdAt, c.response);
}

export function rowFromSql(row: Record<string, unknown>): IdempotencyRow {
  return {
    scope: String(row.scope),
    key: String(row.key),
    fingerprint: String(row.fingerprint),
    owner: String(row.owner),
    state: row.state === 'done' ? 'done' : 'pending',
    createdAt: Number(row.created_at),
    claimedAt: Number(row.claimed_at),
    response: row.response === null || row.response === undefined ? null : String(row.response),
  };
}

/** The keys in the data folder's SQLite file (synchronous; promised by SqliteRelayStorage). */
export class SqliteIdempotencyStore {
  readonly #db: DatabaseSync;
  readonly #read;
  readonly #take;
  readonly #release;
  readonly #purge;

  constructor(db: DatabaseSync) {
    this.#db = db;
    db.exec(TABLE);
    this.#read = db.prepare('SELECT * FROM idempotency_keys WHERE scope = ? AND key = ?');
    this.#take = db.prepare(
      `INSERT INTO idempotency_keys (scope, key, fingerprint, owner, state, created_at, claimed_at, response)
       VALUES (?, ?, ?, ?, 'pending', ?, ?, NULL)
       ON CONFLICT (scope, key) DO UPDATE SET fingerprint = excluded.fingerprint,
         owner = excluded.owner, state = 'pending', created_at = excluded.created_at,
         claimed_at = excluded.claimed_at, response = NULL`,
    );
    this.#release = db.prepare(
      `DELETE FROM idempotency_keys WHERE scope = ? AND key = ? AND owner = ? AND state = 'pending'`,
    );
    this.#purge = db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?');
  }

  claim(request: IdempotencyClaim): ClaimOutcome {
    return transaction(this.#db, () => {
      const found = this.#read.get(request.scope, request.key) as
        Record<string, unknown> | undefined;
      const row = found ? rowFromSql(found) : undefined;
      const outcome = decideClaim(row, request);
      if (outcome !== 'take') return outcome;
      // A stale claim taken over keeps its age: the key still expires when it would have.
      const createdAt = row && row.createdAt >= request.expiredBefore ? row.createdAt : request.now;
      const { scope, key, fingerprint, owner, now } = request;
      this.#take.run(scope, key, fingerprint, owner, createdAt, now);
      return { state: 'claimed', createdAt };
    });
  }

  release(scope: string, key: string, owner: string): void {
    this.#release.run(scope, key, owner);
  }

  get(scope: string, key: string): IdempotencyRow | undefined {
    const found = this.#read.get(scope, key) as Record<string, unknown> | undefined;
    return found ? rowFromSql(found) : undefined;
  }

  purge(before: number): number {
    return Number(this.#purge.run(before).changes);
  }
}
