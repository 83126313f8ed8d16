import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import { GroupCommitLog } from '../relay/group-commit.ts';
import { persistenceExtension } from '../relay/persistence-extension.ts';
import { StorageHealth } from '../relay/storage-health.ts';
import { databaseFile } from './database.ts';
import { openRelayStorage } from './open-storage.ts';
import { SqliteRelayStorage } from './sqlite-relay-storage.ts';

export interface DataFolderDocuments {
  /**
   * Another process had the database open when this one opened it (its write-ahead log was there:
   * SQLite removes it when the last connection closes cleanly) — most likely a relay serving the
   * folder, or one that crashed.
   */
  sharedWithAnotherProcess: boolean;
  /** A copy of the document as stored now (snapshot and every logged update). */
  read(name: string): Promise<Y.Doc>;
  /** Edits the document in one transaction; durable (appended to the log) when this resolves. */
  write(name: string, edit: (doc: Y.Doc) => void): Promise<void>;
}

/**
 * Opens the documents of a relay's data folder from the command line, through the relay's own
 * persistence (server/relay/persistence-extension.ts) in a Hocuspocus instance that serves no
 * socket: updates are appended to the SQLite log under an instance of their own and folded into
 * the snapshot when the command lets the document go, exactly as a second relay process sharing
 * the folder would (docs/sync.md S1, S2, R1). Nothing another process wrote is lost, and nothing
 * this command writes is. A relay serving the folder at the same time keeps the copy it has
 * loaded: it shows the command's changes once it loads the document again (docs/imports.md I5).
 * Refuses a folder with no database: a mistyped --data must not make an empty workspace.
 */
export async function withDataFolderDocuments<T>(
  dataDir: string,
  work: (documents: DataFolderDocuments) => Promise<T>,
  /** postgres://…: the relays' shared database instead of the data folder (docs/deploy.md). */
  database?: string,
): Promise<T> {
  const file = databaseFile(dataDir);
  if (database === undefined && !existsSync(file)) {
    throw new Error(
      `${dataDir} is not a Sightline data folder (it has no ${file}); check --data, or start the relay there once with sightline serve --data ${dataDir}`,
    );
  }
  // Postgres is shared by design: relays may have the document loaded.
  const sharedWithAnotherProcess = database !== undefined || existsSync(`${file}-wal`);
  const storage =
    database === undefined
      ? new SqliteRelayStorage(dataDir)
      : await openRelayStorage(dataDir, database);
  const store = storage.documents(`cli-${randomUUID()}`);
  const log = new GroupCommitLog(store);
  // A command does not wait for storage to come back: a failed write fails the command (DR1).
  const health = new StorageHealth(() => log.writeRetained(), { log: () => {} });
  log.attach(health);
  const hocuspocus = new Hocuspocus({
    name: 'sightline-cli',
    quiet: true,
    extensions: [persistenceExtension(store, log, health)],
  });
  const failIfNotDurable = () => {
    if (!health.ok) throw new Error(`nothing more was written: ${health.refusal().reason}`);
  };
  const open = (name: string) => hocuspocus.openDirectConnection(name, { relay: true });
  try {
    return await work({
      sharedWithAnotherProcess,
      async read(name) {
        const connection = await open(name);
        const copy = new Y.Doc();
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(connection.document!));
        await connection.disconnect();
        return copy;
      },
      async write(name, edit) {
        const connection = await open(name);
        try {
          await connection.transact(edit);
          await log.flush();
          failIfNotDurable();
        } finally {
          // Unloads the document: its updates are compacted into the snapshot (S2).
          await connection.disconnect();
        }
      },
    });
  } finally {
    hocuspocus.flushPendingStores();
    health.stop();
    await storage.close();
  }
}
