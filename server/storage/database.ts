import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { persistedNames } from '../../shared/storage/persisted-names.ts';

/**
 * Opens the relay's one SQLite database (node:sqlite): WAL so that the CLI (token, revoke) and
 * several relay processes can use it at once, FULL sync so a committed write survives a crash.
 */
export function openDatabase(file: string): DatabaseSync {
  if (file !== ':memory:') ownerOnly(file);
  const db = new DatabaseSync(file);
  db.exec(`
    PRAGMA journal_mode = WAL;
    PRAGMA synchronous = FULL;
    PRAGMA busy_timeout = 5000;
  `);
  return db;
}

/**
 * The data folder is its owner's only (0700), and so are the database and its WAL files (0600):
 * made so when new, and tightened when an older folder was looser (docs/sync.md DR9). SQLite
 * creates the -wal and -shm files with the database file's mode.
 */
export function ownerOnly(file: string): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  closeSync(openSync(file, 'a', 0o600));
  for (const path of [file, `${file}-wal`, `${file}-shm`])
    if (existsSync(path)) chmodSync(path, 0o600);
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
