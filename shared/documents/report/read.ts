import type * as Y from 'yjs';
import type { Category } from '../../catalog/schema.ts';
import { addProblem } from '../schema/problems.ts';
import { readEnum, readString, readTimestamp, topMap } from '../schema/read.ts';
import { readNumberMap, readRecords, readStringSet } from '../schema/read-lists.ts';
import {
  DATA_CATEGORIES,
  isDataCategory,
  isHost,
  isId,
  isToolKey,
  type DataCategory,
} from '../schema/values.ts';
import { META, readMeta } from '../schema/version.ts';
import { CATEGORIES } from '../../catalog/schema.ts';
import {
  DAY_PATTERN,
  DAYS_KEPT,
  FLAGS,
  MAX_EMBEDDED_IN,
  MAX_HOSTS,
  MAX_NAME,
  MAX_NOTE,
  MAX_PURPOSE,
  MAX_VERSION_TEXT,
  SIGNALS,
  TOOLS,
  type Report,
  type ReportFlag,
  type ReportTool,
  type Signal,
} from './schema.ts';

/**
 * Name and category fall back (reported) rather than hide a sighting: the toolKey, 'other'. The
 * stored lastSeen is refreshed only weekly, so the newest day bucket refines it (and the oldest
 * stands in for a damaged firstSeen).
 */
function readTool(map: Y.Map<unknown>, toolKey: string, path: string, problems: string[]) {
  const days =
    readNumberMap(map, 'days', problems, {
      path,
      accept: (day) => DAY_PATTERN.test(day) && !Number.isNaN(Date.parse(day)),
      maxItems: DAYS_KEPT,
    }) ?? new Map<string, number>();
  const dayTimes = [...days.keys()].map((day) => Date.parse(day));
  const stored = [
    readTimestamp(map, 'firstSeen', problems, { path, required: true }),
    readTimestamp(map, 'lastSeen', problems, { path, required: true }),
  ].filter((t) => t !== undefined);
  const times = [...stored, ...dayTimes];
  if (times.length === 0) {
    addProblem(problems, `${path}: no readable time; skipped`);
    return undefined;
  }
  const tool: ReportTool = {
    toolKey,
    name: readString(map, 'name', problems, { path, max: MAX_NAME, required: true }) ?? toolKey,
    category:
      readEnum<Category>(map, 'category', CATEGORIES, problems, { path, required: true }) ??
      'other',
    firstSeen: Math.min(...times),
    lastSeen: Math.max(...times),
    signals: (readNumberMap(map, 'signals', problems, {
      path,
      accept: (s) => (SIGNALS as readonly string[]).includes(s),
      maxItems: SIGNALS.length,
    }) ?? new Map()) as Map<Signal, number>,
    hosts:
      readNumberMap(map, 'hosts', problems, { path, accept: isHost, maxItems: MAX_HOSTS }) ??
      new Map(),
    embeddedIn:
      readNumberMap(map, 'embeddedIn', problems, {
        path,
        accept: isHost,
        maxItems: MAX_EMBEDDED_IN,
      }) ?? new Map(),
    days,
  };
  return tool;
}

/** A flag needs its tool and its time; the rest falls back to empty (reported). */
function readFlag(map: Y.Map<unknown>, id: string, path: string, problems: string[]) {
  const toolKey = readString(map, 'toolKey', problems, { path, required: true });
  const createdAt = readTimestamp(map, 'createdAt', problems, { path, required: true });
  if (toolKey === undefined || createdAt === undefined) {
    addProblem(problems, `${path}: no readable toolKey or createdAt; skipped`);
    return undefined;
  }
  if (!isToolKey(toolKey)) {
    addProblem(problems, `${path}.toolKey: not a tool key; skipped`);
    return undefined;
  }
  const flag: ReportFlag = {
    id,
    toolKey,
    name: readString(map, 'name', problems, { path, max: MAX_NAME, required: true }) ?? toolKey,
    purpose: readString(map, 'purpose', problems, { path, max: MAX_PURPOSE }) ?? '',
    dataCategories: (readStringSet(map, 'dataCategories', problems, {
      path,
      accept: isDataCategory,
      maxItems: DATA_CATEGORIES.length,
    }) ?? []) as DataCategory[],
    note: readString(map, 'note', problems, { path, max: MAX_NOTE }) ?? '',
    createdAt,
  };
  const host = readString(map, 'host', problems, { path, max: 253 });
  if (host !== undefined && isHost(host)) flag.host = host;
  else if (host !== undefined) addProblem(problems, `${path}.host: not a hostname`);
  return flag;
}

/**
 * Reads a report without trusting it: whatever has the wrong shape is skipped and listed in
 * `problems`. Tools come in toolKey order, flags in the order they were made.
 */
export function readReport(doc: Y.Doc): Report {
  const problems: string[] = [];
  const report: Report = { tools: [], flags: [], problems };
  const { map: meta, schemaVersion } = readMeta(doc, problems) ?? {};
  if (schemaVersion !== undefined) report.schemaVersion = schemaVersion;
  if (meta !== undefined) {
    const reporterId = readString(meta, 'reporterId', problems, { path: META, max: 64 });
    const extensionVersion = readString(meta, 'extensionVersion', problems, {
      path: META,
      max: MAX_VERSION_TEXT,
    });
    const catalogVersion = readString(meta, 'catalogVersion', problems, {
      path: META,
      max: MAX_VERSION_TEXT,
    });
    if (reporterId !== undefined) report.reporterId = reporterId;
    if (extensionVersion !== undefined) report.extensionVersion = extensionVersion;
    if (catalogVersion !== undefined) report.catalogVersion = catalogVersion;
  }
  const tools = topMap(doc, TOOLS, problems);
  if (tools !== undefined) {
    report.tools = readRecords(tools, TOOLS, problems, isToolKey, (map, key, path) =>
      readTool(map, key, path, problems),
    );
  }
  const flags = topMap(doc, FLAGS, problems);
  if (flags !== undefined) {
    report.flags = readRecords(flags, FLAGS, problems, isId, (map, key, path) =>
      readFlag(map, key, path, problems),
    ).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  return report;
}
