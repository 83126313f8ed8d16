import type { Matcher } from '../../shared/detection/matcher.ts';
import type { Sighting } from '../../shared/documents/report/schema.ts';
import { eventTime, sightingOf, webHostname } from './hostname.ts';

/**
 * The fields of `webRequest` details this needs. `initiator` is Chrome's origin of the page that
 * made the request (`"null"` when opaque); on Firefox pass `originUrl` — only its hostname is kept.
 */
export interface RequestDetails {
  url: string;
  initiator?: string;
  type: string;
  timeStamp: number;
  tabId: number;
}

/**
 * Hidden AI: a request to a catalogued host made from another site ("AI used inside <site>").
 * Counted: any API-host request (WebSocket ones too), and any other request to a catalogued web host except a
 * main-frame one (an embedded iframe, a fetch, a script). Not counted: main frames (navigation
 * records those as visits), requests with no initiator or an opaque one, initiators that are not
 * http(s) pages (other extensions, the browser), and a tool calling itself — an initiator whose
 * host belongs to the same tool, as when chatgpt.com loads from oaistatic.com.
 * Only hostnames are kept: the requested host, and the initiating site's as `embeddedIn`.
 */
export function sightingFromRequest(
  details: RequestDetails,
  matcher: Matcher,
): Sighting | undefined {
  if (details.type === 'main_frame') return undefined;
  const host = webHostname(details.url, { sockets: true });
  if (host === undefined) return undefined;
  const match = matcher.matchHostname(host);
  if (match === undefined) return undefined;
  const site = webHostname(details.initiator);
  if (site === undefined) return undefined;
  if (matcher.matchHostname(site)?.toolId === match.toolId) return undefined;
  const at = eventTime(details.timeStamp);
  if (at === undefined) return undefined;
  return sightingOf(match, 'api-call', at, site);
}
