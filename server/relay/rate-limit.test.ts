import { describe, expect, it } from 'vitest';
import { KeyedBuckets, TokenBucket } from './rate-limit.ts';

describe('token buckets per key (docs/sync.md H1)', () => {
  it('H1: each key has its own burst and refill', () => {
    let now = 0;
    const buckets = new KeyedBuckets(() => new TokenBucket(3, 1, () => now));
    expect([1, 2, 3, 4].map(() => buckets.take('a'))).toEqual([true, true, true, false]);
    expect(buckets.take('b')).toBe(true);
    now = 1_000;
    expect(buckets.take('a')).toBe(true);
    expect(buckets.take('a')).toBe(false);
  });

  it('H1: a stranger cycling through keys costs bounded memory, and a busy key keeps its count', () => {
    let now = 0;
    const buckets = new KeyedBuckets(() => new TokenBucket(2, 0.001, () => now));
    expect(buckets.take('busy')).toBe(true);
    expect(buckets.take('busy')).toBe(true);
    for (let i = 0; i < 25_000; i++) {
      now++;
      buckets.take(`ip-${i}`);
      if (i % 1000 === 0) buckets.take('busy');
    }
    expect(buckets.take('busy')).toBe(false);
  });
});
