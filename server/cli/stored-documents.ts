import { existsSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import * as Y from 'yjs';
import { formatDocumentName, parseDocumentName } from '../../shared/documents/names.ts';
import { databaseFile } from '../storage/database.ts';
import { UsageError } from './usage-error.ts';

/**
 * The relay's documents, read from its data folder without writing to it (the relay may be
 * running: SQLite's WAL lets it go on while this reads). Each document is its snapshot plus its
 * logged updates, as the relay itself loads it (relay/sqlite-document-store.ts).
 */
export class StoredDocuments {
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
    // Assessments keep deleted text (docs/assessments.md): the relay opens them with gc off too.
    const doc = new Y.Doc(parseDocumentName(name)?.kind === 'assessment' ? { gc: false } : {});
    const snapshot = this.#snapshot.get(name) as { data: Uint8Array } | undefined;
    Y.transact(doc, () => {
      if (snapshot) Y.applyUpdate(doc, snapshot.data);
      for (const row of this.#updates.iterate(name) as Iterable<{ data: Uint8Array }>) {
        Y.applyUpdate(doc, row.data);
      }
    });
    return doc;
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
