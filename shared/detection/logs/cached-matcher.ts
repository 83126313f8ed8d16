import type { Match, Matcher } from '../matcher.ts';

/**
 * A matcher that remembers its answers for up to `size` hostnames. A log repeats a few thousand
 * hosts millions of times, and the likely-AI tier splits every name the catalog does not know
 * into words — far dearer than the catalog's lookup — so a scan asks once per host. Bounded:
 * when full it starts afresh, so memory stays flat whatever the log.
 */
export function cachedMatcher(matcher: Matcher, size = 50_000): Matcher {
  let answers = new Map<string, Readonly<Match> | null>();
  return {
    ...matcher,
    matchHostname(host) {
      const known = answers.get(host);
      if (known !== undefined) return known ?? undefined;
      const match = matcher.matchHostname(host);
      if (answers.size >= size) answers = new Map();
      answers.set(host, match ?? null);
      return match;
    },
  };
}
