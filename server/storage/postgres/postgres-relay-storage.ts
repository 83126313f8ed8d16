import pg from 'pg';
import { randomBytes } from 'node:crypto';
import type { ReporterActivity, ReporterRow } from '../../../shared/documents/discoveries/index.ts';
import type { ReporterToolSummary } from '../../../shared/documents/report/index.ts';
import {
  tokenFromRow,
  type EnrolledReporters,
  type NewToken,
  type TokenRecord,
  type TokenRow,
} from '../../auth/token-store.ts';
import {
  checkpointsToDrop,
  type CheckpointInfo,
  type Retention,
} from '../../history/checkpoint-store.ts';
import { fold } from '../../relay/sqlite-document-store.ts';
import {
  activitySince,
  type CheckpointStorage,
  type DocumentStorage,
  type LogEntry,
  type PolicyAckStorage,
  type RelayStorage,
  type ReporterClientStorage,
  type SizeStorage,
  type SummaryStorage,
  type TokenStorage,
} from '../relay-storage.ts';
import { migrate } from './migrations.ts';
import { PostgresPolicyAcks, PostgresReporterClients } from './postgres-discoveries.ts';
import { lockKey, transaction, type Queryable } from './transaction.ts';
import { completeInPostgres, PostgresIdempotency } from './postgres-idempotency.ts';
import type { IdempotencyCompletion, IdempotencyStorage } from '../idempotency-storage.ts';
import { PostgresAlerts } from './postgres-alerts.ts';
import type { AlertStorage } from '../alert-storage.ts';

const bytes = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);
const asUint8 = (data: Buffer) => new Uint8Array(data.buffer, data.byteOffset, data.byteLength);

/**
 * Everything a relay keeps, in Postgres (docs/deploy.md): relays on several machines share it, so
 * a relay on a new host with an empty data folder serves every document and honours every token.
 * Each write is committed — Postgres's COMMIT, with synchronous_commit on — before its promise
 * resolves, so the relay acknowledges nothing that is not durable (docs/sync.md DR1, PG2).
 */
export class PostgresRelayStorage implements RelayStorage {
  readonly kind = 'postgres';
  readonly pool: pg.Pool;
  readonly tokens: TokenStorage;
  readonly summaries: SummaryStorage;
  readonly policyAcks: PolicyAckStorage;
  readonly reporterClients: ReporterClientStorage;
  readonly checkpoints: CheckpointStorage;
  readonly sizes: SizeStorage;
  readonly idempotency: IdempotencyStorage;
  readonly alerts: AlertStorage;

  private constructor(pool: pg.Pool) {
    this.pool = pool;
    this.tokens = new PostgresTokens(pool);
    this.summaries = new PostgresSummaries(pool);
    this.policyAcks = new PostgresPolicyAcks(pool);
    this.reporterClients = new PostgresReporterClients(pool);
    this.checkpoints = new PostgresCheckpoints(pool);
    this.sizes = new PostgresSizes(pool);
    this.idempotency = new PostgresIdempotency(pool);
    this.alerts = new PostgresAlerts(pool);
  }

