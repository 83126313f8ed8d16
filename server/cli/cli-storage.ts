import { resolve } from 'node:path';
import { isDatabaseUrl, openRelayStorage } from '../storage/open-storage.ts';
import type { RelayStorage } from '../storage/relay-storage.ts';
import { existingDatabase } from './backup-commands.ts';
import { UsageError } from './usage-error.ts';

/** The options every command that reads or writes the relay's store takes (parseArgs). */
export const storageOptions = {
  data: { type: 'string', default: '.sightline' },
  /** postgres://… — the relays' Postgres instead of the data folder's SQLite (docs/deploy.md). */
  database: { type: 'string' },
} as const;

export interface StorageArgs {
  data: string;
  database?: string | undefined;
}

/**
 * Opens the store a command names — Postgres with `--database`, else the data folder's SQLite —
 * for `work`, and closes it after. `existing`: a folder without a database is refused, never made.
 */
export async function withStorage<T>(
  args: StorageArgs,
  work: (storage: RelayStorage, dataDir: string) => Promise<T>,
  options: { existing?: boolean } = {},
): Promise<T> {
  const dataDir = resolve(args.data);
  if (args.database !== undefined && !isDatabaseUrl(args.database))
    throw new UsageError(
      '--database must be a URL such as postgres://sightline@db.internal/sightline',
    );
  if (args.database === undefined && options.existing) existingDatabase(dataDir);
  const storage = await openRelayStorage(dataDir, args.database);
  try {
    return await work(storage, dataDir);
  } finally {
    await storage.close();
  }
}
