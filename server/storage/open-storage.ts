import type { RelayStorage } from './relay-storage.ts';
import { SqliteRelayStorage } from './sqlite-relay-storage.ts';

/** A `--database` value the relay and the command line accept: a Postgres connection URL. */
export function isDatabaseUrl(value: string): boolean {
  return /^postgres(ql)?:\/\/\S+$/.test(value);
}

/**
 * The relay's storage: Postgres when `database` names one (postgres://…), else SQLite in the data
 * folder — the embedded default for one machine (docs/deploy.md).
 */
export async function openRelayStorage(dataDir: string, database?: string): Promise<RelayStorage> {
  if (database === undefined) return new SqliteRelayStorage(dataDir);
  if (!isDatabaseUrl(database))
    throw new Error(
      '--database must be a Postgres URL such as postgres://user@host:5432/sightline',
    );
  const { PostgresRelayStorage } = await import('./postgres/postgres-relay-storage.ts');
  return PostgresRelayStorage.connect(database);
}
