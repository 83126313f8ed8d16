import { existsSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import * as Y from 'yjs';
import { formatDocumentName, parseDocumentName } from '../../shared/documents/names.ts';
import { databaseFile } from '../storage/database.ts';
import { openRelayStorage } from '../storage/open-storage.ts';
import { UsageError } from './usage-error.ts';

/** What the export reads: the relay's documents, as the relay would load them. */
export interface DocumentSource {
  load(name: string): Y.Doc;
  hasWorkspace(workspace: string): boolean;
  document(workspace: string, kind: 'registry' | 'policy'): Y.Doc;
  close(): void;
}

/**
 * The documents of a data folder (read in place), or with `database` (postgres://…) those of one
 * workspace, read from Postgres into memory once.
 */
export async function openStoredDocuments(
  dataDir: string,
  database: string | undefined,
  workspace: string,
): Promise<DocumentSource> {
  if (database === undefined) return new StoredDocuments(dataDir);
  const storage = await openRelayStorage(dataDir, database);
  try {
    const log = storage.documents('export');
    const prefix = `${workspace}/`;
    const stored = new Map<string, Uint8Array[]>();
    for (const name of await log.names())
      if (name.startsWith(prefix)) stored.set(name, await log.load(name));
    const load = (name: string) => docOf(name, stored.get(name) ?? []);
    return {
      load,
      hasWorkspace: (ws) => ws === workspace && stored.size > 0,
      document: (ws, kind) => load(formatDocumentName({ workspace: ws, kind })),
      close: () => {},
    };
  } finally {
    await storage.close();
  }
}

/** A document from its stored snapshot and updates, with the relay's garbage collection. */
function docOf(name: string, updates: Iterable<Uint8Array>): Y.Doc {
  // Assessments keep deleted text (docs/assessments.md): the relay opens them with gc off too.
  const doc = new Y.Doc(parseDocumentName(name)?.kind === 'assessment' ? { gc: false } : {});
  Y.transact(doc, () => {
    for (const update of updates) Y.applyUpdate(doc, update);
  });
  return doc;
}

/**
 * The relay's documents, read from its data folder without writing to it (the relay may be
 * running: SQLite's WAL lets it go on while this reads). Each document is its snapshot plus its
 * logged updates, as the relay itself loads it (relay/sqlite-document-store.ts).
 */
export class StoredDocuments implements DocumentSource {
  readonly #db: DatabaseSync;
  readonly #snapshot;
  readonly #updates;

  constructor(dataDir: string) {
    const file = databaseFile(dataDir);
    if (!existsSync(file))
      throw new UsageError(`no Sightline data in ${dataDir} (${file} is missing)`);
    this.#db = new DatabaseSync(file, { readOnly: true });
    this.#db.exec('PRAGMA busy_timeout = 5000');
    const tables = this.#db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((row) => (row as { name: string }).name);
    if (!tables.includes('document_snapshots') || !tables.includes('document_updates')) {
      this.#db.close();
      throw new UsageError(`${file} holds no documents yet`);
    }
    this.#snapshot = this.#db.prepare('SELECT data FROM document_snapshots WHERE document = ?');
    this.#updates = this.#db.prepare(
      'SELECT data FROM document_updates WHERE document = ? ORDER BY seq',
    );
  }

  /** The document as the relay holds it; an empty one when nothing is stored under the name. */
  load(name: string): Y.Doc {
    const snapshot = this.#snapshot.get(name) as { data: Uint8Array } | undefined;
    const rows = this.#updates.iterate(name) as Iterable<{ data: Uint8Array }>;
    return docOf(name, [...(snapshot ? [snapshot.data] : []), ...[...rows].map((row) => row.data)]);
  }

  /** Whether anything is stored for the workspace. */
  hasWorkspace(workspace: string): boolean {
    const prefix = `${workspace}/`;
    const found = this.#db
      .prepare(
        'SELECT 1 FROM document_snapshots WHERE substr(document, 1, ?) = ? UNION ALL SELECT 1 FROM document_updates WHERE substr(document, 1, ?) = ? LIMIT 1',
      )
      .get(prefix.length, prefix, prefix.length, prefix);
    return found !== undefined;
  }

  document(workspace: string, kind: 'registry' | 'policy'): Y.Doc {
    return this.load(formatDocumentName({ workspace, kind }));
  }

  close(): void {
    this.#db.close();
  }
}
