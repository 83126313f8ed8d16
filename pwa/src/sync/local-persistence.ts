import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';
import { yIndexedDbName } from '../../../shared/storage/persisted-names.ts';

/** Keeps one Yjs document on this device. */
export interface LocalCopy {
  whenSynced: Promise<unknown>;
  destroy(): unknown;
}
export type LocalPersistence = (documentName: string, doc: Y.Doc) => LocalCopy;

type UpdateListener = (update: Uint8Array, origin: unknown) => void;

/**
 * y-indexeddb, quiet while it loads. Its own `update` listener (which skips the updates it applies
 * itself) makes Yjs encode everything just loaded into one more update, about a third of the time
 * a large workspace takes to open. Nothing else changes a document before it is loaded (the
 * providers connect after), so the listener is attached once loading is done; every later change
 * is stored as before.
 */
export const indexedDbPersistence: LocalPersistence = (documentName, doc) => {
  const persistence = new IndexeddbPersistence(yIndexedDbName(documentName), doc);
  // y-indexeddb 9.0.12's listener; if a version renames it, this simply stays as y-indexeddb has it.
  const store = (persistence as unknown as { _storeUpdate?: UpdateListener })._storeUpdate;
  if (typeof store === 'function') {
    doc.off('update', store);
    void persistence.whenSynced.then(() => {
      if (!(persistence as unknown as { _destroyed: boolean })._destroyed) doc.on('update', store);
    });
  }
  return persistence;
};
