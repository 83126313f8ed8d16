import type { Extension, onLoadDocumentPayload, onStoreDocumentPayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { SqliteDocumentStore } from './sqlite-document-store.ts';

/**
 * Connects Hocuspocus to the SQLite store. Loading replays snapshot + log; every later update is
 * appended from the Y.Doc's synchronous `update` event, which fires inside the transaction that
 * applies a client's message and therefore before Hocuspocus sends that client its acknowledgement.
 * Hocuspocus's debounced onStoreDocument is used only to compact.
 */
export function persistenceExtension(store: SqliteDocumentStore): Extension {
  const lastSeq = new Map<string, number>();
  return {
    extensionName: 'sqlite-persistence',
    async onLoadDocument({ document, documentName }: onLoadDocumentPayload) {
      const stored = store.load(documentName);
      if (stored.length > 0) Y.applyUpdate(document, Y.mergeUpdates(stored));
      document.on('update', (update: Uint8Array) => {
        lastSeq.set(documentName, store.append(documentName, update));
      });
    },
    async onStoreDocument({ document, documentName }: onStoreDocumentPayload) {
      const through = lastSeq.get(documentName);
      if (through === undefined) return; // nothing appended by this process since it loaded
      store.compact(documentName, Y.encodeStateAsUpdate(document), through);
      lastSeq.delete(documentName);
    },
    async afterUnloadDocument({ documentName }) {
      lastSeq.delete(documentName);
    },
  };
}
