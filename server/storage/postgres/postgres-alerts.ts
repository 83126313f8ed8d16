import type pg from 'pg';
import {
  DIGEST_DELIVERY_COLUMNS,
  digestCoverageOf,
  digestDeliveryOf,
  DIGEST_COVERAGE_SQL,
  digestOf,
  type AlertStorage,
  type DigestCoverage,
  type DigestDelivery,
  type DigestDeliveryRow,
  type DigestRow,
  type DigestStatus,
  type DigestSubscription,
  type NewDigestDelivery,
  type NewOutboxItem,
  outboxItemsOf,
  type OutboxItem,
  type OutboxRow,
} from '../alert-storage.ts';
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

/** Migration 5: the digests' claims, retry queue and delivery log in one (docs/sync.md DIG6–DIG7). */
export const DIGEST_DELIVERIES_SQL = `
  CREATE TABLE digest_deliveries (
    subscription_id TEXT NOT NULL,
    workspace TEXT NOT NULL,
    period_key TEXT NOT NULL,
    period_start BIGINT NOT NULL,
    period_end BIGINT NOT NULL,
    status TEXT NOT NULL,
    attempt INTEGER NOT NULL,
    next_at BIGINT NOT NULL,
    held_until BIGINT NOT NULL DEFAULT 0,
    updated_at BIGINT NOT NULL,
    error TEXT,
    PRIMARY KEY (subscription_id, period_key)
  );
  CREATE INDEX digest_deliveries_due ON digest_deliveries (status, next_at);
  CREATE INDEX digest_deliveries_by_workspace ON digest_deliveries (workspace, updated_at);
`;

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
    return outboxItemsOf(rows);
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

  async addDigest(digest: DigestSubscription): Promise<void> {
    await this.#pool.query(
      `INSERT INTO digest_subscriptions (id, workspace, address, every, created_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        digest.id,
        digest.workspace,
        digest.address,
        digest.every,
        digest.createdAt,
        digest.createdBy,
      ],
    );
  }

  async digests(workspace?: string): Promise<DigestSubscription[]> {
    const { rows } =
      workspace === undefined
        ? await this.#pool.query<DigestRow>(
            'SELECT * FROM digest_subscriptions ORDER BY workspace, id',
          )
        : await this.#pool.query<DigestRow>(
            'SELECT * FROM digest_subscriptions WHERE workspace = $1 ORDER BY id',
            [workspace],
          );
    return rows.map(digestOf);
  }

  async removeDigest(workspace: string, id: string): Promise<boolean> {
    const { rowCount } = await this.#pool.query(
      'DELETE FROM digest_subscriptions WHERE workspace = $1 AND id = $2',
      [workspace, id],
    );
    return rowCount === 1;
  }

  async queueDigest(delivery: NewDigestDelivery, at: number): Promise<boolean> {
    const { rowCount } = await this.#pool.query(
      `INSERT INTO digest_deliveries (${DIGEST_DELIVERY_COLUMNS})
       VALUES ($1, $2, $3, $4, $5, 'queued', 0, $6, $6, NULL)
       ON CONFLICT (subscription_id, period_key) DO NOTHING`,
      [
        delivery.subscriptionId,
        delivery.workspace,
        delivery.periodKey,
        delivery.periodStart,
        delivery.periodEnd,
        at,
      ],
    );
    return rowCount === 1;
  }

  async takeDigests(now: number, holdMs: number, limit: number): Promise<DigestDelivery[]> {
    // SKIP LOCKED: relays taking at once each get other digests, none waits for another.
    const { rows } = await this.#pool.query<DigestDeliveryRow>(
      `UPDATE digest_deliveries SET held_until = $1
       WHERE (subscription_id, period_key) IN (
         SELECT subscription_id, period_key FROM digest_deliveries
         WHERE status = 'queued' AND next_at <= $2 AND held_until <= $2
         ORDER BY next_at, subscription_id LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING ${DIGEST_DELIVERY_COLUMNS}`,
      [now + holdMs, now, limit],
    );
    return rows.map(digestDeliveryOf).sort((a, b) => a.nextAt - b.nextAt);
  }

  async settleDigest(
    subscriptionId: string,
    periodKey: string,
    outcome: { status: DigestStatus; attempt: number; nextAt: number; at: number; error?: string },
  ): Promise<void> {
    await this.#pool.query(
      `UPDATE digest_deliveries
       SET status = $1, attempt = $2, next_at = $3, updated_at = $4, error = $5, held_until = 0
       WHERE subscription_id = $6 AND period_key = $7`,
      [
        outcome.status,
        outcome.attempt,
        outcome.nextAt,
        outcome.at,
        outcome.error ?? null,
        subscriptionId,
        periodKey,
      ],
    );
  }

  async digestLog(workspace: string, limit: number): Promise<DigestDelivery[]> {
    const { rows } = await this.#pool.query<DigestDeliveryRow>(
      `SELECT ${DIGEST_DELIVERY_COLUMNS} FROM digest_deliveries WHERE workspace = $1
       ORDER BY updated_at DESC, period_key DESC, subscription_id LIMIT $2`,
      [workspace, limit],
    );
    return rows.map(digestDeliveryOf);
  }

  async digestCoverage(subscriptionId: string, periodEnd: number): Promise<DigestCoverage> {
    const { rows } = await this.#pool.query<Parameters<typeof digestCoverageOf>[0]>(
      DIGEST_COVERAGE_SQL,
      [subscriptionId, periodEnd],
    );
    return digestCoverageOf(rows[0]!);
  }
}
