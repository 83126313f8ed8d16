import type { Hocuspocus } from '@hocuspocus/server';

/** What `openDirectConnection` gives (the package's exported DirectConnection is a narrower interface). */
type DirectConnection = Awaited<ReturnType<Hocuspocus['openDirectConnection']>>;

/**
 * The relay's own connections to the documents it derives into or reads from (a workspace's
 * discoveries and policy), held open while reports keep arriving and closed after `idleMs`
 * without use. Closing a direct connection stores the document at once — a full compaction, and
 * with Redis a store lock and a second's wait (the Redis extension's `disconnectDelay`) — and
 * unloads it when nobody else has it open, so the next write loads it again: done per write, the
 * fleet benchmark measured those waits as most of the time from a sighting to a lead (docs/deploy.md
 * Capacity). Held, a write only changes the loaded document: its update is logged at once like
 * every change the relay makes (docs/sync.md DR1), and compaction runs debounced as for any
 * document in use.
 */
export class HeldDocuments {
  readonly #idleMs: number;
  readonly #held = new Map<string, Held>();

  constructor(idleMs: number) {
    this.#idleMs = idleMs;
  }

  /** Runs `work` on the open connection to `documentName`, opened if need be. */
  async use<T>(
    instance: Hocuspocus,
    documentName: string,
    work: (connection: DirectConnection) => Promise<T> | T,
  ): Promise<T> {
    let entry = this.#held.get(documentName);
    if (!entry) {
      const connection = instance.openDirectConnection(documentName, { relay: true });
      entry = { connection, users: 0, timer: undefined };
      this.#held.set(documentName, entry);
    }
    const held = entry;
    clearTimeout(held.timer);
    held.users++;
    try {
      return await work(await held.connection);
    } catch (error) {
      // A document that could not load (storage failing) is opened afresh next time.
      if (this.#held.get(documentName) === held && !(await settled(held.connection)))
        this.#held.delete(documentName);
      throw error;
    } finally {
      held.users--;
      // The idle clock starts when the last user is done, so no write is cut off midway.
      if (held.users === 0 && this.#held.get(documentName) === held) {
        held.timer = setTimeout(() => void this.#close(documentName, held), this.#idleMs);
        held.timer.unref();
      }
    }
  }

  async #close(documentName: string, held: Held): Promise<void> {
    if (this.#held.get(documentName) !== held || held.users > 0) return;
    this.#held.delete(documentName);
    clearTimeout(held.timer);
    const connection = await held.connection.catch(() => undefined);
    await connection?.disconnect();
  }

  /** Closes every held connection (the relay is stopping). */
  async closeAll(): Promise<void> {
    await Promise.all([...this.#held].map(([name, held]) => this.#close(name, held)));
  }
}

interface Held {
  connection: Promise<DirectConnection>;
  /** Writes and reads under way on it: it is not closed while there are any. */
  users: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** Whether the connection opened (false: its document could not load). */
const settled = (connection: Promise<DirectConnection>) =>
  connection.then(
    () => true,
    () => false,
  );
