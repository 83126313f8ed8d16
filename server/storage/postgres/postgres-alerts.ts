import type pg from 'pg';
import type { AlertStorage, NewOutboxItem, OutboxItem } from '../alert-storage.ts';
import { transaction } from './transaction.ts';

/** The tables of migration 3 (migrations.ts). */
export const ALERT_TABLES_SQL = `
  CREATE TABLE alert_claims (key TEXT PRIMARY KEY, at BIGINT NOT NULL);
  CREATE TABLE webhook_outbox (
    id TEXT PRIMARY KEY,
    workspace TEXT NOT NULL,
    webhook_id TEXT NOT NULL,
    event TEXT NOT NULL,
    attempt INTEGER NOT NULL,
    next_at BIGINT NOT NULL,
    held_until BIGINT NOT NULL DEFAULT 0
  );
  CREATE INDEX webhook_outbox_due ON webhook_outbox (next_at);
  CREATE TABLE digest_subscriptions (
    id TEXT PRIMARY KEY,
    workspace TEXT NOT NULL,
    address TEXT NOT NULL,
    every TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    created_by TEXT NOT NULL
  );
  CREATE INDEX digest_subscriptions_by_workspace ON digest_subscriptions (workspace);
`;

interface OutboxRow {
  id: string;
  workspace: string;
  webhook_id: string;
  event: string;
  attempt: number;
  next_at: string;
}

/** Alert claims and the webhook outbox in Postgres, shared by every relay (alert-storage.ts). */
export class PostgresAlerts implements AlertStorage {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async claim(key: string, at: number): Promise<boolean> {
    const { rowCount } = await this.#pool.query(
      'INSERT INTO alert_claims (key, at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING',
      [key, at],
    );
    return rowCount === 1;
  }

  async enqueue(items: readonly NewOutboxItem[], at: number): Promise<string[]> {
    if (items.length === 0) return [];
    return transaction(this.#pool, async (client) => {
      const { rows } = await client.query<{ key: string }>(
        `INSERT INTO alert_claims (key, at) SELECT key, $2 FROM unnest($1::text[]) AS u(key)
         ON CONFLICT (key) DO NOTHING RETURNING key`,
        [items.map((item) => item.id), at],
      );
      const claimed = new Set(rows.map((row) => row.key));
      const queued = items.filter((item) => claimed.has(item.id));
      if (queued.length > 0)
        await client.query(
          `INSERT INTO webhook_outbox (id, workspace, webhook_id, event, attempt, next_at)
           SELECT id, workspace, webhook_id, event, 1, $5
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
             AS u(id, workspace, webhook_id, event)`,
          [
            queued.map((item) => item.id),
            queued.map((item) => item.workspace),
            queued.map((item) => item.webhookId),
            queued.map((item) => item.event),
            at,
          ],
        );
      return queued.map((item) => item.id);
    });
  }

  async take(now: number, holdMs: number, limit: number): Promise<OutboxItem[]> {
    // SKIP LOCKED: relays taking at once each get other deliveries, none waits for another.
    const { rows } = await this.#pool.query<OutboxRow>(
      `UPDATE webhook_outbox SET held_until = $1
       WHERE id IN (SELECT id FROM webhook_outbox WHERE next_at <= $2 AND held_until <= $2
                    ORDER BY next_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING id, workspace, webhook_id, event, attempt, next_at`,
      [now + holdMs, now, limit],
    );
    return rows
      .map((row) => ({
        id: row.id,
        workspace: row.workspace,
        webhookId: row.webhook_id,
        event: row.event,
        attempt: Number(row.attempt),
        nextAt: Number(row.next_at),
      }))
      .sort((a, b) => a.nextAt - b.nextAt || (a.id < b.id ? -1 : 1));
  }

  async retryAt(id: string, attempt: number, nextAt: number): Promise<void> {
    await this.#pool.query(
      'UPDATE webhook_outbox SET attempt = $1, next_at = $2, held_until = 0 WHERE id = $3',
      [attempt, nextAt, id],
    );
  }

  async finish(id: string): Promise<void> {
    await this.#pool.query('DELETE FROM webhook_outbox WHERE id = $1', [id]);
  }

  async pending(): Promise<number> {
    const { rows } = await this.#pool.query<{ n: string }>(
      'SELECT COUNT(*) AS n FROM webhook_outbox',
    );
    return Number(rows[0]!.n);
  }
}
