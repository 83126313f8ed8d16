import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { persistedNames } from '../../shared/storage/persisted-names.ts';

/**
 * Opens the relay's one SQLite database (node:sqlite): WAL so that the CLI (token, revoke) and
 * several relay processes can use it at once, FULL sync so a committed write survives a crash.
 */
export function openDatabase(file: string): DatabaseSync {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new DatabaseSync(file);
  db.exec(`
    PRAGMA journal_mode = WAL;
    PRAGMA synchronous = FULL;
    PRAGMA busy_timeout = 5000;
  `);
  return db;
}

export function databaseFile(dataDir: string): string {
  return join(dataDir, persistedNames.relayFiles.database);
}

/** Runs `work` in one IMMEDIATE transaction: all of it commits, or none of it. */
export function transaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    // A failed COMMIT (a full disk) may already have ended the transaction; the first error is the one to report.
    if (db.isTransaction) {
      try {
        db.exec('ROLLBACK');
      } catch {
        // the original error says more
      }
    }
    throw error;
  }
}
