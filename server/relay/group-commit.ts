import type { IdempotencyCompletion } from '../storage/idempotency-storage.ts';
import type { DocumentStorage } from '../storage/relay-storage.ts';
import type { StorageHealth } from './storage-health.ts';

interface Entry {
  document: string;
  update: Uint8Array;
  /** A client waits for this one: it is acknowledged only once `resolve` ran (DR1). */
  resolve?: (seq: number) => void;
  reject?: (reason: unknown) => void;
  onCommitted?: (seq: number) => void;
}

/**
 * Group commit (docs/sync.md DR5): every update that arrives while one loop turn runs is appended
 * in one transaction — one fsync, one COMMIT — at the end of the turn, and only then are their
 * senders told. One transaction is in flight at a time: what arrives meanwhile waits for it and
 * goes in the next, so a slower store (Postgres over the network) makes batches larger, not more.
 * A failed commit marks storage failing (DR2): the waiting clients are refused; updates nobody
 * waits for (the relay's own changes, those from another relay process) are kept in memory and
 * written by the health probe, which is how the relay learns that storage works again.
 */
export class GroupCommitLog {
  readonly #store: DocumentStorage;
  #queue: Entry[] = [];
  #retained: Entry[] = [];
  /** Idempotency keys to mark done in the commit of the updates queued with them (MON7). */
  #completions: IdempotencyCompletion[] = [];
  #retainedCompletions: IdempotencyCompletion[] = [];
  #holding = 0;
  #scheduled = false;
  #inFlight: Promise<void> | undefined;
  #health: StorageHealth | undefined;
  #commits = 0;

  constructor(store: DocumentStorage) {
    this.#store = store;
  }

  /** Set once, after the health monitor exists (it probes through `writeRetained`). */
  attach(health: StorageHealth): void {
    this.#health = health;
  }

  /** Resolves with the update's sequence number once it is durable; rejects when it is not. */
  append(document: string, update: Uint8Array): Promise<number> {
    if (this.#health && !this.#health.ok) return Promise.reject(this.#health.refusal());
    return new Promise((resolve, reject) => {
      this.#queue.push({ document, update, resolve, reject });
      this.#schedule();
    });
  }

  /** Queues an update nobody waits for; `onCommitted` runs once it is durable. */
  appendInBackground(
    document: string,
    update: Uint8Array,
    onCommitted?: (seq: number) => void,
  ): void {
    this.#queue.push({ document, update, ...(onCommitted ? { onCommitted } : {}) });
    this.#schedule();
  }

  /**
   * Runs `change` — which must change documents synchronously, so that their updates are queued
   * before it returns — and queues what `completion` then returns, so that the updates and the
   * completion go to the store in one transaction (MON7): no commit starts while `change` runs.
   */
  together(change: () => void, completion: () => IdempotencyCompletion | undefined): void {
    this.#holding++;
    try {
      change();
    } finally {
      // Even when `change` failed part-way: what it applied must not be applied again.
      const done = completion();
      if (done) this.#completions.push(done);
      this.#holding--;
    }
    this.#schedule();
  }

  /**
   * Commits everything queued now (the end of a loop turn, or before loading, compaction and
   * shutdown); resolves when it and any commit before it are done, whether they succeeded or not.
   */
  async flush(): Promise<void> {
    this.#scheduled = false;
    while (this.#inFlight) await this.#inFlight;
    // Inside `together`: its updates and completion are committed together, once it returns.
    if (this.#holding > 0) return;
    if (this.#queue.length === 0 && this.#completions.length === 0) return;
    const batch = this.#queue;
    const completions = this.#completions;
    this.#queue = [];
    this.#completions = [];
    this.#inFlight = this.#commit(batch, completions).finally(() => (this.#inFlight = undefined));
    await this.#inFlight;
  }

  /** Commits what is queued now; throws the refusal when it could not (storage failing). */
  async flushDurably(): Promise<void> {
    await this.flush();
    if (this.#health && !this.#health.ok) throw this.#health.refusal();
  }

  /** How many transactions committed so far (for the benchmark and diagnostics). */
  get commits(): number {
    return this.#commits;
  }

  /**
   * The health probe: writes what was kept while storage failed, or a probe row. Rejects while
   * storage still fails.
   */
  async writeRetained(): Promise<void> {
    if (this.#retained.length === 0 && this.#retainedCompletions.length === 0) {
      await this.#store.probe();
      return;
    }
    const written = this.#retained;
    const completions = this.#retainedCompletions;
    this.#retained = [];
    this.#retainedCompletions = [];
    let seqs: number[];
    try {
      seqs = await this.#store.appendMany(written, completions);
    } catch (error) {
      this.#retained = [...written, ...this.#retained];
      this.#retainedCompletions = [...completions, ...this.#retainedCompletions];
      throw error;
    }
    written.forEach((entry, i) => settle(entry, seqs[i]!));
  }

  /** How many updates nobody waits for are still only in memory (for tests and diagnostics). */
  get retained(): number {
    return this.#retained.length;
  }

  async #commit(batch: Entry[], completions: IdempotencyCompletion[]): Promise<void> {
    if (this.#health && !this.#health.ok) {
      this.#refuse(batch, completions);
      return;
    }
    let seqs: number[];
    try {
      seqs = await this.#store.appendMany(batch, completions);
    } catch (error) {
      this.#health?.fail(error);
      this.#refuse(batch, completions);
      return;
    }
    this.#commits++;
    batch.forEach((entry, i) => settle(entry, seqs[i]!));
  }

  #refuse(batch: Entry[], completions: IdempotencyCompletion[]): void {
    // A completion goes with the relay's own updates, which are kept: it is kept with them.
    this.#retainedCompletions.push(...completions);
    const refusal = this.#health?.refusal() ?? new Error('storage unavailable');
    for (const entry of batch) {
      if (entry.reject) entry.reject(refusal);
      else this.#retained.push(entry);
    }
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => void this.flush());
  }
}

function settle(entry: Entry, seq: number): void {
  entry.resolve?.(seq);
  entry.onCommitted?.(seq);
}
