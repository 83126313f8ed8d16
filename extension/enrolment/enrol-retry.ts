/**
 * When an enrolment by the browser's policy is tried again (docs/extension.md, "Enrolment
 * retries"). A company's policy reaches thousands of browsers within minutes, many behind one
 * address, and the relay answers past its per-address allowance with 429 and Retry-After (H1):
 * each browser waits at least what the relay asked, plus a random share of an exponential
 * backoff, so that they do not all come back in the same second — and gives up after
 * MAX_RETRIES, until the next start-up or policy change.
 */

/** First backoff window; each further retry doubles it, up to MAX_BACKOFF_MS. */
export const BASE_BACKOFF_MS = 30_000;
export const MAX_BACKOFF_MS = 30 * 60_000;
/** A Retry-After above this (a misconfigured or hostile relay) is taken as this. */
export const MAX_RETRY_AFTER_MS = 60 * 60_000;
export const MAX_RETRIES = 8;

/**
 * An enrolment the relay did not take, and whether trying again later may work: a 429 (with the
 * wait it asked for), a 5xx, or no answer at all. A refused code (401, 403) will not.
 */
export class EnrolmentFailure extends Error {
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(message: string, retryable: boolean, retryAfterMs?: number) {
    super(message);
    this.name = 'EnrolmentFailure';
    this.retryable = retryable;
    this.retryAfterMs = retryAfterMs;
  }
}

/**
 * Retry-After in milliseconds from now: delay-seconds or an HTTP date (RFC 9110 §10.2.3);
 * undefined when absent or unreadable, bounded by MAX_RETRY_AFTER_MS.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  let ms: number;
  if (/^\d+$/.test(text)) ms = Number(text) * 1000;
  else {
    // An HTTP date ends in GMT; Date.parse alone would take "-5" for a year.
    const at = /\bGMT$/.test(text) ? Date.parse(text) : NaN;
    if (Number.isNaN(at)) return undefined;
    ms = Math.max(0, at - now);
  }
  return Math.min(ms, MAX_RETRY_AFTER_MS);
}

/**
 * How long to wait before retry number `attempt` (0 for the first): never less than the relay's
 * Retry-After, plus a uniformly random share of the backoff window (full jitter), which doubles
 * per attempt from BASE_BACKOFF_MS up to MAX_BACKOFF_MS. `random` returns [0, 1).
 */
export function retryDelayMs(
  attempt: number,
  retryAfterMs: number | undefined,
  random: () => number,
): number {
  const window = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempt));
  return Math.round((retryAfterMs ?? 0) + random() * window);
}

/** The next retry, or undefined when the failure is final or the retries are used up. */
export function nextRetry(
  error: unknown,
  retriesSoFar: number,
  now: number,
  random: () => number,
): { at: number; retry: number } | undefined {
  if (!(error instanceof EnrolmentFailure) || !error.retryable) return undefined;
  if (retriesSoFar >= MAX_RETRIES) return undefined;
  return {
    at: now + retryDelayMs(retriesSoFar, error.retryAfterMs, random),
    retry: retriesSoFar + 1,
  };
}
