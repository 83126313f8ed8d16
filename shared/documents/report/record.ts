import type * as Y from 'yjs';
import { isValidSegment } from '../names.ts';
import { isCategory, isHost, isToolKey } from '../schema/values.ts';
import { ensureWritable, META } from '../schema/version.ts';
import { checkText, checkTimestamp, childMap, setIfChanged } from '../schema/write.ts';
import {
  DAY_PATTERN,
  DAYS_KEPT,
  MAX_EMBEDDED_IN,
  MAX_HOSTS,
  MAX_NAME,
  MAX_VERSION_TEXT,
  REPORT_SCHEMA,
  SIGNALS,
  TOOLS,
  dayOf,
  type ReportMeta,
  type Sighting,
} from './schema.ts';

const DAY_MS = 86_400_000;

/**
 * Times are stored coarsely on purpose. Every rewrite of a key leaves a tombstone of about 9 bytes
 * in the document for good, even with a single writer, as soon as other keys are written in between
 * (measured: 10,000 rewrites spread over two keys cost 90 KB; over one key, 46 B). So every stored
 * time is the start of a UTC day, and a lastSeen is rewritten only once it is a week out of date:
 * the day buckets say exactly which days a tool was used (readers take the tool's lastSeen from
 * them). It also keeps a report from being a minute-by-minute trail of someone's browsing.
 */
export const LAST_SEEN_REFRESH = 7 * DAY_MS;

function startOfDay(at: number): number {
  return at - (at % DAY_MS);
}

/** True when `at` should replace the stored last-seen day `stored`. */
function isFresher(at: number, stored: number | undefined): boolean {
  return stored === undefined || at >= stored + LAST_SEEN_REFRESH;
}

function checkSighting(sighting: Sighting, index: number): void {
  const what = `sighting ${index}`;
  if (typeof sighting !== 'object' || sighting === null)
    throw new TypeError(`${what}: not a sighting`);
  if (!isToolKey(sighting.toolKey)) throw new RangeError(`${what}: toolKey is not a tool key`);
  checkText(`${what}: name`, sighting.name, { min: 1, max: MAX_NAME });
  if (!isCategory(sighting.category)) throw new RangeError(`${what}: unknown category`);
  if (sighting.host !== undefined && !isHost(sighting.host)) {
    throw new RangeError(`${what}: host is not a hostname`);
  }
  if (!(SIGNALS as readonly string[]).includes(sighting.signal)) {
    throw new RangeError(`${what}: unknown signal`);
  }
  if (sighting.embeddedIn !== undefined && !isHost(sighting.embeddedIn)) {
    throw new RangeError(`${what}: embeddedIn is not a hostname`);
  }
  checkTimestamp(`${what}: at`, sighting.at);
}

/** What one batch says about one tool, coalesced before anything is written. */
interface ToolBatch {
  latest: Sighting;
  first: number;
  last: number;
  signals: Map<string, number>;
  hosts: Map<string, number>;
  embeddedIn: Map<string, number>;
  days: Map<string, number>;
}

function keepLatest(into: Map<string, number>, key: string, at: number): void {
  const current = into.get(key);
  if (current === undefined || at > current) into.set(key, at);
}

function coalesce(sightings: readonly Sighting[]): Map<string, ToolBatch> {
  const batches = new Map<string, ToolBatch>();
  for (const s of sightings) {
    let batch = batches.get(s.toolKey);
    if (batch === undefined) {
      batch = {
        latest: s,
        first: Number.POSITIVE_INFINITY,
        last: 0,
        signals: new Map(),
        hosts: new Map(),
        embeddedIn: new Map(),
        days: new Map(),
      };
      batches.set(s.toolKey, batch);
    }
    if (s.at >= batch.latest.at) batch.latest = s;
    const day = startOfDay(s.at);
    batch.first = Math.min(batch.first, day);
    batch.last = Math.max(batch.last, day);
    keepLatest(batch.signals, s.signal, day);
    if (s.host !== undefined) keepLatest(batch.hosts, s.host, day);
    if (s.embeddedIn !== undefined) keepLatest(batch.embeddedIn, s.embeddedIn, day);
    const dayKey = dayOf(s.at);
    batch.days.set(dayKey, (batch.days.get(dayKey) ?? 0) + 1);
  }
  return batches;
}

