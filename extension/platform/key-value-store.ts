/** The slice of extension storage the features use; the real one wraps chrome.storage. */
export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

interface StorageAreaLike {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export function browserKeyValueStore(area: StorageAreaLike): KeyValueStore {
  return {
    async get<T>(key: string) {
      return (await area.get(key))[key] as T | undefined;
    },
    set: (key, value) => area.set({ [key]: value }),
    remove: (key) => area.remove(key),
  };
}

/** In-memory fake for unit tests. */
export function memoryKeyValueStore(initial: Record<string, unknown> = {}): KeyValueStore & {
  snapshot(): Record<string, unknown>;
} {
  const data = new Map(Object.entries(structuredClone(initial)));
  return {
    async get<T>(key: string) {
      return structuredClone(data.get(key)) as T | undefined;
    },
    async set(key, value) {
      data.set(key, structuredClone(value));
    },
    async remove(key) {
      data.delete(key);
    },
    snapshot: () => Object.fromEntries(data),
  };
}