  /** Connects, refuses a server that would not make commits durable, and migrates the schema. */
  static async connect(url: string, options: { max?: number } = {}): Promise<PostgresRelayStorage> {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.max ?? 10,
      // An unreachable server fails a write within seconds, so that the relay refuses and says so
      // (DR2) instead of leaving its clients waiting without an answer.
      connectionTimeoutMillis: 5_000,
      query_timeout: 30_000,
    });
    // An idle client's error (the server restarted) must not end the process: the next query fails
    // and storage is marked failing (DR2) until the server answers again.
    pool.on('error', () => {});
    try {
      const client = await pool.connect();
      try {
        const { rows } = await client.query<{ synchronous_commit: string }>(
          'SHOW synchronous_commit',
        );
        if (rows[0]?.synchronous_commit === 'off')
          throw new Error(
            'Postgres has synchronous_commit = off: a committed update could be lost in a crash; set it to on (docs/deploy.md)',
          );
        await migrate(client);
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end().catch(() => {});
      throw error;
    }
    return new PostgresRelayStorage(pool);
  }

  documents(instance: string): DocumentStorage {
    return new PostgresDocuments(this.pool, instance);
  }

  async signingSecret(): Promise<Uint8Array> {
    // The first relay to ask makes it; every other reads the same one (T1).
    await this.pool.query(
      `INSERT INTO relay_secrets (name, value) VALUES ('signing-secret', $1) ON CONFLICT (name) DO NOTHING`,
      [randomBytes(32).toString('base64url')],
    );
    const { rows } = await this.pool.query<{ value: string }>(
      `SELECT value FROM relay_secrets WHERE name = 'signing-secret'`,
    );
    const secret = Buffer.from(rows[0]!.value, 'base64url');
    if (secret.length < 32) throw new Error('the signing secret in the database is too short');
    return new Uint8Array(secret);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

class PostgresDocuments implements DocumentStorage {
  readonly #pool: pg.Pool;
  readonly #instance: string;

  constructor(pool: pg.Pool, instance: string) {
    this.#pool = pool;
    this.#instance = instance;
  }

  async appendMany(
    entries: readonly LogEntry[],
    completions: readonly IdempotencyCompletion[] = [],
  ): Promise<number[]> {
    // MON7: a batch's idempotency key commits in the transaction of its updates.
    if (completions.length > 0)
      return transaction(this.#pool, async (client) => {
        const seqs = await this.#insert(client, entries);
        await completeInPostgres(client, completions);
        return seqs;
      });
    return this.#insert(this.#pool, entries);
  }

  async #insert(db: Queryable, entries: readonly LogEntry[]): Promise<number[]> {
    if (entries.length === 0) return [];
    // One statement, so one commit (DR5). Sequence numbers are drawn in the order of the rows.
    const { rows } = await db.query<{ seq: string }>(
      `INSERT INTO document_updates (document, instance, data)
       SELECT document, $2, data FROM unnest($1::text[], $3::bytea[]) AS u(document, data)
       RETURNING seq`,
      [entries.map((e) => e.document), this.#instance, entries.map((e) => bytes(e.update))],
    );
    return rows.map((row) => Number(row.seq)).sort((a, b) => a - b);
  }

  async load(document: string): Promise<Uint8Array[]> {
    const snapshot = await this.#pool.query<{ data: Buffer }>(
      'SELECT data FROM document_snapshots WHERE document = $1',
      [document],
    );
    const updates = await this.#pool.query<{ data: Buffer }>(
      'SELECT data FROM document_updates WHERE document = $1 ORDER BY seq',
      [document],
    );
    return [...snapshot.rows, ...updates.rows].map((row) => asUint8(row.data));
  }

  async compact(document: string, state: Uint8Array, throughSeq: number): Promise<void> {
    await transaction(this.#pool, async (client) => {
      await lockKey(client, `snapshot:${document}`);
      const { rows } = await client.query<{ data: Buffer }>(
        'SELECT data FROM document_snapshots WHERE document = $1',
        [document],
      );
      const snapshot = rows[0] ? fold(document, asUint8(rows[0].data), state) : state;
      await client.query(
        `INSERT INTO document_snapshots (document, data, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (document) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
        [document, bytes(snapshot), Date.now()],
      );
      await client.query(
        'DELETE FROM document_updates WHERE document = $1 AND instance = $2 AND seq <= $3',
        [document, this.#instance, throughSeq],
      );
    });
  }

  async probe(): Promise<void> {
    await this.#pool.query(
      `INSERT INTO storage_probe (id, at) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET at = excluded.at`,
      [Date.now()],
    );
  }

  async pendingUpdates(document: string): Promise<number> {
    const { rows } = await this.#pool.query<{ n: string }>(
      'SELECT COUNT(*) AS n FROM document_updates WHERE document = $1',
      [document],
    );
    return Number(rows[0]!.n);
  }

  async names(): Promise<string[]> {
    const { rows } = await this.#pool.query<{ document: string }>(
      `SELECT document FROM document_snapshots UNION SELECT document FROM document_updates
       ORDER BY 1`,
    );
    return rows.map((row) => row.document);
  }
}

class PostgresTokens implements TokenStorage {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async add(record: NewToken): Promise<void> {
    await this.#pool.query(
      `INSERT INTO tokens (id, workspace, role, reporter_id, kind, label, created_at, expires_at,
                           minted_by, max_reporters)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        record.id,
        record.workspace,
        record.role,
        record.reporterId,
        record.kind,
        record.label,
        record.createdAt,
        record.expiresAt,
        record.mintedBy ?? null,
        record.maxReporters ?? null,
      ],
    );
  }

  async get(id: string): Promise<TokenRecord | undefined> {
    const { rows } = await this.#pool.query<TokenRow>('SELECT * FROM tokens WHERE id = $1', [id]);
    return rows[0] && tokenFromRow(rows[0]);
  }

  async list(workspace: string): Promise<TokenRecord[]> {
    const { rows } = await this.#pool.query<TokenRow>(
      `SELECT * FROM tokens WHERE workspace = $1 AND kind != 'reporter'
       ORDER BY created_at DESC LIMIT 1000`,
      [workspace],
    );
    return rows.map(tokenFromRow);
  }

  async revoke(id: string, at: number): Promise<boolean> {
    const result = await this.#pool.query(
      'UPDATE tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL',
      [at, id],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async revokedSince(at: number): Promise<{ id: string; revokedAt: number }[]> {
    const { rows } = await this.#pool.query<{ id: string; revoked_at: string }>(
      'SELECT id, revoked_at FROM tokens WHERE revoked_at IS NOT NULL AND revoked_at >= $1',
      [at],
    );
    return rows.map((row) => ({ id: row.id, revokedAt: Number(row.revoked_at) }));
  }

  async enrolled(codeId: string): Promise<EnrolledReporters> {
    const { rows } = await this.#pool.query<{ n: string; active: string; seen: string | null }>(
      `SELECT COUNT(*) AS n, COUNT(*) - COUNT(revoked_at) AS active, MAX(last_seen_at) AS seen
       FROM tokens WHERE minted_by = $1 AND kind = 'reporter'`,
      [codeId],
    );
    const row = rows[0]!;
    return {
      count: Number(row.n),
      active: Number(row.active),
      lastSeenAt: row.seen === null ? null : Number(row.seen),
    };
  }

  async reportersOf(codeId: string, limit = 1000): Promise<TokenRecord[]> {
    const { rows } = await this.#pool.query<TokenRow>(
      `SELECT * FROM tokens WHERE minted_by = $1 AND kind = 'reporter'
       ORDER BY created_at DESC LIMIT $2`,
      [codeId, limit],
    );
    return rows.map(tokenFromRow);
  }

  async revokeReportersOf(codeId: string, at: number): Promise<number> {
    const result = await this.#pool.query(
      `UPDATE tokens SET revoked_at = $1
       WHERE minted_by = $2 AND kind = 'reporter' AND revoked_at IS NULL`,
      [at, codeId],
    );
    return result.rowCount ?? 0;
  }

  async markSeen(id: string, at: number): Promise<void> {
    await this.#pool.query('UPDATE tokens SET last_seen_at = $1 WHERE id = $2', [at, id]);
  }

  async count(): Promise<number> {
    const { rows } = await this.#pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM tokens');
    return Number(rows[0]!.n);
  }

  async reportersIn(workspace: string, limit: number): Promise<TokenRecord[]> {
    const { rows } = await this.#pool.query<TokenRow>(
      `SELECT * FROM tokens WHERE workspace = $1 AND kind = 'reporter'
       ORDER BY COALESCE(last_seen_at, created_at) DESC, id LIMIT $2`,
      [workspace, limit],
    );
    return rows.map(tokenFromRow);
  }
}

