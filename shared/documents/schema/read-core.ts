import type * as Y from 'yjs';
import { addProblem, describe, joinPath } from './problems.ts';

/** Shared by the readers in read.ts and read-lists.ts; not part of the public API. */
export interface ReadOptions {
  /** Where `map` sits, for messages: `tools.chatgpt`. */
  path?: string;
  required?: boolean;
}

/** The value at `key`; a missing one is reported only when `required`. */
export function valueAt(
  map: Y.Map<unknown>,
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
