import * as Y from 'yjs';
import { CATEGORIES, type Category } from '../../catalog/schema.ts';
import { SIGNALS } from '../report/schema.ts';
import { readActivity } from './activity.ts';
import { readEnum, readNumber, readString, readTimestamp } from '../schema/read.ts';
import { fieldsOf, isPlainObject, type Fields } from '../schema/read-core.ts';
import { readSeenRange, readStringList, type ListOptions } from '../schema/read-lists.ts';
import { DATA_CATEGORIES, isDataCategory, isHost, isId, isToolKey } from '../schema/values.ts';
import { recordCache } from '../schema/record-cache.ts';
import { META, readMeta } from '../schema/version.ts';
import {
  MAX_EMBEDDED_IN,
  MAX_HOSTS,
  MAX_NAME,
  MAX_PURPOSE,
  MAX_PURPOSES,
  MAX_REPORTER_IDS,
  TOOLS,
  type Discoveries,
  type Discovery,
} from './schema.ts';

/** A discovery needs a time; other damaged fields fall back to empty (reported). */
function readDiscovery(
  map: Fields,
  toolKey: string,
  path: string,
  problems: string[],
): Discovery | undefined {
  const seen = readSeenRange(map, problems, path);
  if (seen === undefined) return undefined;
  const list = (key: string, options: Omit<ListOptions, 'path'>) =>
    readStringList(map, key, problems, { path, ...options }) ?? [];
  const count = (key: string) =>
    readNumber(map, key, problems, { path, integer: true, min: 0, required: true }) ?? 0;
  const discovery: Discovery = {
    toolKey,
    name: readString(map, 'name', problems, { path, max: MAX_NAME, required: true }) ?? toolKey,
    category:
      readEnum<Category>(map, 'category', CATEGORIES, problems, { path, required: true }) ??
      'other',
    reporters: count('reporters'),
    ...seen,
    // DIG3 Absent in tools written before it existed, or unreadable (reported): `firstSeen`.
    firstReportedAt: readTimestamp(map, 'firstReportedAt', problems, { path }) ?? seen.firstSeen,
    signals: list('signals', {
      maxItems: SIGNALS.length,
      accept: (s) => (SIGNALS as readonly string[]).includes(s),
    }),
    hosts: list('hosts', { maxItems: MAX_HOSTS, accept: isHost, maxLength: 253 }),
    embeddedIn: list('embeddedIn', { maxItems: MAX_EMBEDDED_IN, accept: isHost, maxLength: 253 }),
    flagCount: count('flagCount'),
    purposes: list('purposes', { maxItems: MAX_PURPOSES, maxLength: MAX_PURPOSE }),
    dataCategories: list('dataCategories', {
      maxItems: DATA_CATEGORIES.length,
      accept: isDataCategory,
    }),
  };
  const reporterIds = readStringList(map, 'reporterIds', problems, {
    path,
    maxItems: MAX_REPORTER_IDS,
    accept: isId,
  });
  if (reporterIds !== undefined) discovery.reporterIds = reporterIds;
  return discovery;
}

/**
 * A tool's fields from any schema version: one JSON text (version 3, written whole by the relay), a
 * plain object (version 2) or a nested map (version 1) all read the same; anything else (text
 * that is not a JSON object) is undefined.
 */
export function discoveryFields(value: unknown): Fields | undefined {
  if (value instanceof Y.Map) return value;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  return isPlainObject(value) ? fieldsOf(value) : undefined;
}

const toolCache = (doc: Y.Doc) =>
  recordCache(doc, TOOLS, isToolKey, readDiscovery, discoveryFields, 'an object');

type ReadTools = (problems: string[]) => Discovery[];

function read(doc: Y.Doc, readTools: ReadTools): Discoveries {
  const problems: string[] = [];
  const result: Discoveries = { tools: [], problems };
  const meta = readMeta(doc, problems);
  if (meta?.schemaVersion !== undefined) result.schemaVersion = meta.schemaVersion;
  const updatedAt = meta && readTimestamp(meta.map, 'updatedAt', problems, { path: META });
  if (updatedAt !== undefined) result.updatedAt = updatedAt;
  const activity = readActivity(doc, problems);
  if (activity !== undefined) result.activity = activity;
  result.tools = readTools(problems);
  return result;
}

/** Reads the discoveries without trusting them, in toolKey order; bad shapes are skipped and listed. */
export function readDiscoveries(doc: Y.Doc): Discoveries {
  return read(doc, (problems) => {
    const cache = toolCache(doc);
    try {
      return cache.read(problems);
    } finally {
      cache.destroy();
    }
  });
}

/**
 * The same reading for a document that is read again after every change (a page that shows it):
 * only the tools that changed since the last read are read again (schema/record-cache.ts).
 */
export function discoveriesReader(doc: Y.Doc): { read(): Discoveries; destroy(): void } {
  const cache = toolCache(doc);
  return { read: () => read(doc, (problems) => cache.read(problems)), destroy: cache.destroy };
}
