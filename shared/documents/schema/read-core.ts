import { addProblem, describe, joinPath } from './problems.ts';

/** Shared by the readers in read.ts and read-lists.ts; not part of the public API. */
export interface ReadOptions {
  /** Where `map` sits, for messages: `tools.chatgpt`. */
  path?: string;
  required?: boolean;
}

/**
 * What the field readers read from: a Y.Map, or a plain JSON object stored whole as one value
 * (a document with one writer per entry, like the discoveries, keeps its entries that way).
 */
export interface Fields {
  get(key: string): unknown;
}

/** A plain object's own fields (never its prototype's: `constructor`, `__proto__`). */
export function fieldsOf(value: object): Fields {
  return {
    get: (key) => (Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined),
  };
}

/** A plain JSON object (what Yjs gives back for an object stored as a value), not an array or a type. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** The value at `key`; a missing one is reported only when `required`. */
export function valueAt(
  map: Fields,
  key: string,
  problems: string[],
  options: ReadOptions,
): unknown {
  const value = map.get(key);
  if (value === undefined && options.required) {
    addProblem(problems, `${joinPath(options.path ?? '', key)}: missing`);
  }
  return value;
}

/** Reports `path.key: expected …, got …` and returns undefined, for `return wrongShape(…)`. */
export function wrongShape(
  problems: string[],
  options: ReadOptions,
  key: string,
  what: string,
  got: unknown,
): undefined {
  addProblem(
    problems,
    `${joinPath(options.path ?? '', key)}: expected ${what}, got ${describe(got)}`,
  );
  return undefined;
}