class PostgresSummaries implements SummaryStorage {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  replaceReporter(
    workspace: string,
    reporter: string,
    summaries: readonly ReporterToolSummary[],
  ): Promise<string[]> {
    return transaction(this.#pool, async (client) => {
      // Two relays deriving from one report at once take turns (a reconnect moved it).
      await lockKey(client, `summaries:${workspace}/${reporter}`);
      const { rows } = await client.query<{ tool_key: string; summary: string }>(
        'SELECT tool_key, summary FROM reporter_summaries WHERE workspace = $1 AND reporter = $2',
        [workspace, reporter],
      );
      const previous = new Map(rows.map((row) => [row.tool_key, row.summary]));
      const changed: string[] = [];
      for (const summary of summaries) {
        const json = JSON.stringify(summary);
        if (previous.get(summary.toolKey) !== json) {
          await client.query(
            `INSERT INTO reporter_summaries (workspace, reporter, tool_key, summary)
             VALUES ($1, $2, $3, $4)
             ON CONFLICT (workspace, reporter, tool_key) DO UPDATE SET summary = excluded.summary`,
            [workspace, reporter, summary.toolKey, json],
          );
          changed.push(summary.toolKey);
        }
        previous.delete(summary.toolKey);
      }
      for (const toolKey of previous.keys()) {
        await client.query(
          'DELETE FROM reporter_summaries WHERE workspace = $1 AND reporter = $2 AND tool_key = $3',
          [workspace, reporter, toolKey],
        );
        changed.push(toolKey);
      }
      if (summaries.length === 0)
        await client.query('DELETE FROM reporter_activity WHERE workspace = $1 AND reporter = $2', [
          workspace,
          reporter,
        ]);
      else
        await client.query(
          `INSERT INTO reporter_activity (workspace, reporter, last_seen) VALUES ($1, $2, $3)
           ON CONFLICT (workspace, reporter) DO UPDATE SET last_seen = excluded.last_seen`,
          [workspace, reporter, Math.max(...summaries.map((summary) => summary.lastSeen))],
        );
      return changed;
    });
  }

  async activity(workspace: string, now: number): Promise<ReporterActivity> {
    const { rows } = await this.#pool.query<{ d7: string; d30: string }>(
      `SELECT COUNT(*) FILTER (WHERE last_seen >= $2) AS d7, COUNT(*) FILTER (WHERE last_seen >= $3) AS d30
       FROM reporter_activity WHERE workspace = $1`,
      [workspace, activitySince(now, 7), activitySince(now, 30)],
    );
    return {
      reporters7d: Number(rows[0]!.d7),
      reporters30d: Number(rows[0]!.d30),
      computedAt: now,
    };
  }

  async rowsForTool(workspace: string, toolKey: string): Promise<ReporterRow[]> {
    const { rows } = await this.#pool.query<{ reporter: string; summary: string }>(
      'SELECT reporter, summary FROM reporter_summaries WHERE workspace = $1 AND tool_key = $2',
      [workspace, toolKey],
    );
    return rows.map((row) => ({
      ...(JSON.parse(row.summary) as ReporterToolSummary),
      reporterId: row.reporter,
    }));
  }
}

