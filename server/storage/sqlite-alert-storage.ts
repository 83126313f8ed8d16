import type { DatabaseSync } from 'node:sqlite';
import type { AlertStorage, NewOutboxItem, OutboxItem } from './alert-storage.ts';
import { transaction } from './database.ts';

interface OutboxRow {
  id: string;
  workspace: string;
  webhook_id: string;
  event: string;
  attempt: number;
  next_at: number;
}

const itemOf = (row: OutboxRow): OutboxItem => ({
  id: row.id,
  workspace: row.workspace,
  webhookId: row.webhook_id,
  event: row.event,
  attempt: Number(row.attempt),
  nextAt: Number(row.next_at),
});

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
    return rows.map(itemOf).sort((a, b) => a.nextAt - b.nextAt || (a.id < b.id ? -1 : 1));
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
}
