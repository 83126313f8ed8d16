import { LIKELY_SCORE, scoreLikelyAi } from '../catalog/likely-ai/likely-ai.ts';
import { HOST_TOOL_KEY_PREFIX, hostToolKey } from '../documents/schema/values.ts';
import type { Match, Matcher } from './matcher.ts';

/**
 * The matcher with the likely-AI tier behind it: a host the catalog knows matches as before; a
 * host it does not know, whose name scores at least `minScore`, matches as `matchedBy: 'likely'`
 * under the tool key `host:<registrable domain>` (the key for hosts the catalog does not know),
 * category `other`, with its score and reasons. The catalog always wins.
 */
export function withLikelyAi(matcher: Matcher, minScore = LIKELY_SCORE): Matcher {
  return {
    ...matcher,
    matchHostname(host: string) {
      return matcher.matchHostname(host) ?? likelyMatch(host, minScore);
    },
  };
}

/** The likely-AI match of a host the catalog does not know, when its score reaches `minScore`. */
export function likelyMatch(host: string, minScore = LIKELY_SCORE): Match | undefined {
  const likely = scoreLikelyAi(host);
  if (likely === undefined || likely.score < minScore) return undefined;
  return {
    host,
    toolId: hostToolKey(likely.domain),
    toolName: likely.domain,
    category: 'other',
    matchedBy: 'likely',
    matchedHost: likely.domain,
    likely: { score: likely.score, reasons: likely.reasons },
  };
}

/**
 * Whether a recorded sighting came from the likely-AI tier: a host the catalog does not know
 * (`host:` key) recorded by detection — any signal but an employee's own flag.
 */
export function isLikelyAiSighting(toolKey: string, signal: string): boolean {
  return toolKey.startsWith(HOST_TOOL_KEY_PREFIX) && signal !== 'flag';
}
