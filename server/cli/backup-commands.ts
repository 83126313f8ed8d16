import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { persistedNames } from '../../shared/storage/persisted-names.ts';
import { loadSigningSecret } from '../auth/signing-secret.ts';
import { databaseFile, openDatabase } from '../storage/database.ts';
import { servingRelays } from '../storage/relay-lock.ts';
import type { CliIo } from './run-cli.ts';
import { UsageError } from './usage-error.ts';

const FORMAT = 'sightline-backup 1';

/** Postgres has its own consistent backups; this command copies a data folder's SQLite (DR6). */
const POSTGRES_BACKUPS =
  'backup and restore are for a data folder; with --database, use Postgres’s own tools: pg_dump --format=custom --file FILE URL, and pg_restore (docs/deploy.md, Backups)';

/** The data folder's database, which must exist (these commands never make an empty one). */
export function existingDatabase(dataDir: string): string {
  const file = databaseFile(dataDir);
  if (!existsSync(file)) throw new UsageError(`no Sightline database in ${dataDir}`);
  return file;
}

/**
 * `sightline backup --data DIR --out FILE` (docs/sync.md DR6): one file, a consistent copy taken
 * with SQLite's VACUUM INTO while a relay may be serving, with the signing secret inside (so
 * restored tokens stay valid) — which is why the file is readable by its owner only.
 */
export async function backupCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      data: { type: 'string', default: '.sightline' },
      out: { type: 'string' },
      database: { type: 'string' },
    },
    strict: true,
  });
  if (values.database !== undefined) throw new UsageError(POSTGRES_BACKUPS);
  if (!values.out) throw new UsageError('--out FILE is required');
  const dataDir = resolve(values.data);
  const out = resolve(values.out);
  if (existsSync(out)) throw new UsageError(`${out} exists already: choose a new file`);
  const db = openDatabase(existingDatabase(dataDir));
  try {
    db.prepare('VACUUM INTO ?').run(out);
  } finally {
    db.close();
  }
  chmodSync(out, 0o600);
  const backup = new DatabaseSync(out);
  try {
    backup.exec('CREATE TABLE backup_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    const insert = backup.prepare('INSERT INTO backup_meta (key, value) VALUES (?, ?)');
    insert.run('format', FORMAT);
    insert.run('takenAt', new Date().toISOString());
    insert.run('signingSecret', Buffer.from(loadSigningSecret(dataDir)).toString('base64url'));
  } finally {
    backup.close();
  }
  io.out(`backup of ${dataDir} written to ${out}`);
  return 0;
}

/**
 * `sightline restore --data DIR --from FILE` (DR6): refuses while a relay serves DIR; checks the
 * backup; keeps the database and secret it replaces beside them (`….replaced-<time>`).
 */
export async function restoreCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      data: { type: 'string', default: '.sightline' },
      from: { type: 'string' },
      database: { type: 'string' },
    },
    strict: true,
  });
  if (values.database !== undefined) throw new UsageError(POSTGRES_BACKUPS);
  if (!values.from) throw new UsageError('--from FILE is required');
  const dataDir = resolve(values.data);
  const from = resolve(values.from);
  const serving = servingRelays(dataDir);
  if (serving.length > 0) {
    io.err(
      `sightline: a relay is serving ${dataDir} (pid ${serving.map((r) => r.pid).join(', ')}): stop it before restoring`,
    );
    return 1;
  }
  const { secret, takenAt } = readBackup(from);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const target = databaseFile(dataDir);
  const secretFile = join(dataDir, persistedNames.relayFiles.signingSecret);
  // The incoming copy is made whole first; only then is anything in the folder replaced.
  const incoming = `${target}.restoring`;
  copyFileSync(from, incoming);
  chmodSync(incoming, 0o600);
  const db = new DatabaseSync(incoming);
  try {
    db.exec('DROP TABLE backup_meta');
    db.exec('PRAGMA journal_mode = WAL');
  } finally {
    db.close();
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  if (existsSync(target)) {
    // Fold the WAL into the old file first, so the copy kept aside is whole.
    const old = new DatabaseSync(target);
    old.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    old.close();
    renameSync(target, `${target}.replaced-${stamp}`);
  }
  for (const leftover of [`${target}-wal`, `${target}-shm`]) rmSync(leftover, { force: true });
  if (existsSync(secretFile)) renameSync(secretFile, `${secretFile}.replaced-${stamp}`);
  renameSync(incoming, target);
  writeFileSync(secretFile, secret, { mode: 0o600 });
  chmodSync(secretFile, 0o600);
  io.out(`restored ${dataDir} from ${from} (taken ${takenAt})`);
  return 0;
}

function readBackup(file: string): { secret: string; takenAt: string } {
  if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
  if (!readFileSync(file).subarray(0, 16).toString('latin1').startsWith('SQLite format 3'))
    throw new UsageError(`${file} is not a Sightline backup`);
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const meta = new Map(
      (
        db.prepare('SELECT key, value FROM backup_meta').all() as { key: string; value: string }[]
      ).map((row) => [row.key, row.value]),
    );
    if (meta.get('format') !== FORMAT || !meta.get('signingSecret'))
      throw new Error('unknown format');
    const check = db.prepare('PRAGMA quick_check').get() as { quick_check: string };
    if (check.quick_check !== 'ok')
      throw new UsageError(`${file} is damaged: ${check.quick_check}`);
    return { secret: meta.get('signingSecret')!, takenAt: meta.get('takenAt')! };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${file} is not a Sightline backup`);
  } finally {
    db.close();
  }
}
