import type { DatabaseSync } from 'node:sqlite';
import * as Y from 'yjs';
import { parseDocumentName } from '../../shared/documents/names.ts';
import { transaction } from '../storage/database.ts';
import { completeInSqlite, type IdempotencyCompletion } from '../storage/idempotency-storage.ts';

const PROBE_HEADROOM_BYTES = 256 * 1024;
const PROBE_MAX_BYTES = 8 * 1024 * 1024;

/**
 * Durable storage for Yjs documents in SQLite. Every update is appended to a log synchronously, so
 * it is on disk before the relay acknowledges it (docs/sync.md S1); compaction folds the log into
 * one snapshot per document later (S2). Several relay processes may share the database (scale-out):
 * each compacts only the log entries it wrote, and merges its state into the existing snapshot.
 */
export class SqliteDocumentStore {
  readonly #db: DatabaseSync;
  readonly #instance: string;
  readonly #append;
  readonly #readSnapshot;
  readonly #readUpdates;
  readonly #writeSnapshot;
  readonly #deleteOwnUpdatesUpTo;
  readonly #countPending;
  readonly #probe;
  readonly #probeDone;
  readonly #freeBytes;
  readonly #names;

  constructor(db: DatabaseSync, instance = 'main') {
    this.#db = db;
    this.#instance = instance;
    db.exec(`
      CREATE TABLE IF NOT EXISTS document_updates (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        document TEXT NOT NULL,
        instance TEXT NOT NULL DEFAULT 'main',
        data BLOB NOT NULL
      );
      CREATE INDEX IF NOT EXISTS document_updates_by_document ON document_updates (document, seq);
      CREATE TABLE IF NOT EXISTS document_snapshots (
        document TEXT PRIMARY KEY,
        data BLOB NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS storage_probe (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, data BLOB);
    `);
    this.#probe = db.prepare(
      'INSERT OR REPLACE INTO storage_probe (id, at, data) VALUES (1, ?, zeroblob(?))',
    );
    this.#probeDone = db.prepare('UPDATE storage_probe SET data = NULL');
    this.#freeBytes = db.prepare(
      'SELECT (SELECT freelist_count FROM pragma_freelist_count) * (SELECT page_size FROM pragma_page_size) AS n',
    );
    this.#append = db.prepare(
      'INSERT INTO document_updates (document, instance, data) VALUES (?, ?, ?)',
    );
    this.#readSnapshot = db.prepare('SELECT data FROM document_snapshots WHERE document = ?');
    this.#readUpdates = db.prepare(
      'SELECT seq, data FROM document_updates WHERE document = ? ORDER BY seq',
    );
    this.#writeSnapshot = db.prepare(
      `INSERT INTO document_snapshots (document, data, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (document) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
    );
    this.#deleteOwnUpdatesUpTo = db.prepare(
      'DELETE FROM document_updates WHERE document = ? AND instance = ? AND seq <= ?',
    );
    this.#names = db.prepare(
      'SELECT document FROM document_snapshots UNION SELECT document FROM document_updates ORDER BY 1',
    );
    this.#countPending = db.prepare(
      'SELECT COUNT(*) AS n FROM document_updates WHERE document = ?',
    );
  }

  /** Appends one update and returns its sequence number; durable when this returns. */
  append(document: string, update: Uint8Array): number {
    return Number(this.#append.run(document, this.#instance, update).lastInsertRowid);
  }

  /**
   * Appends many updates in one transaction — one fsync for all (group commit, docs/sync.md DR5) —
   * and returns their sequence numbers; all of them are durable when this returns, or none is.
   */
  appendMany(
    entries: readonly { document: string; update: Uint8Array }[],
    completions: readonly IdempotencyCompletion[] = [],
  ): number[] {
    return transaction(this.#db, () => {
      const seqs = entries.map((entry) => this.append(entry.document, entry.update));
      completeInSqlite(this.#db, completions); // MON7: the key commits with its batch
      return seqs;
    });
  }

  /**
   * A real write that needs new room — more than the free pages inside the file hold — to learn
   * whether storage works again (docs/sync.md DR3); throws when it does not. A write that fits in
   * free pages would succeed on a full disk and make the relay flap between healthy and failing.
   */
  probe(): void {
    const free = (this.#freeBytes.get() as { n: number }).n;
    const bytes = Math.min(free + PROBE_HEADROOM_BYTES, PROBE_MAX_BYTES);
    transaction(this.#db, () => this.#probe.run(Date.now(), bytes));
    this.#probeDone.run();
  }

  /** The snapshot and every logged update, in order: applying them all rebuilds the document. */
  load(document: string): Uint8Array[] {
    const snapshot = this.#readSnapshot.get(document) as { data: Uint8Array } | undefined;
    const updates: Uint8Array[] = snapshot ? [snapshot.data] : [];
    for (const row of this.#readUpdates.iterate(document) as Iterable<{ data: Uint8Array }>)
      updates.push(row.data);
    return updates;
  }

  /**
   * Folds this instance's log entries up to `throughSeq` into the snapshot. `state` must contain
   * every one of them (the caller encodes it after they were applied). The new snapshot is merged
   * with the old one, so another instance's state already in it is never lost; and it is merged in
   * a document, not with Y.mergeUpdates, so that content deleted since (a removed flag's note) is
   * collected, not carried on for ever (issue 13).
   */
  compact(document: string, state: Uint8Array, throughSeq: number): void {
    transaction(this.#db, () => {
      const previous = this.#readSnapshot.get(document) as { data: Uint8Array } | undefined;
      const snapshot = previous ? fold(document, previous.data, state) : state;
      this.#writeSnapshot.run(document, snapshot, Date.now());
      this.#deleteOwnUpdatesUpTo.run(document, this.#instance, throughSeq);
    });
  }

  /** Every stored document's name, sorted. */
  names(): string[] {
    return (this.#names.all() as { document: string }[]).map((row) => row.document);
  }

  /** How many log entries wait for compaction (for tests and diagnostics). */
  pendingUpdates(document: string): number {
    return (this.#countPending.get(document) as { n: number }).n;
  }
}

/**
 * The old snapshot and the new state as one update, through a Y.Doc so that deleted content is
 * garbage-collected; an assessment keeps its deleted content (its signed-off versions need it).
 */
export function fold(document: string, previous: Uint8Array, state: Uint8Array): Uint8Array {
  const gc = parseDocumentName(document)?.kind !== 'assessment';
  const doc = new Y.Doc({ gc });
  try {
    Y.applyUpdate(doc, previous);
    Y.applyUpdate(doc, state);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
