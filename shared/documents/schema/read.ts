import * as Y from 'yjs';
import { addProblem, joinPath } from './problems.ts';
import { valueAt, wrongShape, type ReadOptions, type Fields } from './read-core.ts';
import { MAX_TIMESTAMP } from './values.ts';

/**
 * Safe readers: each returns a value of the promised shape or undefined, and reports anything
 * else as `path.key: expected …`. A missing key is only a problem when `required` is set.
 */
export type { ReadOptions } from './read-core.ts';

/** The default cap on strings: generous for names and ids; free text passes its own. */
export const DEFAULT_MAX_STRING = 200;

type AnyMap = Y.Map<unknown>;

export function readString(
  map: Fields,
  key: string,
  problems: string[],
  options: ReadOptions & { max?: number; pattern?: RegExp } = {},
): string | undefined {
  const value = valueAt(map, key, problems, options);
  if (value === undefined) return undefined;
  const max = options.max ?? DEFAULT_MAX_STRING;
  if (typeof value !== 'string') return wrongShape(problems, options, key, 'a string', value);
  if (value.length > max) {
    addProblem(
      problems,
      `${joinPath(options.path ?? '', key)}: expected at most ${max} characters, got ${value.length}`,
    );
    return undefined;
  }
  if (options.pattern && !options.pattern.test(value)) {
    return wrongShape(problems, options, key, `text matching ${options.pattern}`, value);
  }
  return value;
}

export function readNumber(
  map: Fields,
  key: string,
  problems: string[],
  options: ReadOptions & { min?: number; max?: number; integer?: boolean } = {},
): number | undefined {
  const value = valueAt(map, key, problems, options);
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return wrongShape(problems, options, key, 'a number', value);
  }
  if (options.integer && !Number.isSafeInteger(value)) {
    return wrongShape(problems, options, key, 'a whole number', value);
  }
  if (
    (options.min !== undefined && value < options.min) ||
    (options.max !== undefined && value > options.max)
  ) {
    addProblem(
      problems,
      `${joinPath(options.path ?? '', key)}: expected a number in ${options.min ?? '-∞'}…${options.max ?? '∞'}, got ${value}`,
    );
    return undefined;
  }
  return value;
}

/** Epoch milliseconds: a whole number from 1970 to the end of year 9999. */
export function readTimestamp(
  map: Fields,
  key: string,
  problems: string[],
  options: ReadOptions = {},
): number | undefined {
  return readNumber(map, key, problems, { ...options, integer: true, min: 0, max: MAX_TIMESTAMP });
}

export function readBoolean(
  map: Fields,
  key: string,
  problems: string[],
  options: ReadOptions = {},
): boolean | undefined {
  const value = valueAt(map, key, problems, options);
  if (value === undefined || typeof value === 'boolean') return value;
  return wrongShape(problems, options, key, 'true or false', value);
}

export function readEnum<T extends string>(
  map: Fields,
  key: string,
  allowed: readonly T[],
  problems: string[],
  options: ReadOptions = {},
): T | undefined {
  const value = valueAt(map, key, problems, options);
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
    return value as T;
  addProblem(
    problems,
    `${joinPath(options.path ?? '', key)}: expected one of ${allowed.join(', ')}`,
  );
  return undefined;
}

/** A nested Y.Map, or undefined (reported when something else is there). */
export function readChildMap(
  map: AnyMap,
  key: string,
  problems: string[],
  options: ReadOptions = {},
): AnyMap | undefined {
  const value = valueAt(map, key, problems, options);
  if (value === undefined || value instanceof Y.Map) return value;
  return wrongShape(problems, options, key, 'a map', value);
}

/**
 * A top-level map, or undefined (with a problem) when the name already holds another type. Yjs
 * reads a remote array as an empty map; its stray list items are reported, not shown.
 */
export function topMap(doc: Y.Doc, name: string, problems: string[]): AnyMap | undefined {
  let map: AnyMap;
  try {
    map = doc.getMap(name);
  } catch {
    addProblem(problems, `${name}: expected a map, found another type`);
    return undefined;
  }
  for (let item = map._start; item !== null; item = item.right) {
    if (!item.deleted) {
      addProblem(problems, `${name}: holds list items where a map was expected; they are ignored`);
      break;
    }
  }
  return map;
}
