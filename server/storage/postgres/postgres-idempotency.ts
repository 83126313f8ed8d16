import type pg from 'pg';
import {
  decideClaim,
  rowFromSql,
  type ClaimOutcome,
  type IdempotencyClaim,
  type IdempotencyCompletion,
  type IdempotencyRow,
  type IdempotencyStorage,
} from '../idempotency-storage.ts';
import { lockKey, transaction, type Queryable } from './transaction.ts';

/** The schema of migration 3 (migrations.ts). */
export const IDEMPOTENCY_SCHEMA = `
  CREATE TABLE idempotency_keys (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    owner TEXT NOT NULL,
    state TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    claimed_at BIGINT NOT NULL,
    response TEXT,
    PRIMARY KEY (scope, key)
  );
  CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
`;

/** Writes completions on `client`, inside the transaction that appends the batch's updates. */
export async function completeInPostgres(
  client: Queryable,
  completions: readonly IdempotencyCompletion[],
): Promise<void> {
  for (const c of completions)
    await client.query(
      `INSERT INTO idempotency_keys (scope, key, fingerprint, owner, state, created_at, claimed_at, response)
       VALUES ($1, $2, $3, $4, 'done', $5, $5, $6)
       ON CONFLICT (scope, key) DO UPDATE SET state = 'done', response = excluded.response,
         owner = excluded.owner`,
      [c.scope, c.key, c.fingerprint, c.owner, c.createdAt, c.response],
    );
}

/** Idempotency keys shared by every relay on one Postgres (MON7). */
export class PostgresIdempotency implements IdempotencyStorage {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async claim(request: IdempotencyClaim): Promise<ClaimOutcome> {
    return transaction(this.#pool, async (client) => {
      // Two relays claiming one key at once: the second waits, then finds the first's claim.
      await lockKey(client, `idempotency:${request.scope}:${request.key}`);
      const { rows } = await client.query<Record<string, unknown>>(
        'SELECT * FROM idempotency_keys WHERE scope = $1 AND key = $2',
        [request.scope, request.key],
      );
      const row = rows[0] ? rowFromSql(rows[0]) : undefined;
      const outcome = decideClaim(row, request);
      if (outcome !== 'take') return outcome;
      const createdAt = row && row.createdAt >= request.expiredBefore ? row.createdAt : request.now;
      await client.query(
        `INSERT INTO idempotency_keys (scope, key, fingerprint, owner, state, created_at, claimed_at, response)
         VALUES ($1, $2, $3, $4, 'pending', $5, $6, NULL)
         ON CONFLICT (scope, key) DO UPDATE SET fingerprint = excluded.fingerprint,
           owner = excluded.owner, state = 'pending', created_at = excluded.created_at,
           claimed_at = excluded.claimed_at, response = NULL`,
        [request.scope, request.key, request.fingerprint, request.owner, createdAt, request.now],
      );
      return { state: 'claimed', createdAt } as const;
    });
  }

  async release(scope: string, key: string, owner: string): Promise<void> {
    await this.#pool.query(
      `DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND owner = $3 AND state = 'pending'`,
      [scope, key, owner],
    );
  }

  async get(scope: string, key: string): Promise<IdempotencyRow | undefined> {
    const { rows } = await this.#pool.query<Record<string, unknown>>(
      'SELECT * FROM idempotency_keys WHERE scope = $1 AND key = $2',
      [scope, key],
    );
    return rows[0] ? rowFromSql(rows[0]) : undefined;
  }

  async purge(before: number): Promise<number> {
    const result = await this.#pool.query('DELETE FROM idempotency_keys WHERE created_at < $1', [
      before,
    ]);
    return result.rowCount ?? 0;
  }
}
