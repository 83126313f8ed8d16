import * as Y from 'yjs';
import { addProblem, describe, joinPath } from './problems.ts';
import { valueAt, wrongShape, type ReadOptions, type Fields } from './read-core.ts';
import { DEFAULT_MAX_STRING, readChildMap, readTimestamp } from './read.ts';

/**
 * Safe readers for collections: sets, lists, number maps and nested records. Like the scalar
 * readers, they keep what is valid and report the rest, never throwing.
 */

type AnyMap = Y.Map<unknown>;

export interface ListOptions extends ReadOptions {
  /** Valid items beyond this are dropped (reported); the first ones in sorted order stay. */
  maxItems: number;
  /** Per item; defaults to DEFAULT_MAX_STRING. */
  maxLength?: number;
  /** Each item must pass this (a vocabulary or a pattern); failures are skipped and reported. */
  accept?: (item: string) => boolean;
}

function keepItems(
  items: Iterable<unknown>,
  problems: string[],
  path: string,
  options: ListOptions,
) {
  const max = options.maxLength ?? DEFAULT_MAX_STRING;
  const kept = new Set<string>();
  let rejected = 0;
  for (const item of items) {
    if (typeof item === 'string' && item.length <= max && (options.accept?.(item) ?? true)) {
      kept.add(item);
    } else rejected++;
  }
  if (rejected > 0) addProblem(problems, `${path}: skipped ${rejected} invalid item(s)`);
  const sorted = [...kept].sort();
  if (sorted.length > options.maxItems) {
    addProblem(problems, `${path}: kept ${options.maxItems} of ${sorted.length} items`);
    return sorted.slice(0, options.maxItems);
  }
  return sorted;
}

/**
 * A set of strings stored either as a Y.Map of `item → true` (concurrent adds merge) or as a
 * plain array value. Returns the valid items, sorted and without duplicates.
 */
export function readStringSet(
  map: Fields,
  key: string,
  problems: string[],
  options: ListOptions,
): string[] | undefined {
  const value = valueAt(map, key, problems, options);
  if (value === undefined) return undefined;
  const path = joinPath(options.path ?? '', key);
  if (Array.isArray(value)) return keepItems(value, problems, path, options);
  if (!(value instanceof Y.Map))
    return wrongShape(problems, options, key, 'a map or a list', value);
  const members: string[] = [];
  let notTrue = 0;
  for (const [item, flag] of value.entries()) {
    if (flag === true) members.push(item);
    else notTrue++;
  }
  if (notTrue > 0) addProblem(problems, `${path}: skipped ${notTrue} entries that are not true`);
  return keepItems(members, problems, path, options);
}

/** A plain array value of strings (no Y.Map form): sorted, without duplicates. */
export function readStringList(
  map: Fields,
  key: string,
  problems: string[],
  options: ListOptions,
): string[] | undefined {
  const value = valueAt(map, key, problems, options);
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return wrongShape(problems, options, key, 'a list', value);
  return keepItems(value, problems, joinPath(options.path ?? '', key), options);
}

/**
 * A Y.Map of `key → number` (for example hostname → last seen). Entries with an unacceptable key
 * or a value that is not a whole number ≥ 0 are skipped and reported; the rest come back sorted.
 */
export function readNumberMap(
  map: AnyMap,
  key: string,
  problems: string[],
  options: ReadOptions & { accept: (key: string) => boolean; maxItems: number },
): Map<string, number> | undefined {
  const child = readChildMap(map, key, problems, options);
  if (child === undefined) return undefined;
  const path = joinPath(options.path ?? '', key);
  const entries: Array<[string, number]> = [];
  let rejected = 0;
  for (const [entryKey, value] of child.entries()) {
    if (
      options.accept(entryKey) &&
      typeof value === 'number' &&
      Number.isSafeInteger(value) &&
      value >= 0
    ) {
      entries.push([entryKey, value]);
    } else rejected++;
  }
  if (rejected > 0) addProblem(problems, `${path}: skipped ${rejected} invalid entries`);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length > options.maxItems) {
    addProblem(problems, `${path}: kept ${options.maxItems} of ${entries.length} entries`);
    entries.length = options.maxItems;
  }
  return new Map(entries);
}

/**
 * Reads each nested record of a map, in key order so every replica reads the same list: keys
 * that fail `acceptKey` and values that are not maps are skipped and reported.
 */
export function readRecords<T>(
  map: AnyMap,
  path: string,
  problems: string[],
  acceptKey: (key: string) => boolean,
  readOne: (record: AnyMap, key: string, path: string) => T | undefined,
): Array<T> {
  const results: T[] = [];
  const keys = [...map.keys()].sort();
  for (const key of keys) {
    const at = joinPath(path, key);
    const value = map.get(key);
    if (!acceptKey(key)) addProblem(problems, `${at}: not a valid key; skipped`);
    else if (!(value instanceof Y.Map)) {
      addProblem(problems, `${at}: expected a map, got ${describe(value)}; skipped`);
    } else {
      const result = readOne(value, key, at);
      if (result !== undefined) results.push(result);
    }
  }
  return results;
}

/**
 * `firstSeen` and `lastSeen`: when one is unreadable the other stands in for it (reported), so a
 * sighting is not hidden for a damaged time; when both are, the caller skips the record.
 */
export function readSeenRange(
  map: Fields,
  problems: string[],
  path: string,
): { firstSeen: number; lastSeen: number } | undefined {
  const first = readTimestamp(map, 'firstSeen', problems, { path, required: true });
  const last = readTimestamp(map, 'lastSeen', problems, { path, required: true });
  if (first === undefined && last === undefined) {
    addProblem(problems, `${path}: no readable firstSeen or lastSeen; skipped`);
    return undefined;
  }
  const firstSeen = first ?? last!;
  const lastSeen = last ?? first!;
  return { firstSeen: Math.min(firstSeen, lastSeen), lastSeen: Math.max(firstSeen, lastSeen) };
}
