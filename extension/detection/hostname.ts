import type { Match } from '../../shared/detection/matcher.ts';
import type { Signal, Sighting } from '../../shared/documents/report/schema.ts';
import { isHost, MAX_TIMESTAMP } from '../../shared/documents/schema/values.ts';

const WEB = new Set(['http:', 'https:']);
// webRequest also sees WebSocket requests (a realtime AI API), with ws: and wss: URLs.
const WEB_AND_SOCKETS = new Set(['http:', 'https:', 'ws:', 'wss:']);

/**
 * The hostname of an http(s) URL or origin, and nothing else: no scheme, credentials, port, path,
 * query or fragment survives. Lower case, punycode for IDN (the URL parser does both), without a
 * trailing dot. Anything that is not a web address (chrome:, file:, data:, about:, `null`, garbage)
 * gives undefined; ws: and wss: only with `sockets`. Never throws.
 */
export function webHostname(url: unknown, { sockets = false } = {}): string | undefined {
  if (typeof url !== 'string' || url.length === 0) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (!(sockets ? WEB_AND_SOCKETS : WEB).has(parsed.protocol)) return undefined;
  const host = parsed.hostname.replace(/\.+$/, '').toLowerCase();
  // The parser already refuses most junk; isHost is the same check the documents make, so what
  // leaves here is always storable.
  return isHost(host) ? host : undefined;
}

/**
 * A browser event time (epoch ms, often fractional) as the whole milliseconds a sighting stores,
 * or undefined when it is not a usable time.
 */
export function eventTime(timeStamp: unknown): number | undefined {
  if (typeof timeStamp !== 'number' || !Number.isFinite(timeStamp)) return undefined;
  const at = Math.floor(timeStamp);
  return at >= 0 && at <= MAX_TIMESTAMP ? at : undefined;
}

/** A sighting of a matched host: the tool, its hostname, the signal and the time — nothing else. */
export function sightingOf(
  match: Match,
  signal: Signal,
  at: number,
  embeddedIn?: string,
): Sighting {
  return {
    toolKey: match.toolId,
    name: match.toolName,
    category: match.category,
    host: match.host,
    signal,
    ...(embeddedIn === undefined ? {} : { embeddedIn }),
    at,
  };
}
