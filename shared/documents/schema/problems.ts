/**
 * Readers never trust a document: what they cannot use they skip and describe here. Messages are
 * clipped and the list is capped, so a hostile document cannot make the report itself huge.
 */

export const MAX_PROBLEMS = 200;
const MAX_MESSAGE = 300;
const MAX_KEY_IN_PATH = 80;

/** Appends a problem, clipped; past MAX_PROBLEMS only one "more omitted" line is kept. */
export function addProblem(problems: string[], message: string): void {
  if (problems.length < MAX_PROBLEMS) {
    problems.push(message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message);
  } else if (problems.length === MAX_PROBLEMS) {
    problems.push('… more problems omitted');
  }
}

/**
 * `tools` + `chatgpt` → `tools.chatgpt`; other keys are quoted (`tools."host:x.com"`), and a
 * hostile key of a megabyte shows as its length.
 */
export function joinPath(path: string, key: string): string {
  const shown =
    key.length > MAX_KEY_IN_PATH
      ? `${key.slice(0, 40)}…(${key.length} characters)`
      : /^[A-Za-z0-9_-]+$/.test(key)
        ? key
        : JSON.stringify(key);
  return path === '' ? shown : `${path}.${shown}`;
}

/** A short name for what a value is, for "expected a number, got a string" messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  // Numbers and booleans are short and say more than their type.
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') {
    const name = (value as object).constructor?.name;
    return name && name !== 'Object' ? `a ${name}` : 'an object';
  }
  return `a ${typeof value}`;
}
