import type * as Y from 'yjs';
import type { Category } from '../../catalog/schema.ts';
import { addProblem } from '../schema/problems.ts';
import { readEnum, readNumber, readString, readTimestamp, topMap } from '../schema/read.ts';
import { readRecords, readStringSet } from '../schema/read-lists.ts';
import { CATEGORIES } from '../../catalog/schema.ts';
import { isCategory, isHost, isToolKey } from '../schema/values.ts';
import { ensureWritable } from '../schema/version.ts';
import { checkText, checkTimestamp, childMap, setIfChanged } from '../schema/write.ts';
import { MAX_PERSON, REGISTRY_SCHEMA } from './schema.ts';

/**
 * Discoveries imported from network logs (proxy or DNS exports matched on a lead's device), kept in
 * the registry because only leads write them and the relay's discoveries have one writer:
 *
 *   networkLog  toolKey → { name, category, hosts: host → true, lines, firstSeen?, lastSeen?,
 *                           importedBy, importedAt }
 *
 * Only hostnames are kept — never a URL's path or query. Importing again merges: hosts are a
 * set (concurrent imports merge), lines add up, first and last seen widen, the latest import
 * names who and when. Re-importing the same file counts its lines twice.
 */
export const NETWORK_LOG = 'networkLog';
export const MAX_LOG_HOSTS = 50;
export const MAX_LOG_NAME = 100;
/** More than the catalog has tools: one import cannot write an unbounded number of entries. */
export const MAX_LOG_FINDINGS = 5000;

/** What one import found for one tool. */
export interface NetworkLogFinding {
  toolKey: string;
  name: string;
  category: Category;
  /** Hostnames only (lower case, no port, path or query). */
  hosts: string[];
  /** Log lines that matched the tool. */
  lines: number;
  /** When the log has a time column. */
  firstSeen?: number;
  lastSeen?: number;
}

/** Every import of a tool together, as read back. */
export interface NetworkLogDiscovery extends NetworkLogFinding {
  /** Sorted. */
  hosts: string[];
  importedBy: string;
  importedAt: number;
}

export interface NetworkLog {
  /** In toolKey order. */
  tools: Map<string, NetworkLogDiscovery>;
  problems: string[];
}

function checkFinding(f: NetworkLogFinding): void {
  if (!isToolKey(f.toolKey)) throw new RangeError('not a tool key');
  checkText('name', f.name, { min: 1, max: MAX_LOG_NAME });
  if (!isCategory(f.category)) throw new RangeError('unknown category');
  if (
    !Array.isArray(f.hosts) ||
    f.hosts.length === 0 ||
    f.hosts.length > MAX_LOG_HOSTS ||
    !f.hosts.every(isHost)
  ) {
    throw new RangeError(`hosts must be 1–${MAX_LOG_HOSTS} hostnames (no paths or ports)`);
  }
  if (typeof f.lines !== 'number' || !Number.isSafeInteger(f.lines) || f.lines < 1) {
    throw new RangeError('lines must be a whole number ≥ 1');
  }
  if (f.firstSeen !== undefined) checkTimestamp('firstSeen', f.firstSeen);
  if (f.lastSeen !== undefined) checkTimestamp('lastSeen', f.lastSeen);
  if ((f.firstSeen === undefined) !== (f.lastSeen === undefined)) {
    throw new RangeError('firstSeen and lastSeen come together');
  }
  if (f.firstSeen !== undefined && f.firstSeen > f.lastSeen!) {
    throw new RangeError('firstSeen is after lastSeen');
  }
}

const earlier = (a: unknown, b: number) => (typeof a === 'number' && a < b ? a : b);
const later = (a: unknown, b: number) => (typeof a === 'number' && a > b ? a : b);

/**
 * Merges one import's findings into the registry. Every finding is checked first: on bad input
 * it throws a clear error and changes nothing.
 */
