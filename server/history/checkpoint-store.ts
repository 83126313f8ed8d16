import type { DatabaseSync } from 'node:sqlite';
import { transaction } from '../storage/database.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** How long checkpoints are kept (docs/sync.md DR7): all of them, then one an hour, then one a day. */
export interface Retention {
  allForMs: number;
  hourlyForMs: number;
  dailyForMs: number;
}

export const DEFAULT_RETENTION: Retention = {
  allForMs: DAY_MS,
  hourlyForMs: 7 * DAY_MS,
  dailyForMs: 90 * DAY_MS,
};

export interface CheckpointInfo {
  at: number;
  bytes: number;
}

/**
 * Which checkpoint times to drop: within `allForMs` every one stays; then the latest of each UTC
 * hour until `hourlyForMs`, then the latest of each UTC day until `dailyForMs`; older ones go.
 */
export function checkpointsToDrop(
  times: readonly number[],
  now: number,
  keep: Retention,
): number[] {
  const seenBuckets = new Set<string>();
  const drop: number[] = [];
  for (const at of [...times].sort((a, b) => b - a)) {
    const age = now - at;
    if (age < keep.allForMs) continue;
    const bucket =
      age < keep.hourlyForMs
        ? `h${Math.floor(at / HOUR_MS)}`
        : age < keep.dailyForMs
          ? `d${Math.floor(at / DAY_MS)}`
          : undefined;
    if (bucket === undefined || seenBuckets.has(bucket)) drop.push(at);
    else seenBuckets.add(bucket);
  }
  return drop;
}

/** Restorable whole states of each shared document, by time (docs/sync.md DR7). */
export class CheckpointStore {
  readonly #db: DatabaseSync;
  readonly #insert;
  readonly #list;
  readonly #atOrBefore;
  readonly #drop;
  readonly #latest;

  constructor(db: DatabaseSync) {
    this.#db = db;
    db.exec(`
      CREATE TABLE IF NOT EXISTS document_checkpoints (
        document TEXT NOT NULL,
        at INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (document, at)
      );
    `);
    this.#insert = db.prepare(
      'INSERT OR REPLACE INTO document_checkpoints (document, at, data) VALUES (?, ?, ?)',
    );
    this.#list = db.prepare(
      'SELECT at, length(data) AS bytes FROM document_checkpoints WHERE document = ? ORDER BY at DESC',
    );
    this.#atOrBefore = db.prepare(
      'SELECT at, data FROM document_checkpoints WHERE document = ? AND at <= ? ORDER BY at DESC LIMIT 1',
    );
    this.#latest = db.prepare(
      'SELECT data FROM document_checkpoints WHERE document = ? ORDER BY at DESC LIMIT 1',
    );
    this.#drop = db.prepare('DELETE FROM document_checkpoints WHERE document = ? AND at = ?');
  }

  /** Keeps `state` as the document at `at`, unless it equals the latest one; then thins. */
  add(document: string, at: number, state: Uint8Array, keep: Retention): boolean {
    return transaction(this.#db, () => {
      const latest = this.#latest.get(document) as { data: Uint8Array } | undefined;
      if (latest && Buffer.from(latest.data).equals(state)) return false;
      this.#insert.run(document, at, state);
      const times = this.list(document).map((c) => c.at);
      for (const time of checkpointsToDrop(times, at, keep)) this.#drop.run(document, time);
      return true;
    });
  }

  /** Stored documents that have no checkpoint yet (made before checkpoints, or never changed since). */
  documentsWithout(): string[] {
    const rows = this.#db
      .prepare(
        `SELECT document FROM document_snapshots UNION SELECT document FROM document_updates
         EXCEPT SELECT document FROM document_checkpoints`,
      )
      .all() as { document: string }[];
    return rows.map((row) => row.document);
  }

  /** Newest first. */
  list(document: string): CheckpointInfo[] {
    return this.#list.all(document) as unknown as CheckpointInfo[];
  }

  /** The latest checkpoint taken at or before `at`. */
  atOrBefore(document: string, at: number): { at: number; data: Uint8Array } | undefined {
    return this.#atOrBefore.get(document, at) as { at: number; data: Uint8Array } | undefined;
  }
}
