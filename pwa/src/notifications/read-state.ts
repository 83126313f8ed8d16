import { useSyncExternalStore } from 'react';
import { useDeviceValues, workspaceKey, type DeviceValues } from '../session/device-values.ts';

/** The most marks kept; the oldest go first (a notification that old is long gone). */
export const MAX_READ = 5_000;
const MAX_ID = 500;

/** id → when it was marked read (ms). */
export type ReadMarks = ReadonlyMap<string, number>;

/** A stored value, read without trust: anything unreadable is skipped (so: unread). */
export function parseReadMarks(value: unknown): Map<string, number> {
  const marks = new Map<string, number>();
  if (!Array.isArray(value)) return marks;
  for (const entry of value) {
    if (!Array.isArray(entry) || entry.length !== 2) continue;
    const [id, at] = entry as unknown[];
    if (typeof id !== 'string' || id === '' || id.length > MAX_ID) continue;
    if (typeof at !== 'number' || !Number.isFinite(at)) continue;
    marks.set(id, Math.max(at, marks.get(id) ?? 0));
  }
  return marks;
}

/** What is stored: [id, at] pairs, newest last, at most MAX_READ. */
export function serializeReadMarks(marks: ReadMarks): [string, number][] {
  return [...marks].sort((a, b) => a[1] - b[1]).slice(-MAX_READ);
}

/**
 * NTF-UI3: which notifications this device has marked read, for one workspace. Device state in the
 * PWA's Dexie database (`deviceSettings`, key `notificationsRead:<workspace>`), never synced: another
 * device of the same person keeps its own. One store per workspace shared by the bell and the page,
 * so marking on one shows on the other at once; marks made before the stored ones arrive are
 * kept beside them.
 */
export interface ReadStore {
  /** False until the stored marks are read: the bell shows no count meanwhile. */
  loaded(): boolean;
  marks(): ReadMarks;
  markRead(ids: readonly string[], at?: number): void;
  markUnread(id: string): void;
  subscribe(listener: () => void): () => void;
}

export function createReadStore(values: DeviceValues, workspace: string): ReadStore {
  const key = workspaceKey('notificationsRead', workspace);
  let marks: ReadMarks = new Map();
  let loaded = false;
  const listeners = new Set<() => void>();
  const changed = (next: ReadMarks) => {
    marks = next;
    listeners.forEach((listener) => listener());
  };
  // Writes go one after another, each with the whole state then, so the last one stored wins.
  let writing = Promise.resolve();
  const save = () => {
    const value = serializeReadMarks(marks);
    writing = writing.then(() => values.set(key, value)).catch(() => {});
  };
  void values
    .get(key)
    .catch(() => undefined)
    .then((stored) => {
      const merged = parseReadMarks(stored);
      for (const [id, at] of marks) merged.set(id, at);
      loaded = true;
      changed(merged);
    });
  return {
    loaded: () => loaded,
    marks: () => marks,
    markRead(ids, at = Date.now()) {
      const fresh = ids.filter((id) => !marks.has(id));
      if (fresh.length === 0) return;
      const next = new Map(marks);
      for (const id of fresh) next.set(id, at);
      changed(next);
      save();
    },
    markUnread(id) {
      if (!marks.has(id)) return;
      const next = new Map(marks);
      next.delete(id);
      changed(next);
      save();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

const stores = new WeakMap<DeviceValues, Map<string, ReadStore>>();

/** The one read store of this device's values for a workspace. */
export function readStoreFor(values: DeviceValues, workspace: string): ReadStore {
  let byWorkspace = stores.get(values);
  if (!byWorkspace) stores.set(values, (byWorkspace = new Map()));
  let store = byWorkspace.get(workspace);
  if (!store) byWorkspace.set(workspace, (store = createReadStore(values, workspace)));
  return store;
}

/** The workspace's read store and its marks; re-renders when a mark changes anywhere. */
export function useReadMarks(workspace: string): {
  store: ReadStore;
  marks: ReadMarks;
  loaded: boolean;
} {
  const store = readStoreFor(useDeviceValues(), workspace);
  const marks = useSyncExternalStore(store.subscribe, store.marks);
  return { store, marks, loaded: store.loaded() };
}