export function importNetworkLog(
  doc: Y.Doc,
  findings: readonly NetworkLogFinding[],
  { importedBy, importedAt }: { importedBy: string; importedAt: number },
): void {
  if (!Array.isArray(findings) || findings.length > MAX_LOG_FINDINGS) {
    throw new RangeError(`an import holds at most ${MAX_LOG_FINDINGS} tools`);
  }
  const seen = new Set<string>();
  for (const finding of findings) {
    checkFinding(finding);
    if (seen.has(finding.toolKey)) throw new RangeError(`${finding.toolKey} is listed twice`);
    seen.add(finding.toolKey);
  }
  checkText('importedBy', importedBy, { min: 1, max: MAX_PERSON });
  checkTimestamp('importedAt', importedAt);
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    const top = doc.getMap<unknown>(NETWORK_LOG);
    for (const f of findings) {
      const entry = childMap(top, f.toolKey);
      const oldLines = entry.get('lines');
      const lines =
        typeof oldLines === 'number' && Number.isSafeInteger(oldLines) && oldLines > 0
          ? oldLines + f.lines
          : f.lines;
      setIfChanged(entry, 'name', f.name);
      setIfChanged(entry, 'category', f.category);
      const hosts = childMap(entry, 'hosts');
      // Bounded: a set past its cap keeps the hosts it has.
      for (const host of f.hosts) {
        if (hosts.size >= MAX_LOG_HOSTS) break;
        if (hosts.get(host) !== true) hosts.set(host, true);
      }
      setIfChanged(entry, 'lines', Number.isSafeInteger(lines) ? lines : f.lines);
      if (f.firstSeen !== undefined && f.lastSeen !== undefined) {
        setIfChanged(entry, 'firstSeen', earlier(entry.get('firstSeen'), f.firstSeen));
        setIfChanged(entry, 'lastSeen', later(entry.get('lastSeen'), f.lastSeen));
      }
      setIfChanged(entry, 'importedBy', importedBy);
      setIfChanged(entry, 'importedAt', importedAt);
    }
  });
}

function readEntry(
  map: Y.Map<unknown>,
  toolKey: string,
  path: string,
  problems: string[],
): NetworkLogDiscovery | undefined {
  const importedAt = readTimestamp(map, 'importedAt', problems, { path, required: true });
  if (importedAt === undefined) {
    addProblem(problems, `${path}: no readable importedAt; skipped`);
    return undefined;
  }
  const entry: NetworkLogDiscovery = {
    toolKey,
    name: readString(map, 'name', problems, { path, max: MAX_LOG_NAME, required: true }) ?? toolKey,
    category:
      readEnum<Category>(map, 'category', CATEGORIES, problems, { path, required: true }) ??
      'other',
    hosts:
      readStringSet(map, 'hosts', problems, {
        path,
        maxItems: MAX_LOG_HOSTS,
        maxLength: 253,
        accept: isHost,
      }) ?? [],
    lines: readNumber(map, 'lines', problems, { path, integer: true, min: 0, required: true }) ?? 0,
    importedBy: readString(map, 'importedBy', problems, { path, max: MAX_PERSON }) ?? '',
    importedAt,
  };
  const first = readTimestamp(map, 'firstSeen', problems, { path });
  const last = readTimestamp(map, 'lastSeen', problems, { path });
  if (first !== undefined || last !== undefined) {
    entry.firstSeen = Math.min(first ?? last!, last ?? first!);
    entry.lastSeen = Math.max(first ?? last!, last ?? first!);
  }
  return entry;
}

/** Reads the imported discoveries without trusting them: bad shapes are skipped and listed. */
export function readNetworkLog(doc: Y.Doc): NetworkLog {
  const problems: string[] = [];
  const result: NetworkLog = { tools: new Map(), problems };
  const top = topMap(doc, NETWORK_LOG, problems);
  if (top === undefined) return result;
  for (const entry of readRecords(top, NETWORK_LOG, problems, isToolKey, (map, key, path) =>
    readEntry(map, key, path, problems),
  )) {
    result.tools.set(entry.toolKey, entry);
  }
  return result;
}
