import type { Matcher } from '../../shared/detection/matcher.ts';
import type { Sighting } from '../../shared/documents/report/schema.ts';
import { eventTime, sightingOf, webHostname } from './hostname.ts';

/** The fields of `webNavigation` details this needs (onCommitted or onCompleted). */
export interface NavigationDetails {
  url: string;
  frameId: number;
  timeStamp: number;
}

/**
 * A visit: a top-level http(s) navigation to a catalogued host (an API host visited directly
 * counts too). Subframes are left to `sightingFromRequest`, which knows the embedding site.
 * Only the hostname is kept: the URL's path, query, fragment, port and credentials never are.
 */
export function sightingFromNavigation(
  details: NavigationDetails,
  matcher: Matcher,
): Sighting | undefined {
  if (details.frameId !== 0) return undefined;
  const host = webHostname(details.url);
  if (host === undefined) return undefined;
  const match = matcher.matchHostname(host);
  if (match === undefined) return undefined;
  const at = eventTime(details.timeStamp);
  if (at === undefined) return undefined;
  return sightingOf(match, 'visit', at);
}
