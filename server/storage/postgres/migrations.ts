import type { PoolClient } from 'pg';
import { IDEMPOTENCY_SCHEMA } from './postgres-idempotency.ts';
import { ALERT_TABLES_SQL, DIGEST_DELIVERIES_SQL } from './postgres-alerts.ts';

/**
 * The Postgres schema, as numbered migrations (docs/deploy.md, Upgrades). Each runs once, in one
 * transaction with its version recorded in `schema_migrations`; relays starting at once take an
 * advisory lock, so one migrates and the others find it done. A migration is never edited once
 * released: a change is a new one at the end.
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'documents, tokens, summaries, checkpoints, sizes, secrets',
    sql: `
      CREATE TABLE document_updates (
        seq BIGSERIAL PRIMARY KEY,
        document TEXT NOT NULL,
        instance TEXT NOT NULL,
        data BYTEA NOT NULL
      );
      CREATE INDEX document_updates_by_document ON document_updates (document, seq);
      CREATE TABLE document_snapshots (
        document TEXT PRIMARY KEY,
        data BYTEA NOT NULL,
        updated_at BIGINT NOT NULL
      );
      CREATE TABLE storage_probe (id INTEGER PRIMARY KEY, at BIGINT NOT NULL);
      CREATE TABLE tokens (
        id TEXT PRIMARY KEY,
        workspace TEXT NOT NULL,
        role TEXT NOT NULL,
        reporter_id TEXT,
        kind TEXT NOT NULL,
        label TEXT,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        revoked_at BIGINT,
        minted_by TEXT,
        max_reporters INTEGER,
        last_seen_at BIGINT
      );
      CREATE INDEX tokens_by_workspace ON tokens (workspace, created_at);
      CREATE INDEX tokens_by_revocation ON tokens (revoked_at) WHERE revoked_at IS NOT NULL;
      CREATE INDEX tokens_by_minter ON tokens (minted_by, kind);
      CREATE TABLE reporter_summaries (
        workspace TEXT NOT NULL,
        reporter TEXT NOT NULL,
        tool_key TEXT NOT NULL,
        summary TEXT NOT NULL,
        PRIMARY KEY (workspace, reporter, tool_key)
      );
      CREATE INDEX reporter_summaries_by_tool ON reporter_summaries (workspace, tool_key);
      CREATE TABLE reporter_activity (
        workspace TEXT NOT NULL,
        reporter TEXT NOT NULL,
        last_seen BIGINT NOT NULL,
        PRIMARY KEY (workspace, reporter)
      );
      CREATE INDEX reporter_activity_by_time ON reporter_activity (workspace, last_seen);
      CREATE TABLE document_checkpoints (
        document TEXT NOT NULL,
        at BIGINT NOT NULL,
        data BYTEA NOT NULL,
        PRIMARY KEY (document, at)
      );
      CREATE TABLE document_sizes (
        document TEXT PRIMARY KEY,
        workspace TEXT NOT NULL,
        bytes BIGINT NOT NULL
      );
      CREATE INDEX document_sizes_by_workspace ON document_sizes (workspace);
      CREATE TABLE relay_secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL);
    `,
  },
  {
    version: 2,
    name: 'policy acknowledgements, enrolled extensions',
    sql: `
      CREATE TABLE policy_acks (
        workspace TEXT NOT NULL,
        reporter TEXT NOT NULL,
        version_id TEXT NOT NULL,
        number INTEGER NOT NULL,
        day TEXT NOT NULL,
        PRIMARY KEY (workspace, reporter, version_id)
      );
      CREATE INDEX policy_acks_by_version ON policy_acks (workspace, version_id);
      CREATE TABLE reporter_clients (
        workspace TEXT NOT NULL,
        reporter TEXT NOT NULL,
        version TEXT,
        policy_error TEXT,
        policy_error_at BIGINT,
        PRIMARY KEY (workspace, reporter)
      );
      CREATE INDEX tokens_reporters_by_workspace ON tokens (workspace, kind);
    `,
  },
  { version: 3, name: 'idempotency keys of the observations API', sql: IDEMPOTENCY_SCHEMA },
  { version: 4, name: 'alert claims, webhook outbox, e-mail digests', sql: ALERT_TABLES_SQL },
  { version: 5, name: 'e-mail digest deliveries', sql: DIGEST_DELIVERIES_SQL },
];

/** Any number: the key of the advisory lock that serialises migrations across relays. */
const MIGRATION_LOCK = 0x5167_6874;

/** Brings the schema to the latest version; returns the versions applied now. */
export async function migrate(client: PoolClient): Promise<number[]> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ version: number }>(
      'SELECT version FROM schema_migrations',
    );
    const done = new Set(rows.map((row) => row.version));
    const newest = Math.max(0, ...done);
    const latest = MIGRATIONS.at(-1)!.version;
    if (newest > latest)
      throw new Error(
        `the database's schema is version ${newest}, newer than this relay knows (${latest}): upgrade the relay`,
      );
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}
