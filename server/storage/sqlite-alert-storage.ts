import type { DatabaseSync } from 'node:sqlite';
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
} from './alert-storage.ts';
import { transaction } from './database.ts';

/** The digest tables (Postgres: migrations 4 and 5, alike but for BIGINT). */
const DIGEST_TABLES_SQL = `
  CREATE TABLE digest_subscriptions (
    id TEXT PRIMARY KEY,
    workspace TEXT NOT NULL,
    address TEXT NOT NULL,
    every TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL
  );
  CREATE INDEX digest_subscriptions_by_workspace ON digest_subscriptions (workspace);
  CREATE TABLE digest_deliveries (
    subscription_id TEXT NOT NULL,
    workspace TEXT NOT NULL,
    period_key TEXT NOT NULL,
    period_start INTEGER NOT NULL,
    period_end INTEGER NOT NULL,
    status TEXT NOT NULL,
    attempt INTEGER NOT NULL,
    next_at INTEGER NOT NULL,
    held_until INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL,
    error TEXT,
    PRIMARY KEY (subscription_id, period_key)
  );
  CREATE INDEX digest_deliveries_due ON digest_deliveries (status, next_at);
  CREATE INDEX digest_deliveries_by_workspace ON digest_deliveries (workspace, updated_at);
`;

/** Alert claims and the webhook outbox in the data folder's SQLite database (alert-storage.ts). */
export class SqliteAlertStorage implements AlertStorage {
  readonly #db: DatabaseSync;
  readonly #claim;
  readonly #queue;
  readonly #take;
  readonly #retry;
  readonly #finish;
  readonly #count;

