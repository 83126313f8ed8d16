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
  /** Most document connections one token may hold over all its sockets (H11). */
  maxDocumentsPerToken: number;
  /** Most document connections from one IP address (H11; generous: a company may share one). */
  maxDocumentsPerIp: number;
  /** Most sockets one token may have authenticated at once (H11). */
  maxSocketsPerToken: number;
  /** Most open sockets from one IP address (H12). */
  maxSocketsPerIp: number;
  /** Most sockets from one IP address that have not yet authenticated anything (H12). */
  maxUnauthenticatedSocketsPerIp: number;
  /** A socket that authenticates nothing within this long is closed (H12). */
  unauthenticatedTimeoutMs: number;
  /** Most bytes one socket may send before it has authenticated (H12). */
  maxUnauthenticatedQueueBytes: number;
  /** Most bytes a member's report may hold (H13). */
  maxReportBytes: number;
  /** Most bytes any other document (policy, registry, an assessment) may hold (H13). */
  maxDocumentBytes: number;
  /** Most bytes all of a workspace's documents may hold together (H13). */
  maxWorkspaceBytes: number;
  /** Largest presence state of one client, JSON-encoded (H6). */
  maxPresenceBytes: number;
  /** Enrolments per IP address: sustained per second, and in a burst (H1). */
  enrolmentsPerIpPerSecond: number;
  enrolmentIpBurst: number;
  /** Enrolments per enrolment code: sustained per second, and in a burst (H1). */
  enrolmentsPerCodePerSecond: number;
  enrolmentCodeBurst: number;
  /** An HTTP request must send its headers within this long, and all of it within the next (H14). */
  httpHeadersTimeoutMs: number;
  httpRequestTimeoutMs: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: ConnectionLimits = {
  maxMessageBytes: 16 * MiB,
  maxDocumentsPerConnection: 200,
  messagesPerSecond: 300,
  messageBurst: 2_000,
  bytesPerSecond: 4 * MiB,
  byteBurst: 32 * MiB,
  maxDocumentsPerToken: 600,
  maxDocumentsPerIp: 20_000,
  maxSocketsPerToken: 20,
  maxSocketsPerIp: 10_000,
  maxUnauthenticatedSocketsPerIp: 100,
  unauthenticatedTimeoutMs: 10_000,
  maxUnauthenticatedQueueBytes: 1 * MiB,
  // A year of one extension's sightings is about 60 kB (shared/documents/report/size.test.ts).
  maxReportBytes: 4 * MiB,
  maxDocumentBytes: 256 * MiB,
  maxWorkspaceBytes: 2048 * MiB,
  maxPresenceBytes: 4 * 1024,
  enrolmentsPerIpPerSecond: 1,
  enrolmentIpBurst: 100,
  enrolmentsPerCodePerSecond: 2,
  enrolmentCodeBurst: 500,
  httpHeadersTimeoutMs: 5_000,
  httpRequestTimeoutMs: 10_000,
};

const MAX_KEYS = 10_000;

/**
 * One token bucket per key (an IP address, a token id), made on first use. At most `MAX_KEYS`
 * are kept, least recently used first out (a Map keeps insertion order; a key used moves to the
 * end), so a stranger cycling through keys costs bounded memory and constant time per request.
 */
export class KeyedBuckets {
  readonly #buckets = new Map<string, TokenBucket>();
  readonly #makeBucket: () => TokenBucket;

  /** `makeBucket` makes the bucket a key gets on first use, e.g. `() => new TokenBucket(100, 1)`. */
  constructor(makeBucket: () => TokenBucket) {
    this.#makeBucket = makeBucket;
  }

  take(key: string, cost = 1): boolean {
    let bucket = this.#buckets.get(key);
    if (bucket) this.#buckets.delete(key);
    else {
      if (this.#buckets.size >= MAX_KEYS) this.#buckets.delete(this.#buckets.keys().next().value!);
      bucket = this.#makeBucket();
    }
    this.#buckets.set(key, bucket);
    return bucket.take(cost);
  }
}