function storedCounts(map: Y.Map<unknown>, acceptKey: (key: string) => boolean) {
  const valid = new Map<string, number>();
  for (const [key, value] of map.entries()) {
    if (acceptKey(key) && typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) {
      valid.set(key, value);
    }
  }
  return valid;
}

/** Makes `map` hold exactly `wanted`, touching only the keys that differ. */
function writeDifferences(map: Y.Map<unknown>, wanted: Map<string, number>): void {
  for (const key of [...map.keys()]) if (!wanted.has(key)) map.delete(key);
  for (const [key, value] of wanted) if (map.get(key) !== value) map.set(key, value);
}

/** Merges `key → last seen` updates (see isFresher), keeping the `limit` most recent (ties: key order). */
function mergeLatest(
  parent: Y.Map<unknown>,
  key: string,
  updates: Map<string, number>,
  accept: (key: string) => boolean,
  limit: number,
): void {
  if (updates.size === 0) return; // never create an empty map
  const map = childMap(parent, key);
  const next = storedCounts(map, accept);
  for (const [entry, at] of updates) if (isFresher(at, next.get(entry))) next.set(entry, at);
  const kept = [...next]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, limit);
  writeDifferences(map, new Map(kept));
}

/** Adds day counts, then drops days more than DAYS_KEPT before the newest one. */
function addDays(parent: Y.Map<unknown>, counts: Map<string, number>): void {
  const map = childMap(parent, 'days');
  const next = storedCounts(map, (day) => DAY_PATTERN.test(day));
  for (const [day, count] of counts) next.set(day, (next.get(day) ?? 0) + count);
  const newest = [...next.keys()].sort().at(-1);
  if (newest === undefined) return;
  const oldestKept = dayOf(Date.parse(newest) - (DAYS_KEPT - 1) * DAY_MS);
  for (const day of [...next.keys()]) if (day < oldestKept) next.delete(day);
  writeDifferences(map, next);
}

function storedTime(map: Y.Map<unknown>, key: string): number | undefined {
  const value = map.get(key);
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/**
 * Records a batch of sightings in one transaction. The batch is coalesced first (a count per day,
 * the latest time per signal, host and site), and only keys whose value changes are written.
 * Throws, changing nothing, if any sighting is malformed.
 */
export function recordSightings(doc: Y.Doc, sightings: readonly Sighting[]): void {
  sightings.forEach(checkSighting);
  if (sightings.length === 0) return;
  const batches = coalesce(sightings);
  doc.transact(() => {
    ensureWritable(doc, REPORT_SCHEMA);
    const tools = doc.getMap<unknown>(TOOLS);
    for (const [toolKey, batch] of batches) {
      const tool = childMap(tools, toolKey);
      setIfChanged(tool, 'name', batch.latest.name);
      setIfChanged(tool, 'category', batch.latest.category);
      const firstSeen = storedTime(tool, 'firstSeen');
      const lastSeen = storedTime(tool, 'lastSeen');
      setIfChanged(tool, 'firstSeen', Math.min(firstSeen ?? batch.first, batch.first));
      if (isFresher(batch.last, lastSeen)) setIfChanged(tool, 'lastSeen', batch.last);
      mergeLatest(
        tool,
        'signals',
        batch.signals,
        (s) => SIGNALS.includes(s as never),
        SIGNALS.length,
      );
      mergeLatest(tool, 'hosts', batch.hosts, isHost, MAX_HOSTS);
      mergeLatest(tool, 'embeddedIn', batch.embeddedIn, isHost, MAX_EMBEDDED_IN);
      addDays(tool, batch.days);
    }
  });
}

/** Writes who this report is from and which versions wrote it; only changed keys are written. */
export function setReportMeta(doc: Y.Doc, meta: ReportMeta): void {
  if (!isValidSegment(meta.reporterId)) throw new RangeError('reporterId is not a valid id');
  checkText('extensionVersion', meta.extensionVersion, { min: 1, max: MAX_VERSION_TEXT });
  checkText('catalogVersion', meta.catalogVersion, { min: 1, max: MAX_VERSION_TEXT });
  doc.transact(() => {
    ensureWritable(doc, REPORT_SCHEMA);
    const map = doc.getMap<unknown>(META);
    setIfChanged(map, 'reporterId', meta.reporterId);
    setIfChanged(map, 'extensionVersion', meta.extensionVersion);
    setIfChanged(map, 'catalogVersion', meta.catalogVersion);
  });
}
