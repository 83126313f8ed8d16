/**
 * Logs what strangers make the relay refuse without letting them write the log (docs/sync.md
 * H15): the first refusal of an offender (an IP address) in a minute is one line; the rest of that
 * minute are counted and summed up in one line when the minute ends. Lines never hold a token.
 */
export class LogLimiter {
  readonly #windowMs: number;
  readonly #write: (line: string) => void;
  readonly #now: () => number;
  readonly #counted: ((what: string) => void) | undefined;
  readonly #offenders = new Map<string, { since: number; counts: Map<string, number> }>();
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    options: {
      windowMs?: number;
      write?: (line: string) => void;
      now?: () => number;
      /** Told of every refusal, logged or not (metrics, OPS1). */
      counted?: (what: string) => void;
    } = {},
  ) {
    this.#counted = options.counted;
    this.#windowMs = options.windowMs ?? 60_000;
    this.#write = options.write ?? ((line) => console.warn(line));
    this.#now = options.now ?? Date.now;
  }

  /** Notes that `offender` was refused for `what` (a short fixed phrase, never input). */
  refused(offender: string, what: string): void {
    this.#counted?.(what);
    const now = this.#now();
    const entry = this.#offenders.get(offender);
    if (entry && now - entry.since < this.#windowMs) {
      entry.counts.set(what, (entry.counts.get(what) ?? 0) + 1);
      return;
    }
    if (entry) this.#summarise(offender, entry);
    this.#offenders.set(offender, { since: now, counts: new Map() });
    this.#write(`relay: refused ${offender}: ${what}`);
    this.#timer ??= setInterval(() => this.flush(), this.#windowMs).unref();
  }

  /** Writes the summary of every offender whose minute has ended (all of them with `all`). */
  flush(all = false): void {
    const now = this.#now();
    for (const [offender, entry] of this.#offenders) {
      if (!all && now - entry.since < this.#windowMs) continue;
      this.#summarise(offender, entry);
      this.#offenders.delete(offender);
    }
    if (this.#offenders.size === 0 && this.#timer) {
      clearInterval(this.#timer);
      this.#timer = undefined;
    }
  }

  #summarise(offender: string, entry: { counts: Map<string, number> }) {
    if (entry.counts.size === 0) return;
    const parts = [...entry.counts].map(([what, count]) => `${count} × ${what}`);
    this.#write(`relay: refused ${offender} again within a minute: ${parts.join(', ')}`);
  }

  close(): void {
    this.flush(true);
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
