import * as Y from 'yjs';
import { addProblem, describe, joinPath } from './problems.ts';
import { topMap } from './read.ts';

type AnyMap = Y.Map<unknown>;
type ReadOne<T, R> = (record: R, key: string, path: string, problems: string[]) => T | undefined;

/** Entries are nested maps unless the caller says otherwise (`asRecord`). */
const asMap = (value: unknown): AnyMap | undefined => (value instanceof Y.Map ? value : undefined);

interface Entry<T> {
  value: T | undefined;
  problems: string[];
}

export interface RecordCache<T> {
  /** The records, in key order, as `readRecords` reads them; unchanged ones are the same objects. */
  read(problems: string[]): T[];
  /** Stops observing the document. */
  destroy(): void;
}

/**
 * Reads the nested records of one top-level map the way `readRecords` does, but re-reads only the
 * records that changed since the last read. A workspace holds tens of thousands of discoveries and
 * the relay changes a few at a time: reading all of them on every change would block the page for
 * hundreds of milliseconds. Changes are found with observeDeep (its observers run inside the
 * transaction's clean-up, before the document's `update` event that makes a reader read again), so
 * a read never sees a stale record. Records keep their identity when unchanged, which lets
 * memoized views skip them.
 */
export function recordCache<T, R = AnyMap>(
  doc: Y.Doc,
  name: string,
  acceptKey: (key: string) => boolean,
  readOne: ReadOne<T, R>,
  asRecord: (value: unknown) => R | undefined = asMap as (value: unknown) => R | undefined,
  expected = 'a map',
): RecordCache<T> {
  const entries = new Map<string, Entry<T>>();
  let dirty = new Set<string>();
  let everything = true;
  let sortedKeys: string[] | undefined;
  let observed: AnyMap | undefined;

  const observer = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
    for (const event of events) {
      if (event.target === observed) {
        for (const key of event.changes.keys.keys()) dirty.add(key);
        sortedKeys = undefined;
      } else {
        const key = event.path[0];
        if (typeof key === 'string') dirty.add(key);
      }
    }
  };

  const readEntry = (map: AnyMap, key: string): Entry<T> => {
    const problems: string[] = [];
    const at = joinPath(name, key);
    const value = map.get(key);
    if (!acceptKey(key)) {
      addProblem(problems, `${at}: not a valid key; skipped`);
      return { value: undefined, problems };
    }
    const record = asRecord(value);
    if (record === undefined) {
      addProblem(problems, `${at}: expected ${expected}, got ${describe(value)}; skipped`);
      return { value: undefined, problems };
    }
    return { value: readOne(record, key, at, problems), problems };
  };

  return {
    read(problems) {
      const map = topMap(doc, name, problems);
      if (map === undefined) return [];
      if (observed !== map) {
        observed?.unobserveDeep(observer);
        map.observeDeep(observer);
        observed = map;
        everything = true;
      }
      if (everything) {
        entries.clear();
        sortedKeys = undefined;
      } else {
        for (const key of dirty) entries.delete(key);
      }
      everything = false;
      dirty = new Set();
      sortedKeys ??= [...map.keys()].sort();
      const results: T[] = [];
      for (const key of sortedKeys) {
        let entry = entries.get(key);
        if (entry === undefined) {
          entry = readEntry(map, key);
          entries.set(key, entry);
        }
        for (const problem of entry.problems) addProblem(problems, problem);
        if (entry.value !== undefined) results.push(entry.value);
      }
      return results;
    },
    destroy() {
      observed?.unobserveDeep(observer);
      observed = undefined;
      everything = true;
    },
  };
}
