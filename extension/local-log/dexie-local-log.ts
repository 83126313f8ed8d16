import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { Sighting } from '../../shared/documents/report/schema.ts';
import { persistedNames } from '../../shared/storage/persisted-names.ts';
import {
  checkedSightings,
  checkIds,
  checkLimit,
  checkTime,
  retention,
  type LocalLog,
  type RetentionOptions,
  type StoredSighting,
} from './local-log.ts';

/** A stored row: `synced` is 0 or 1 because IndexedDB cannot index booleans. */
interface Row extends Omit<StoredSighting, 'synced'> {
  synced: 0 | 1;
}

const TABLE = persistedNames.extensionTables.sightings;
// `at` orders the ledger and finds expired entries; [synced+at] gives pending ones oldest first
// and the synced ones that go first when the log is over its cap.
const SCHEMA = { [TABLE]: '++id, at, [synced+at]' };

export interface DexieLocalLogOptions extends RetentionOptions {
  /** Defaults to the extension's database; tests pass a fresh one each. */
  databaseName?: string;
  /** An IndexedDB implementation other than the global one. */
  indexedDB?: DexieOptions['indexedDB'];
  IDBKeyRange?: DexieOptions['IDBKeyRange'];
}

export interface DexieLocalLog extends LocalLog {
  readonly databaseName: string;
  /** Closes the database connection (tests; the worker keeps it open). */
  close(): void;
}

function toStored(row: Row): StoredSighting {
  const stored: StoredSighting = {
    id: row.id,
    toolKey: row.toolKey,
    name: row.name,
    category: row.category,
    signal: row.signal,
    at: row.at,
    synced: row.synced === 1,
  };
  if (row.host !== undefined) stored.host = row.host;
  if (row.embeddedIn !== undefined) stored.embeddedIn = row.embeddedIn;
  if (row.syncedAt !== undefined) stored.syncedAt = row.syncedAt;
  return stored;
}

/** The extension's local log in IndexedDB (`sightline-extension`, table `sightings`). */
export function dexieLocalLog(options: DexieLocalLogOptions = {}): DexieLocalLog {
  const { retentionMs, maxEntries } = retention(options);
  const databaseName = options.databaseName ?? persistedNames.extensionDatabase;
  const dexieOptions: DexieOptions = {};
  if (options.indexedDB !== undefined) dexieOptions.indexedDB = options.indexedDB;
  if (options.IDBKeyRange !== undefined) dexieOptions.IDBKeyRange = options.IDBKeyRange;
  const db = new Dexie(databaseName, dexieOptions);
  db.version(1).stores(SCHEMA);
  const table: Table<Row, number, Omit<Row, 'id'>> = db.table(TABLE);
  const withSynced = (synced: 0 | 1) =>
    table.where('[synced+at]').between([synced, Dexie.minKey], [synced, Dexie.maxKey]);

  return {
    databaseName,
    close: () => db.close(),

    async add(sightings: readonly Sighting[]) {
      const rows = checkedSightings(sightings).map((row) => ({ ...row, synced: 0 as const }));
      if (rows.length === 0) return;
      // One transaction: a failure stores none of the batch.
      await db.transaction('rw', table, () => table.bulkAdd(rows));
    },

    async pending(limit) {
      checkLimit(limit);
      if (limit === 0) return [];
      return (await withSynced(0).limit(limit).toArray()).map(toStored);
    },

    async markSynced(ids, at) {
      checkIds(ids);
      checkTime('at', at);
      if (ids.length === 0) return 0;
      return table
        .where('id')
        .anyOf([...ids])
        .and((row) => row.synced === 0)
        .modify({ synced: 1, syncedAt: at });
    },

    async entries({ limit } = {}) {
      if (limit !== undefined) checkLimit(limit);
      if (limit === 0) return [];
      // Reverse on the `at` index: newest first, ties by id descending.
      const newest = table.orderBy('at').reverse();
      return (await (limit === undefined ? newest : newest.limit(limit)).toArray()).map(toStored);
    },

    countPending: () => withSynced(0).count(),

    async prune(now) {
      checkTime('now', now);
      return db.transaction('rw', table, async () => {
        let dropped = await table
          .where('at')
          .below(now - retentionMs)
          .delete();
        const excess = (await table.count()) - maxEntries;
        if (excess > 0) {
          const synced = await withSynced(1).limit(excess).primaryKeys();
          const unsynced =
            synced.length < excess
              ? await withSynced(0)
                  .limit(excess - synced.length)
                  .primaryKeys()
              : [];
          const victims = [...synced, ...unsynced];
          await table.bulkDelete(victims);
          dropped += victims.length;
        }
        return dropped;
      });
    },

    async clear() {
      await table.clear();
    },

    async exportAll() {
      return (await table.toArray()).map(toStored);
    },
  };
}
