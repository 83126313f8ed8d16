import type { Hocuspocus } from '@hocuspocus/server';
import type * as Y from 'yjs';

/**
 * Reads (or, with `write`, changes in one transaction) a document through a relay-side direct
 * connection: the relay's own copy, loaded from storage when no client holds it.
 */
export async function withRelayDocument<T>(
  hocuspocus: Hocuspocus,
  name: string,
  use: (doc: Y.Doc) => T,
  write = false,
): Promise<T> {
  const connection = await hocuspocus.openDirectConnection(name, { relay: true });
  try {
    let result: T | undefined;
    if (write) await connection.transact((doc) => void (result = use(doc)));
    else result = use(connection.document!);
    return result as T;
  } finally {
    await connection.disconnect();
  }
}

type DirectConnection = Awaited<ReturnType<Hocuspocus['openDirectConnection']>>;

/**
 * Relay-side connections kept open for a while after their last use: a burst of deliveries reads
 * and logs into one workspace's `W/admin` through one connection instead of loading the document
 * for each (with Redis, each load waits for the other relays' state).
 */
export class LingeringDocuments {
  readonly #lingerMs: number;
  readonly #open = new Map<
    string,
    { connection: Promise<DirectConnection>; users: number; timer?: ReturnType<typeof setTimeout> }
  >();

  constructor(lingerMs = 5_000) {
    this.#lingerMs = lingerMs;
  }

  async with<T>(
    hocuspocus: Hocuspocus,
    name: string,
    use: (doc: Y.Doc) => T,
    write = false,
  ): Promise<T> {
    let entry = this.#open.get(name);
    if (!entry) {
      entry = { connection: hocuspocus.openDirectConnection(name, { relay: true }), users: 0 };
      this.#open.set(name, entry);
    }
    if (entry.timer) clearTimeout(entry.timer);
    entry.users++;
    try {
      const connection = await entry.connection;
      let result: T | undefined;
      if (write) await connection.transact((doc) => void (result = use(doc)));
      else result = use(connection.document!);
      return result as T;
    } catch (error) {
      this.#open.delete(name);
      throw error;
    } finally {
      entry.users--;
      if (entry.users === 0 && this.#open.get(name) === entry) {
        const done = entry;
        done.timer = setTimeout(() => void this.#close(name, done), this.#lingerMs);
        done.timer.unref();
      }
    }
  }

  /** Closes every connection now. */
  async closeAll(): Promise<void> {
    await Promise.allSettled([...this.#open].map(([name, entry]) => this.#close(name, entry)));
  }

  async #close(
    name: string,
    entry: { connection: Promise<DirectConnection>; timer?: ReturnType<typeof setTimeout> },
  ) {
    if (entry.timer) clearTimeout(entry.timer);
    if (this.#open.get(name) === entry) this.#open.delete(name);
    await (await entry.connection).disconnect();
  }
}
