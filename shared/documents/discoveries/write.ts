import type * as Y from 'yjs';
import { SIGNALS } from '../report/schema.ts';
import { isCategory, isDataCategory, isHost, isId, isToolKey } from '../schema/values.ts';
import { ensureWritable, META } from '../schema/version.ts';
import { discoveryFields } from './read.ts';
import {
  checkText,
  checkTimestamp,
  isTimestamp,
  setIfChanged,
  type JsonValue,
} from '../schema/write.ts';
import {
  DISCOVERIES_SCHEMA,
  MAX_EMBEDDED_IN,
  MAX_HOSTS,
  MAX_NAME,
  MAX_PURPOSE,
  MAX_PURPOSES,
  MAX_REPORTER_IDS,
  TOOLS,
  type DiscoveryAggregate,
} from './schema.ts';

function checkList(what: string, list: unknown, max: number, accept: (item: string) => boolean) {
  if (
    !Array.isArray(list) ||
    list.length > max ||
    !list.every((i) => typeof i === 'string' && accept(i))
  ) {
    throw new RangeError(`${what} must be a list of at most ${max} valid items`);
  }
}

function checkCount(what: string, value: unknown) {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a whole number ≥ 0`);
  }
}

function checkAggregate(a: DiscoveryAggregate): void {
  checkText('name', a.name, { min: 1, max: MAX_NAME });
  if (!isCategory(a.category)) throw new RangeError('unknown category');
  checkCount('reporters', a.reporters);
  checkCount('flagCount', a.flagCount);
  checkTimestamp('firstSeen', a.firstSeen);
  checkTimestamp('lastSeen', a.lastSeen);
  checkList('signals', a.signals, SIGNALS.length, (s) =>
    (SIGNALS as readonly string[]).includes(s),
  );
  checkList('hosts', a.hosts, MAX_HOSTS, isHost);
  checkList('embeddedIn', a.embeddedIn, MAX_EMBEDDED_IN, isHost);
  checkList('purposes', a.purposes, MAX_PURPOSES, (p) => p.length <= MAX_PURPOSE);
  checkList('dataCategories', a.dataCategories, Infinity, isDataCategory);
  if (a.reporterIds !== undefined) checkList('reporterIds', a.reporterIds, MAX_REPORTER_IDS, isId);
}

/**
 * DIG3 When the relay first knew the tool, set once: a stored `firstReportedAt` is kept whatever
 * the aggregate now says (a recount, a report loaded again, a later sighting that moves
 * `firstSeen` back); a tool stored before the field existed is pinned to the `firstSeen` its
 * readers took for it until now; a new tool gets `reportedAt`, the relay's clock (none: absent,
 * and readers take `firstSeen`).
 */
function firstReportedAt(stored: unknown, reportedAt: number | undefined): number | undefined {
  const current = discoveryFields(stored);
  if (!current) return reportedAt;
  const kept = current.get('firstReportedAt');
  if (isTimestamp(kept)) return kept;
  if (reportedAt === undefined) return undefined;
  const firstSeen = current.get('firstSeen');
  return isTimestamp(firstSeen) ? firstSeen : reportedAt;
}

/** A tool's fields as stored (as one JSON text since schema version 3), empty lists left out. */
export function toolEntry(
  aggregate: DiscoveryAggregate,
  reportedAt?: number,
): Record<string, JsonValue> {
  const entry: Record<string, JsonValue> = {
    name: aggregate.name,
    category: aggregate.category,
    reporters: aggregate.reporters,
    firstSeen: aggregate.firstSeen,
    lastSeen: aggregate.lastSeen,
    flagCount: aggregate.flagCount,
  };
  if (reportedAt !== undefined) entry.firstReportedAt = reportedAt;
  const lists = ['signals', 'hosts', 'embeddedIn', 'purposes', 'dataCategories'] as const;
  for (const list of lists) if (aggregate[list].length > 0) entry[list] = aggregate[list];
  if (aggregate.reporterIds !== undefined) entry.reporterIds = aggregate.reporterIds;
  return entry;
}

/**
 * Writes one tool's discovery as one value (the relay is its only writer, so nothing needs to
 * merge inside it, and one value per tool keeps a document of 20,000 tools small and quick to
 * load); a tool whose value would not change is not written. undefined deletes it. `updatedAt`,
 * when given, is recorded in meta; `reportedAt` (the relay's clock) becomes a new tool's
 * `firstReportedAt`, which no later write moves. Throws, changing nothing, on a malformed aggregate.
 */
export function writeDiscovery(
  doc: Y.Doc,
  toolKey: string,
  aggregate: DiscoveryAggregate | undefined,
  { updatedAt, reportedAt }: { updatedAt?: number; reportedAt?: number } = {},
): void {
  if (!isToolKey(toolKey)) throw new RangeError('not a tool key');
  if (aggregate !== undefined) checkAggregate(aggregate);
  if (updatedAt !== undefined) checkTimestamp('updatedAt', updatedAt);
  if (reportedAt !== undefined) checkTimestamp('reportedAt', reportedAt);
  doc.transact(() => {
    ensureWritable(doc, DISCOVERIES_SCHEMA);
    const tools = doc.getMap<unknown>(TOOLS);
    if (aggregate === undefined) {
      if (tools.has(toolKey)) tools.delete(toolKey);
    } else {
      const current = tools.get(toolKey);
      const entry = JSON.stringify(toolEntry(aggregate, firstReportedAt(current, reportedAt)));
      if (current !== entry) tools.set(toolKey, entry);
    }
    if (updatedAt !== undefined) setIfChanged(doc.getMap<unknown>(META), 'updatedAt', updatedAt);
  });
}
