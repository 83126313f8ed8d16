import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/**
 * Durable storage for Yjs documents in SQLite (node:sqlite, WAL). Every update is appended to a
 * log synchronously, so it is on disk before the relay acknowledges it; compaction folds the log
 * into one snapshot per document later. See docs/sync.md.
 */
export class SqliteDocumentStore {
  readonly #db: DatabaseSync;
  readonly #append;
  readonly #readSnapshot;
  readonly #readUpdates;
  readonly #writeSnapshot;
  readonly #deleteUpdatesUpTo;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.#db = new DatabaseSync(file);
    this.#db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = FULL;
      CREATE TABLE IF NOT EXISTS document_updates (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        document TEXT NOT NULL,
        data BLOB NOT NULL
      );
      CREATE INDEX IF NOT EXISTS document_updates_by_document ON document_updates (document, seq);
      CREATE TABLE IF NOT EXISTS document_snapshots (
        document TEXT PRIMARY KEY,
        data BLOB NOT NULL,
        through_seq INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
    `);
    this.#append = this.#db.prepare('INSERT INTO document_updates (document, data) VALUES (?, ?)');
    this.#readSnapshot = this.#db.prepare(
      'SELECT data, through_seq FROM document_snapshots WHERE document = ?',
    );
    this.#readUpdates = this.#db.prepare(
      'SELECT seq, data FROM document_updates WHERE document = ? AND seq > ? ORDER BY seq',
    );
    this.#writeSnapshot = this.#db.prepare(
      `INSERT INTO document_snapshots (document, data, through_seq, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (document) DO UPDATE SET data = excluded.data, through_seq = excluded.through_seq,
       updated_at = excluded.updated_at`,
    );
    this.#deleteUpdatesUpTo = this.#db.prepare(
      'DELETE FROM document_updates WHERE document = ? AND seq <= ?',
    );
  }

  /** Appends one update and returns its sequence number; durable when this returns. */
  append(document: string, update: Uint8Array): number {
    return Number(this.#append.run(document, update).lastInsertRowid);
  }

  /** The snapshot and every update after it, in order: applying them all rebuilds the document. */
  load(document: string): { updates: Uint8Array[]; lastSeq: number } {
    const snapshot = this.#readSnapshot.get(document) as
      { data: Uint8Array; through_seq: number } | undefined;
    const updates: Uint8Array[] = snapshot ? [snapshot.data] : [];
    let lastSeq = snapshot?.through_seq ?? 0;
    for (const row of this.#readUpdates.iterate(document, lastSeq) as Iterable<{
      seq: number;
      data: Uint8Array;
    }>) {
      updates.push(row.data);
      lastSeq = row.seq;
    }
    return { updates, lastSeq };
  }

  /**
   * Replaces the log up to `throughSeq` with one snapshot (the full state at that point or later).
   * Both happen in one transaction, so a crash leaves either the old log or the new snapshot.
   */
  compact(document: string, snapshot: Uint8Array, throughSeq: number): void {
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      this.#writeSnapshot.run(document, snapshot, throughSeq, Date.now());
      this.#deleteUpdatesUpTo.run(document, throughSeq);
      this.#db.exec('COMMIT');
    } catch (error) {
      this.#db.exec('ROLLBACK');
      throw error;
    }
  }

  /** How many log entries wait for compaction (for tests and diagnostics). */
  pendingUpdates(document: string): number {
    const row = this.#db
      .prepare('SELECT COUNT(*) AS n FROM document_updates WHERE document = ?')
      .get(document) as { n: number };
    return row.n;
  }

  close(): void {
    if (this.#db.isOpen) this.#db.close();
  }
}
