import { describe, expect, it } from 'vitest';
import { personShown, relativeTime } from './record-words.ts';

const NOW = Date.UTC(2026, 2, 10, 12);

describe('record words', () => {
  it('says how long ago, in words', () => {
    expect(relativeTime(NOW - 10_000, NOW)).toBe('just now');
    expect(relativeTime(NOW - 5 * 60_000, NOW)).toBe('5 minutes ago');
    expect(relativeTime(NOW - 3 * 3_600_000, NOW)).toBe('3 hours ago');
    expect(relativeTime(NOW - 86_400_000, NOW)).toBe('yesterday');
    expect(relativeTime(NOW - 15 * 86_400_000, NOW)).toBe('2 weeks ago');
    expect(relativeTime(NOW - 400 * 86_400_000, NOW)).toBe('last year');
    expect(relativeTime(NOW + 2 * 3_600_000, NOW)).toBe('in 2 hours');
  });

  it('shortens token ids and keeps names', () => {
    expect(personShown('3f2c1a9b'.repeat(4))).toBe('token 3f2c1a9b');
    expect(personShown('lead')).toBe('lead');
    expect(personShown('')).toBe('someone');
  });
});
