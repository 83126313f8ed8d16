import * as Y from 'yjs';
import { topMap } from '../schema/read.ts';
import { ensureWritable } from '../schema/version.ts';
import { checkText } from '../schema/write.ts';
import { checkAuthor } from './authored.ts';
import { MAX_PERSON, REGISTRY_SCHEMA } from './schema.ts';

/**
 * The workspace's people (rule RC4 in docs/sync.md): `people: key → { name, from, by, at }`, the
 * names owner, assignee and reviewer fields offer, so that one person is one name. `from` says
 * where a name came from: an invitation (the relay's label for a token, added by the device that
 * joined with it) or a lead who added it. The key is the name folded (case and spaces), so two
 * leads adding the same person at once write the same entry, and "leila  moreau" is "Leila Moreau".
 */
export const PEOPLE = 'people';
export const PERSON_SOURCES = ['invitation', 'added'] as const;
export type PersonSource = (typeof PERSON_SOURCES)[number];

export interface Person {
  key: string;
  name: string;
  from: PersonSource;
  by: string;
  at: number;
}

/** The directory key of a name: trimmed, spaces collapsed, lower case. */
export const personKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Adds a person; an existing one (same key) is left as it is. Throws, changing nothing, on a
 * blank or too long name. Returns whether it wrote.
 */
export function addPerson(
  doc: Y.Doc,
  name: string,
  entry: { from: PersonSource; by: string; at: number },
): boolean {
  checkText('name', name, { min: 1, max: MAX_PERSON });
  const shown = name.trim().replace(/\s+/g, ' ');
  if (shown === '') throw new RangeError('a person has a name');
  if (!PERSON_SOURCES.includes(entry.from)) throw new RangeError('from: unknown value');
  checkAuthor(entry.by, entry.at);
  const people = doc.getMap<unknown>(PEOPLE);
  const key = personKey(shown);
  if (people.has(key)) return false;
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    people.set(key, { name: shown, from: entry.from, by: entry.by, at: entry.at });
  });
  return true;
}

/** Removes a person from the directory (the names already written on records stay). */
export function removePerson(doc: Y.Doc, key: string): boolean {
  const people = doc.getMap<unknown>(PEOPLE);
  if (!people.has(key)) return false;
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    people.delete(key);
  });
  return true;
}

/** The directory, by name, read without trust (unreadable entries are reported and skipped). */
export function readPeople(doc: Y.Doc): { people: Person[]; problems: string[] } {
  const problems: string[] = [];
  const map = topMap(doc, PEOPLE, problems);
  const people: Person[] = [];
  for (const [key, value] of map?.entries() ?? []) {
    const { name, from, by, at } = (
      typeof value === 'object' && value !== null && !(value instanceof Y.AbstractType) ? value : {}
    ) as Record<string, unknown>;
    if (
      typeof name !== 'string' ||
      name.length === 0 ||
      name.length > MAX_PERSON ||
      personKey(name) !== key ||
      !PERSON_SOURCES.includes(from as PersonSource) ||
      typeof by !== 'string' ||
      typeof at !== 'number'
    ) {
      problems.push(`${PEOPLE}.${JSON.stringify(key)}: not a readable person; skipped`);
      continue;
    }
    people.push({ key, name, from: from as PersonSource, by, at });
  }
  people.sort((a, b) => a.name.localeCompare(b.name));
  return { people, problems };
}

/** The directory's spelling of a name, if the name (folded) is in it. */
export function directoryName(people: readonly Person[], name: string): string | undefined {
  const key = personKey(name);
  return people.find((person) => person.key === key)?.name;
}
