import type { Sighting } from '../../shared/documents/report/schema.ts';
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

/** Oldest first: by time, then by id (the order an IndexedDB index on `at` gives). */
function oldestFirst(a: StoredSighting, b: StoredSighting): number {
  return a.at - b.at || a.id - b.id;
}

/**
 * The local log in memory, for tests and for a browser where IndexedDB is unavailable. It behaves
 * exactly like `dexieLocalLog` (the same tests run against both).
 */
export function memoryLocalLog(options: RetentionOptions = {}): LocalLog {
  const { retentionMs, maxEntries } = retention(options);
  const rows = new Map<number, StoredSighting>();
  // Like an IndexedDB key generator: never reset, not even by clear().
  let nextId = 1;
  // Callers get copies, so that nothing they do changes what is stored.
  const copy = (row: StoredSighting): StoredSighting => ({ ...row });
  const sorted = () => [...rows.values()].sort(oldestFirst);

  return {
    async add(sightings: readonly Sighting[]) {
      for (const row of checkedSightings(sightings)) {
        const id = nextId++;
        rows.set(id, { id, ...row, synced: false });
      }
    },

    async pending(limit) {
      checkLimit(limit);
      return sorted()
        .filter((row) => !row.synced)
        .slice(0, limit)
        .map(copy);
    },

    async markSynced(ids, at) {
      checkIds(ids);
      checkTime('at', at);
      let marked = 0;
      for (const id of ids) {
        const row = rows.get(id);
        if (row === undefined || row.synced) continue;
        row.synced = true;
        row.syncedAt = at;
        marked++;
      }
      return marked;
    },

    async entries({ limit } = {}) {
      if (limit !== undefined) checkLimit(limit);
      const newest = sorted().reverse();
      return (limit === undefined ? newest : newest.slice(0, limit)).map(copy);
    },

    async countPending() {
      let count = 0;
      for (const row of rows.values()) if (!row.synced) count++;
      return count;
    },

    async prune(now) {
      checkTime('now', now);
      const before = rows.size;
      const cutoff = now - retentionMs;
      for (const [id, row] of rows) if (row.at < cutoff) rows.delete(id);
      let excess = rows.size - maxEntries;
      if (excess > 0) {
        const all = sorted();
        const victims = [...all.filter((row) => row.synced), ...all.filter((row) => !row.synced)];
        for (const row of victims) {
          if (excess-- <= 0) break;
          rows.delete(row.id);
        }
      }
      return before - rows.size;
    },

    async clear() {
      rows.clear();
    },

    async exportAll() {
      return [...rows.values()].sort((a, b) => a.id - b.id).map(copy);
    },
  };
}
