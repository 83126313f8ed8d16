import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

/** A per-document change counter, kept from the first time a document is read. */
const versions = new WeakMap<Y.Doc, { value: number }>();
function versionOf(doc: Y.Doc): { value: number } {
  let version = versions.get(doc);
  if (!version) {
    const counter = { value: 0 };
    version = counter;
    versions.set(doc, counter);
    doc.on('update', () => void counter.value++);
  }
  return version;
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
      subscribe(listener: () => void) {
        doc.on('update', listener);
        return () => doc.off('update', listener);
      },
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
