import { Hocuspocus } from '@hocuspocus/server';
import { join } from 'node:path';
import { persistedNames } from '../../shared/storage/persisted-names.ts';
import { parseDocumentName } from '../../shared/documents/names.ts';
import { persistenceExtension } from './persistence-extension.ts';
import { SqliteDocumentStore } from './sqlite-document-store.ts';

export interface Relay {
  hocuspocus: Hocuspocus;
  store: SqliteDocumentStore;
  /** Flushes pending compaction, closes every connection and the database. */
  close(): Promise<void>;
}

/** The sync relay: Hocuspocus with SQLite persistence in `dataDir`. */
export function createRelay(dataDir: string): Relay {
  const store = new SqliteDocumentStore(join(dataDir, persistedNames.relayFiles.database));
  const hocuspocus = new Hocuspocus({
    name: 'sightline-relay',
    quiet: true,
    debounce: 2_000,
    maxDebounce: 10_000,
    extensions: [
      {
        extensionName: 'document-names',
        // Malformed names are refused before anything is loaded or stored.
        async onConnect({ documentName }) {
          if (!parseDocumentName(documentName)) throw new Error(`invalid document name`);
        },
      },
      persistenceExtension(store),
    ],
  });
  return {
    hocuspocus,
    store,
    async close() {
      hocuspocus.closeConnections();
      hocuspocus.flushPendingStores();
      // Let the flushed stores finish before the database closes.
      await new Promise((resolve) => setTimeout(resolve, 50));
      store.close();
    },
  };
}
