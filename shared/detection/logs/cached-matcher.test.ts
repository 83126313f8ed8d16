import { describe, expect, it } from 'vitest';
import type { Match, Matcher } from '../matcher.ts';
import { cachedMatcher } from './cached-matcher.ts';

/** A matcher that counts its lookups and knows one host. */
function counting() {
  const asked: string[] = [];
  const match = { host: 'chatgpt.com', toolId: 'openai-chatgpt' } as Match;
  const matcher = {
    matchHostname(host: string) {
      asked.push(host);
      return host === 'chatgpt.com' ? match : undefined;
    },
  } as Matcher;
  return { asked, matcher, match };
}

describe('the scan’s matcher cache', () => {
  it('asks once per host, for matches and misses alike, and answers the same', () => {
    const { asked, matcher, match } = counting();
    const cached = cachedMatcher(matcher);
    for (let i = 0; i < 3; i++) {
      expect(cached.matchHostname('chatgpt.com')).toBe(match);
      expect(cached.matchHostname('www.example.com')).toBeUndefined();
    }
    expect(asked).toEqual(['chatgpt.com', 'www.example.com']);
  });

  it('holds at most `size` hosts, starting afresh when full', () => {
    const { asked, matcher } = counting();
    const cached = cachedMatcher(matcher, 2);
    for (const host of ['a.example', 'b.example', 'c.example', 'a.example'])
      cached.matchHostname(host);
    expect(asked).toEqual(['a.example', 'b.example', 'c.example', 'a.example']);
  });
});