class PostgresCheckpoints implements CheckpointStorage {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  add(document: string, at: number, state: Uint8Array, keep: Retention): Promise<boolean> {
    return transaction(this.#pool, async (client) => {
      await lockKey(client, `checkpoints:${document}`);
      const latest = await client.query<{ data: Buffer }>(
        'SELECT data FROM document_checkpoints WHERE document = $1 ORDER BY at DESC LIMIT 1',
        [document],
      );
      if (latest.rows[0]?.data.equals(bytes(state))) return false;
      await client.query(
        `INSERT INTO document_checkpoints (document, at, data) VALUES ($1, $2, $3)
         ON CONFLICT (document, at) DO UPDATE SET data = excluded.data`,
        [document, at, bytes(state)],
      );
      const { rows } = await client.query<{ at: string }>(
        'SELECT at FROM document_checkpoints WHERE document = $1',
        [document],
      );
      const drop = checkpointsToDrop(
        rows.map((row) => Number(row.at)),
        at,
        keep,
      );
      if (drop.length > 0)
        await client.query(
          'DELETE FROM document_checkpoints WHERE document = $1 AND at = ANY($2::bigint[])',
          [document, drop],
        );
      return true;
    });
  }

  async documentsWithout(): Promise<string[]> {
    const { rows } = await this.#pool.query<{ document: string }>(
      `SELECT document FROM document_snapshots UNION SELECT document FROM document_updates
       EXCEPT SELECT document FROM document_checkpoints`,
    );
    return rows.map((row) => row.document);
  }

  async list(document: string): Promise<CheckpointInfo[]> {
    const { rows } = await this.#pool.query<{ at: string; bytes: number }>(
      `SELECT at, octet_length(data) AS bytes FROM document_checkpoints
       WHERE document = $1 ORDER BY at DESC`,
      [document],
    );
    return rows.map((row) => ({ at: Number(row.at), bytes: Number(row.bytes) }));
  }

  async atOrBefore(
    document: string,
    at: number,
  ): Promise<{ at: number; data: Uint8Array } | undefined> {
    const { rows } = await this.#pool.query<{ at: string; data: Buffer }>(
      `SELECT at, data FROM document_checkpoints WHERE document = $1 AND at <= $2
       ORDER BY at DESC LIMIT 1`,
      [document, at],
    );
    return rows[0] && { at: Number(rows[0].at), data: asUint8(rows[0].data) };
  }
}

class PostgresSizes implements SizeStorage {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async get(document: string): Promise<number> {
    const { rows } = await this.#pool.query<{ bytes: string }>(
      'SELECT bytes FROM document_sizes WHERE document = $1',
      [document],
    );
    return Number(rows[0]?.bytes ?? 0);
  }

  async workspaceTotal(workspace: string): Promise<number> {
    const { rows } = await this.#pool.query<{ n: string }>(
      'SELECT COALESCE(SUM(bytes), 0) AS n FROM document_sizes WHERE workspace = $1',
      [workspace],
    );
    return Number(rows[0]!.n);
  }

  async set(document: string, workspace: string, bytes: number): Promise<void> {
    await this.#pool.query(
      `INSERT INTO document_sizes (document, workspace, bytes) VALUES ($1, $2, $3)
       ON CONFLICT (document) DO UPDATE SET bytes = excluded.bytes`,
      [document, workspace, bytes],
    );
  }
}
