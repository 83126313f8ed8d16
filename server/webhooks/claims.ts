/**
 * Who sends an event (docs/sync.md HOOK8). Every relay that sees a change may notice the same
 * event (with Redis, each relay holding the document receives the change); the first to claim its
 * id sends it, the others drop it. Alone, a relay claims in memory; with `--redis`, with one
 * atomic `SET key 1 NX PX ttl` in the Redis the relays already share.
 */
export interface EventClaims {
  claim(eventId: string): Promise<boolean>;
}

/** How long an event id stays claimed: far longer than any retry schedule. */
export const CLAIM_TTL_MS = 7 * 86_400_000;

export class MemoryClaims implements EventClaims {
  readonly #claimed = new Map<string, number>();
  readonly #now: () => number;
  constructor(now: () => number = Date.now) {
    this.#now = now;
  }
  async claim(eventId: string): Promise<boolean> {
    const now = this.#now();
    const until = this.#claimed.get(eventId);
    if (until !== undefined && until > now) return false;
    this.#claimed.set(eventId, now + CLAIM_TTL_MS);
    if (this.#claimed.size > 100_000)
      for (const [id, expiry] of this.#claimed) if (expiry <= now) this.#claimed.delete(id);
    return true;
  }
}

/** The subset of an ioredis client used here (the Redis extension's publisher). */
export interface RedisSetNx {
  set(key: string, value: string, px: 'PX', ttl: number, nx: 'NX'): Promise<unknown>;
}

export class RedisClaims implements EventClaims {
  readonly #redis: RedisSetNx;
  constructor(redis: RedisSetNx) {
    this.#redis = redis;
  }
  async claim(eventId: string): Promise<boolean> {
    return (
      (await this.#redis.set(`sightline:hook:${eventId}`, '1', 'PX', CLAIM_TTL_MS, 'NX')) === 'OK'
    );
  }
}
