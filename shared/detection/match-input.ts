import type { Match, Matcher } from './matcher.ts';
import { normaliseHost } from './normalise-host.ts';

/**
 * Matches anything a log or a person gives — a URL, `host:port`, an IDN, garbage — by normalising
 * it first (tldts, punycode). Kept apart from the matcher so that code which already has clean
 * hostnames (the extension gets them from the browser) does not ship the public suffix list.
 */
export function matchInput(matcher: Matcher, input: unknown): Readonly<Match> | undefined {
  const normalised = normaliseHost(input);
  return normalised.kind === 'host' ? matcher.matchHostname(normalised.host) : undefined;
}
