import { describe, expect, it } from 'vitest';
import {
  BASE_BACKOFF_MS,
  EnrolmentFailure,
  MAX_BACKOFF_MS,
  MAX_RETRIES,
  MAX_RETRY_AFTER_MS,
  nextRetry,
  parseRetryAfter,
  retryDelayMs,
} from './enrol-retry.ts';

const NOW = Date.UTC(2026, 11, 7, 9, 0, 0);

describe('Retry-After (RFC 9110 §10.2.3)', () => {
  it('reads delay-seconds and an HTTP date', () => {
    expect(parseRetryAfter('60', NOW)).toBe(60_000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
    // The IMF-fixdate form of the RFC's own example, two minutes after NOW.
    expect(parseRetryAfter('Mon, 07 Dec 2026 09:02:00 GMT', NOW)).toBe(120_000);
    expect(parseRetryAfter('Mon, 07 Dec 2026 08:00:00 GMT', NOW)).toBe(0);
  });

  it('ignores what it cannot read, and bounds what is too long', () => {
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter('-5', NOW)).toBeUndefined();
    expect(parseRetryAfter('999999999', NOW)).toBe(MAX_RETRY_AFTER_MS);
  });
});

describe('the wait before a retry', () => {
  it('is never shorter than Retry-After, and spreads a random share of the backoff after it', () => {
    expect(retryDelayMs(0, 60_000, () => 0)).toBe(60_000);
    expect(retryDelayMs(0, 60_000, () => 0.5)).toBe(60_000 + BASE_BACKOFF_MS / 2);
    expect(retryDelayMs(0, undefined, () => 0.999)).toBeLessThan(BASE_BACKOFF_MS);
  });

  it('doubles its window per attempt, up to a bound', () => {
    const widest = (attempt: number) => retryDelayMs(attempt, undefined, () => 1);
    expect(widest(0)).toBe(BASE_BACKOFF_MS);
    expect(widest(1)).toBe(2 * BASE_BACKOFF_MS);
    expect(widest(3)).toBe(8 * BASE_BACKOFF_MS);
    expect(widest(20)).toBe(MAX_BACKOFF_MS);
  });

  it('is given for a busy or absent relay, never for a refused code, and at most MAX_RETRIES times', () => {
    const busy = new EnrolmentFailure('too many', true, 60_000);
    expect(nextRetry(busy, 0, NOW, () => 0)).toEqual({ at: NOW + 60_000, retry: 1 });
    expect(nextRetry(busy, MAX_RETRIES - 1, NOW, () => 0)?.retry).toBe(MAX_RETRIES);
    expect(nextRetry(busy, MAX_RETRIES, NOW, () => 0)).toBeUndefined();
    expect(nextRetry(new EnrolmentFailure('expired', false), 0, NOW, () => 0)).toBeUndefined();
    expect(nextRetry(new Error('the policy names a relay but no code'), 0, NOW, () => 0)).toBe(
      undefined,
    );
  });
});
