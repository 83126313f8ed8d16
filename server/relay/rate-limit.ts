/** A token bucket: `burst` at most, refilled at `perSecond`. */
export class TokenBucket {
  #tokens: number;
  #last: number;
  readonly #burst: number;
  readonly #perSecond: number;
  readonly #now: () => number;

  constructor(
    burst: number,
    perSecond: number,
    now: () => number = performance.now.bind(performance),
  ) {
    this.#burst = burst;
    this.#perSecond = perSecond;
    this.#now = now;
    this.#tokens = burst;
    this.#last = now();
  }

  /** Takes `cost` tokens; false when there are not enough (and takes none). */
  take(cost = 1): boolean {
    const now = this.#now();
    this.#tokens = Math.min(
      this.#burst,
      this.#tokens + ((now - this.#last) / 1000) * this.#perSecond,
    );
    this.#last = now;
    if (this.#tokens < cost) return false;
    this.#tokens -= cost;
    return true;
  }
}

export interface ConnectionLimits {
  /** Largest WebSocket message accepted, in bytes (L1); a larger one closes the connection. */
  maxMessageBytes: number;
  /** Most documents open on one connection (L2). */
  maxDocumentsPerConnection: number;
  /** Messages per second, sustained and in a burst (L3). */
  messagesPerSecond: number;
  messageBurst: number;
  /** Bytes per second, sustained and in a burst (L3). */
  bytesPerSecond: number;
  byteBurst: number;
}

export const DEFAULT_LIMITS: ConnectionLimits = {
  maxMessageBytes: 16 * 1024 * 1024,
  maxDocumentsPerConnection: 200,
  messagesPerSecond: 300,
  messageBurst: 2_000,
  bytesPerSecond: 4 * 1024 * 1024,
  byteBurst: 32 * 1024 * 1024,
};