  constructor(db: DatabaseSync) {
    this.#db = db;
    db.exec(`
      CREATE TABLE IF NOT EXISTS alert_claims (key TEXT PRIMARY KEY, at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS webhook_outbox (
        id TEXT PRIMARY KEY,
        workspace TEXT NOT NULL,
        webhook_id TEXT NOT NULL,
        event TEXT NOT NULL,
        attempt INTEGER NOT NULL,
        next_at INTEGER NOT NULL,
        held_until INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX IF NOT EXISTS webhook_outbox_due ON webhook_outbox (next_at);
      ${DIGEST_TABLES_SQL.replaceAll('CREATE TABLE', 'CREATE TABLE IF NOT EXISTS').replaceAll('CREATE INDEX', 'CREATE INDEX IF NOT EXISTS')}
    `);
    this.#claim = db.prepare(
      'INSERT INTO alert_claims (key, at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING',
    );
    this.#queue = db.prepare(
      `INSERT INTO webhook_outbox (id, workspace, webhook_id, event, attempt, next_at)
       VALUES (?, ?, ?, ?, 1, ?)`,
    );
    // One statement: SQLite runs it atomically, so two processes never take the same delivery.
    this.#take = db.prepare(
      `UPDATE webhook_outbox SET held_until = ?
       WHERE id IN (SELECT id FROM webhook_outbox WHERE next_at <= ? AND held_until <= ?
                    ORDER BY next_at, id LIMIT ?)
       RETURNING id, workspace, webhook_id, event, attempt, next_at`,
    );
    this.#retry = db.prepare(
      'UPDATE webhook_outbox SET attempt = ?, next_at = ?, held_until = 0 WHERE id = ?',
    );
    this.#finish = db.prepare('DELETE FROM webhook_outbox WHERE id = ?');
    this.#count = db.prepare('SELECT COUNT(*) AS n FROM webhook_outbox');
  }

  async claim(key: string, at: number): Promise<boolean> {
    return Number(this.#claim.run(key, at).changes) === 1;
  }

  async enqueue(items: readonly NewOutboxItem[], at: number): Promise<string[]> {
    return transaction(this.#db, () => {
      const queued: string[] = [];
      for (const item of items) {
        if (Number(this.#claim.run(item.id, at).changes) !== 1) continue;
        this.#queue.run(item.id, item.workspace, item.webhookId, item.event, at);
        queued.push(item.id);
      }
      return queued;
    });
  }

  async take(now: number, holdMs: number, limit: number): Promise<OutboxItem[]> {
    const rows = this.#take.all(now + holdMs, now, now, limit) as unknown as OutboxRow[];
    return outboxItemsOf(rows);
  }

  async retryAt(id: string, attempt: number, nextAt: number): Promise<void> {
    this.#retry.run(attempt, nextAt, id);
  }

  async finish(id: string): Promise<void> {
    this.#finish.run(id);
  }

  async pending(): Promise<number> {
    return Number((this.#count.get() as { n: number }).n);
  }

  async addDigest(digest: DigestSubscription): Promise<void> {
    this.#db
      .prepare(
        `INSERT INTO digest_subscriptions (id, workspace, address, every, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(
        digest.id,
        digest.workspace,
        digest.address,
        digest.every,
        digest.createdAt,
        digest.createdBy,
      );
  }

  async digests(workspace?: string): Promise<DigestSubscription[]> {
    const rows = (workspace === undefined
      ? this.#db.prepare('SELECT * FROM digest_subscriptions ORDER BY workspace, id').all()
      : this.#db
          .prepare('SELECT * FROM digest_subscriptions WHERE workspace = ? ORDER BY id')
          .all(workspace)) as unknown as DigestRow[];
    return rows.map(digestOf);
  }

  async removeDigest(workspace: string, id: string): Promise<boolean> {
    const result = this.#db
      .prepare('DELETE FROM digest_subscriptions WHERE workspace = ? AND id = ?')
      .run(workspace, id);
    return Number(result.changes) === 1;
  }

  async queueDigest(delivery: NewDigestDelivery, at: number): Promise<boolean> {
    const result = this.#db
      .prepare(
        `INSERT INTO digest_deliveries (${DIGEST_DELIVERY_COLUMNS})
         VALUES (?, ?, ?, ?, ?, 'queued', 0, ?, ?, NULL)
         ON CONFLICT (subscription_id, period_key) DO NOTHING`,
      )
      .run(
        delivery.subscriptionId,
        delivery.workspace,
        delivery.periodKey,
        delivery.periodStart,
        delivery.periodEnd,
        at,
        at,
      );
    return Number(result.changes) === 1;
  }

  async takeDigests(now: number, holdMs: number, limit: number): Promise<DigestDelivery[]> {
    // One statement: SQLite runs it atomically, so two processes never take the same digest.
    const rows = this.#db
      .prepare(
        `UPDATE digest_deliveries SET held_until = ?
         WHERE (subscription_id, period_key) IN (
           SELECT subscription_id, period_key FROM digest_deliveries
           WHERE status = 'queued' AND next_at <= ? AND held_until <= ?
           ORDER BY next_at, subscription_id LIMIT ?)
         RETURNING ${DIGEST_DELIVERY_COLUMNS}`,
      )
      .all(now + holdMs, now, now, limit) as unknown as DigestDeliveryRow[];
    return rows.map(digestDeliveryOf).sort((a, b) => a.nextAt - b.nextAt);
  }

  async settleDigest(
    subscriptionId: string,
    periodKey: string,
    outcome: { status: DigestStatus; attempt: number; nextAt: number; at: number; error?: string },
  ): Promise<void> {
    this.#db
      .prepare(
        `UPDATE digest_deliveries
         SET status = ?, attempt = ?, next_at = ?, updated_at = ?, error = ?, held_until = 0
         WHERE subscription_id = ? AND period_key = ?`,
      )
      .run(
        outcome.status,
        outcome.attempt,
        outcome.nextAt,
        outcome.at,
        outcome.error ?? null,
        subscriptionId,
        periodKey,
      );
  }

  async digestLog(workspace: string, limit: number): Promise<DigestDelivery[]> {
    const rows = this.#db
      .prepare(
        `SELECT ${DIGEST_DELIVERY_COLUMNS} FROM digest_deliveries WHERE workspace = ?
         ORDER BY updated_at DESC, period_key DESC, subscription_id LIMIT ?`,
      )
      .all(workspace, limit) as unknown as DigestDeliveryRow[];
    return rows.map(digestDeliveryOf);
  }

  async digestCoverage(subscriptionId: string, periodEnd: number): Promise<DigestCoverage> {
    // node:sqlite reads `$1` as a named parameter: bound by name, the one query serves both stores.
    const row = this.#db.prepare(DIGEST_COVERAGE_SQL).get({ $1: subscriptionId, $2: periodEnd });
    return digestCoverageOf(row as Parameters<typeof digestCoverageOf>[0]);
  }
}
