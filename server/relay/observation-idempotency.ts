import { createHash, randomUUID } from 'node:crypto';
import type { IdempotencyCompletion, IdempotencyStorage } from '../storage/idempotency-storage.ts';

/** How long a key is kept (MON7): a day, as the IETF draft's examples and Stripe's API do. */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
/**
 * How long a pending claim holds its key before a retry may take it over: its relay stopped
 * without committing (a claim whose batch committed is done, in the same transaction). Far longer
 * than a request takes, so that a relay still writing what it kept while storage failed (DR2)
 * commits first.
 */
export const IDEMPOTENCY_LEASE_MS = 10 * 60_000;

/** One request's key: whose, which, and a hash of what it asks. */
export interface IdempotentRequest {
  scope: string;
  key: string;
  fingerprint: string;
}

/** The answer a batch got, as kept and replayed. */
export interface ObservationAnswer {
  added: number;
  alerts: { id: string; metric: string; subgroup: string; action: string }[];
}

/** Why a key was refused, with the HTTP status (MON7; 409 and 422 as the IETF draft says). */
export class KeyRefusal extends Error {
  override name = 'KeyRefusal';
  readonly status: 409 | 422;
  constructor(status: 409 | 422, message: string) {
    super(message);
    this.status = status;
  }
}

/** The scope of a token's keys: two tokens' keys never meet, nor two workspaces'. */
export function keyScope(workspace: string, tokenId: string): string {
  return `${workspace}/${tokenId}`;
}

/** A hash of the record and the body as parsed (so whitespace and formatting do not count). */
export function requestFingerprint(recordId: string, body: unknown): string {
  return createHash('sha256')
    .update(`${recordId}\n${JSON.stringify(body)}`)
    .digest('base64url');
}

const MISMATCH =
  'this Idempotency-Key was already used with a different request (another record or body): use a new key for a new batch';
const BUSY = 'a request with this Idempotency-Key is still being processed: retry in a few seconds';

/**
 * The keys of one relay process: claims a key before a batch is applied, replays the first answer
 * of a done key, refuses a key reused for another request (MON7).
 */
export class ObservationKeys {
  readonly #storage: IdempotencyStorage;
  readonly #now: () => number;
  /** This process: a claim it holds is never taken over by its own retry. */
  readonly owner = `relay-${randomUUID()}`;
  /** Keys this process claimed and has not settled (applied, awaiting a commit that may be kept). */
  readonly #mine = new Set<string>();
  #purgedAt = 0;

  constructor(storage: IdempotencyStorage, now: () => number = Date.now) {
    this.#storage = storage;
    this.#now = now;
  }

  /** The kept answer, or a claim (`createdAt`) for the caller to apply and complete. */
  async claim(
    request: IdempotentRequest,
  ): Promise<{ replay: ObservationAnswer } | { createdAt: number }> {
    const id = `${request.scope}\n${request.key}`;
    const now = this.#now();
    await this.#purge(now);
    const outcome = this.#mine.has(id)
      ? await this.#storage
          .get(request.scope, request.key)
          .then((row) =>
            row?.state === 'done' && row.response !== null
              ? { state: 'done' as const, fingerprint: row.fingerprint, response: row.response }
              : { state: 'pending' as const, fingerprint: row?.fingerprint ?? request.fingerprint },
          )
      : await this.#storage.claim({
          ...request,
          owner: this.owner,
          now,
          expiredBefore: now - IDEMPOTENCY_TTL_MS,
          staleBefore: now - IDEMPOTENCY_LEASE_MS,
        });
    if (outcome.state === 'claimed') {
      this.#mine.add(id);
      return { createdAt: outcome.createdAt };
    }
    // A claim of this process whose batch was kept while storage failed is done once written.
    if (outcome.state === 'done') this.#mine.delete(id);
    if (outcome.fingerprint !== request.fingerprint) throw new KeyRefusal(422, MISMATCH);
    if (outcome.state === 'pending') throw new KeyRefusal(409, BUSY);
    return { replay: JSON.parse(outcome.response) as ObservationAnswer };
  }

  /** What marks the key done, committed with the batch. */
  completion(
    request: IdempotentRequest,
    createdAt: number,
    answer: ObservationAnswer,
  ): IdempotencyCompletion {
    return {
      ...request,
      owner: this.owner,
      createdAt,
      response: JSON.stringify(answer),
    };
  }

  /** The batch committed (or was refused before anything was applied: then `release`). */
  async settle(request: IdempotentRequest, outcome: 'committed' | 'release'): Promise<void> {
    if (outcome === 'release')
      await this.#storage.release(request.scope, request.key, this.owner).catch(() => {});
    this.#mine.delete(`${request.scope}\n${request.key}`);
  }

  /** Forgets expired keys, at most once an hour per process. */
  async #purge(now: number): Promise<void> {
    if (now - this.#purgedAt < 3_600_000) return;
    this.#purgedAt = now;
    await this.#storage.purge(now - IDEMPOTENCY_TTL_MS);
  }
}
