import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

/**
 * Calls `listener` after every transaction that changed the document. Not the `update` event: a
 * listener there makes Yjs encode every transaction into an update, and the local copy of a large
 * workspace loads in one transaction of megabytes.
 */
function onChange(doc: Y.Doc, listener: () => void): () => void {
  const afterTransaction = (transaction: Y.Transaction) => {
    if (transaction.changed.size > 0) listener();
  };
  doc.on('afterTransaction', afterTransaction);
  return () => doc.off('afterTransaction', afterTransaction);
}

/** A per-document change counter, kept from the first time a document is read. */
const versions = new WeakMap<Y.Doc, { value: number }>();
function versionOf(doc: Y.Doc): { value: number } {
  let version = versions.get(doc);
  if (!version) {
    const counter = { value: 0 };
    version = counter;
    versions.set(doc, counter);
    onChange(doc, () => void counter.value++);
  }
  return version;
}

/**
 * One reader per document shared by every component that shows it: the document is read once per
 * change, however many components ask, and an incremental reader (made by `make`) re-reads only
 * what changed.
 */
export function sharedReader<T>(make: (doc: Y.Doc) => { read(): T }): (doc: Y.Doc) => T {
  const readers = new WeakMap<Y.Doc, { read(): T; version: number; value?: T }>();
  return (doc) => {
    const version = versionOf(doc).value;
    let reader = readers.get(doc);
    if (!reader) {
      reader = { ...make(doc), version: -1 };
      readers.set(doc, reader);
    }
    if (reader.version !== version || !('value' in reader)) {
      reader.value = reader.read();
      reader.version = version;
    }
    return reader.value as T;
  };
}

/**
 * Subscribes a component to a Y.Doc through a typed reader (readDiscoveries, readPolicy, …). The
 * reader runs again only after the document changed; readers never trust a document.
 */
export function useDocument<T>(doc: Y.Doc | undefined, read: (doc: Y.Doc) => T, empty: T): T {
  const store = useMemo(() => {
    if (!doc) return { subscribe: () => () => {}, snapshot: () => empty };
    const version = versionOf(doc);
    let cached: { version: number; value: T } | undefined;
    return {
      subscribe: (listener: () => void) => onChange(doc, listener),
      snapshot() {
        if (cached?.version !== version.value)
          cached = { version: version.value, value: read(doc) };
        return cached.value;
      },
    };
  }, [doc, read, empty]);
  return useSyncExternalStore(store.subscribe, store.snapshot);
}

/** Subscribes to anything with `subscribe` and a snapshot getter (the session, the sync status). */
export function useStore<T>(store: { subscribe(l: () => void): () => void }, get: () => T): T {
  return useSyncExternalStore(store.subscribe, get);
}
