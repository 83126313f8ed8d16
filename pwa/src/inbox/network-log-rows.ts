import type { Discovery } from '../../../shared/documents/discoveries/index.ts';
import type { ToolStatus } from '../../../shared/documents/policy/index.ts';
import type { NetworkLogDiscovery, TriageEntry } from '../../../shared/documents/registry/index.ts';
import { inboxRows, type InboxRow } from './inbox-rows.ts';

/** How a tool found in an imported log is described in "how found". */
export const NETWORK_LOG_WORDS = 'network log';

/** A discovery for a tool that only an imported log knows: nobody's extension reported it. */
function fromLog(entry: NetworkLogDiscovery): Discovery {
  return {
    toolKey: entry.toolKey,
    name: entry.name,
    category: entry.category,
    reporters: 0,
    // Without a time column the import's own time is the best "seen" there is.
    firstSeen: entry.firstSeen ?? entry.importedAt,
    lastSeen: entry.lastSeen ?? entry.importedAt,
    // Sightline first knew of it when the log was imported.
    firstReportedAt: entry.importedAt,
    signals: [],
    hosts: entry.hosts,
    embeddedIn: [],
    flagCount: 0,
    purposes: [],
    dataCategories: [],
  };
}

/** The relay's discovery widened by what the log saw: more hosts, and its times if it had them. */
function widened(discovery: Discovery, entry: NetworkLogDiscovery): Discovery {
  const merged: Discovery = {
    ...discovery,
    hosts: [...new Set([...discovery.hosts, ...entry.hosts])].sort(),
  };
  if (entry.firstSeen !== undefined) merged.firstSeen = Math.min(merged.firstSeen, entry.firstSeen);
  if (entry.lastSeen !== undefined) merged.lastSeen = Math.max(merged.lastSeen, entry.lastSeen);
  return merged;
}

/**
 * The inbox's rows from the relay's discoveries and the imported network logs together: a tool
 * only in a log gets a row of its own, a tool in both one row; either way "network log" is among
 * how it was found. Triage and status follow the tool key, as for any discovery.
 */
export function inboxRowsWithNetworkLog(
  discoveries: readonly Discovery[],
  networkLog: ReadonlyMap<string, NetworkLogDiscovery>,
  statuses: ReadonlyMap<string, ToolStatus>,
  triage: ReadonlyMap<string, TriageEntry> = new Map(),
): InboxRow[] {
  if (networkLog.size === 0) return inboxRows(discoveries, statuses, triage);
  const merged: Discovery[] = [];
  const known = new Set<string>();
  for (const discovery of discoveries) {
    known.add(discovery.toolKey);
    const entry = networkLog.get(discovery.toolKey);
    merged.push(entry ? widened(discovery, entry) : discovery);
  }
  for (const entry of networkLog.values())
    if (!known.has(entry.toolKey)) merged.push(fromLog(entry));
  return inboxRows(merged, statuses, triage).map((row) =>
    networkLog.has(row.toolKey) ? { ...row, howFound: [...row.howFound, NETWORK_LOG_WORDS] } : row,
  );
}
