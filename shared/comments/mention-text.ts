import { personKey } from '../documents/registry/people.ts';

/**
 * The `@…` being typed before the caret, if any: from an `@` at the start or after a space, with
 * no line break since, at most 40 characters. The composer offers directory names matching `query`.
 */
export function mentionQuery(
  text: string,
  caret: number,
): { start: number; query: string } | undefined {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0 || (at > 0 && !/\s/.test(before[at - 1]!))) return undefined;
  const query = before.slice(at + 1);
  if (query.length > 40 || /[\n@]/.test(query) || /\s\s/.test(query)) return undefined;
  return { start: at, query };
}

/**
 * The directory keys whose `@Name` the text still contains (CMT5): a mention chosen and then
 * deleted from the text notifies nobody. Longest names first, so "@Ana Lima" is not also "@Ana".
 */
export function mentionsIn(
  text: string,
  people: readonly { key: string; name: string }[],
): string[] {
  const lower = text.toLowerCase();
  const found = new Set<string>();
  let rest = lower;
  for (const person of [...people].sort((a, b) => b.name.length - a.name.length)) {
    const token = `@${person.name.toLowerCase()}`;
    let index = rest.indexOf(token);
    while (index >= 0) {
      const next = rest[index + token.length];
      if (next === undefined || !/[\p{L}\p{N}_]/u.test(next)) {
        found.add(personKey(person.name));
        rest = rest.slice(0, index) + ' '.repeat(token.length) + rest.slice(index + token.length);
      }
      index = rest.indexOf(token, index + 1);
    }
  }
  return [...found].sort();
}
