import { inspect } from 'node:util';
import { STORAGE_UNAVAILABLE_CODE } from '../../shared/sync/close-codes.ts';

/** Why the relay refuses a write while its storage fails: a plain object, so logs show one line. */
export interface StorageRefusal {
  code: number;
  reason: string;
}

/** A refusal that logs as one line, whatever logs it (Hocuspocus logs what a hook throws). */
export function refusal(code: number, reason: string): StorageRefusal {
  const value = { code, reason };
  Object.defineProperty(value, inspect.custom, { value: () => `${code} ${reason}` });
  return value;
}

export type HealthState = { ok: true } | { ok: false; reason: string; since: number };

/**
 * Whether the relay's storage works (docs/sync.md DR2–DR3). The first failed write marks it failing;
 * from then on writes are refused without touching the disk, and a probe retries every
 * `probeIntervalMs` until a write succeeds again, when the relay recovers by itself.
 */
export class StorageHealth {
  #state: HealthState = { ok: true };
  #timer: NodeJS.Timeout | undefined;
  readonly #probe: () => Promise<void>;
  #probing: Promise<boolean> | undefined;
  readonly #probeIntervalMs: number;
  readonly #log: (line: string) => void;
  #watch: NodeJS.Timeout | undefined;

  /**
   * `probe` performs a small real write and throws when storage still fails. With `watchMs`, it
   * also runs that often while storage works, so that a database that went away is reported
   * (health, metrics) before a client's write meets it (PG9: a relay with nothing to write).
   */
  constructor(
    probe: () => Promise<void>,
    options: { probeIntervalMs?: number; watchMs?: number; log?: (line: string) => void } = {},
  ) {
    this.#probe = probe;
    this.#probeIntervalMs = options.probeIntervalMs ?? 1_000;
    this.#log = options.log ?? ((line) => console.error(line));
    if (options.watchMs !== undefined) {
      this.#watch = setInterval(() => {
        if (this.#state.ok) this.#probe().catch((error: unknown) => this.fail(error));
      }, options.watchMs);
      this.#watch.unref();
    }
  }

  get state(): HealthState {
    return this.#state;
  }

  get ok(): boolean {
    return this.#state.ok;
  }

  /** The refusal a client is told while storage fails. */
  refusal(): StorageRefusal {
    const reason = this.#state.ok ? 'storage unavailable' : this.#state.reason;
    return refusal(STORAGE_UNAVAILABLE_CODE, `${reason}; retry later`.slice(0, 120));
  }

  /** Records a failed write; logs once per outage, never a stack trace. */
  fail(error: unknown): void {
    if (!this.#state.ok) return;
    const reason = `storage unavailable: ${describe(error)}`;
    this.#state = { ok: false, reason, since: Date.now() };
    this.#log(`sightline relay: ${reason}; refusing writes until storage works again`);
    this.#timer = setInterval(() => void this.probeNow(), this.#probeIntervalMs);
    this.#timer.unref();
  }

  /** Tries the probe write now (one at a time); on success the relay is healthy again. */
  probeNow(): Promise<boolean> {
    if (this.#state.ok) return Promise.resolve(true);
    this.#probing ??= this.#tryProbe().finally(() => (this.#probing = undefined));
    return this.#probing;
  }

  async #tryProbe(): Promise<boolean> {
    try {
      await this.#probe();
    } catch {
      return false;
    }
    if (this.#state.ok) return true;
    const downMs = Date.now() - this.#state.since;
    this.#state = { ok: true };
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#log(`sightline relay: storage works again after ${Math.round(downMs / 1000)} s`);
    return true;
  }

  stop(): void {
    clearInterval(this.#watch);
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}

/** The error's own message (SQLite's are short and carry no paths), bounded. */
function describe(error: unknown): string {
  const message =
    typeof error === 'object' && error !== null && 'message' in error
      ? String((error as { message: unknown }).message)
      : String(error);
  return message.replace(/\s+/g, ' ').slice(0, 80);
}
