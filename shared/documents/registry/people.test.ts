import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPerson, directoryName, personKey, readPeople, removePerson } from './people.ts';

const AT = Date.UTC(2026, 6, 1);

function exchange(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

describe('the people directory (rule RC4)', () => {
  it('keeps one entry per person, whoever adds them and however they type the name', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    expect(addPerson(a, 'Leila Moreau', { from: 'invitation', by: 'tok-1', at: AT })).toBe(true);
    expect(addPerson(b, '  leila   moreau ', { from: 'added', by: 'lead-2', at: AT })).toBe(true);
    addPerson(b, 'Sam Okafor', { from: 'added', by: 'lead-2', at: AT });
    exchange(a, b);
    const { people, problems } = readPeople(a);
    expect(problems).toEqual([]);
    expect(people.map((p) => p.name)).toHaveLength(2);
    expect(people.map((p) => p.key)).toEqual([personKey('Leila Moreau'), 'sam okafor']);
    expect(readPeople(b)).toEqual(readPeople(a));
    expect(directoryName(people, 'LEILA MOREAU')).toBe(people[0]!.name);
    expect(directoryName(people, 'Leila Moreau (fictional)')).toBeUndefined();
    expect(addPerson(a, 'Leila Moreau', { from: 'added', by: 'x', at: AT })).toBe(false);
    expect(removePerson(a, 'sam okafor')).toBe(true);
    expect(readPeople(a).people.map((p) => p.name)).toHaveLength(1);
  });

  it('refuses bad names and reads hostile entries without trusting them', () => {
    const doc = new Y.Doc();
    expect(() => addPerson(doc, '   ', { from: 'added', by: 'l', at: AT })).toThrow(/name/);
    expect(() => addPerson(doc, 'x'.repeat(201), { from: 'added', by: 'l', at: AT })).toThrow();
    expect(() => addPerson(doc, 'Ana', { from: 'guess' as 'added', by: 'l', at: AT })).toThrow();
    const people = doc.getMap('people');
    people.set('ana', { name: 'Ben', from: 'added', by: 'l', at: AT });
    people.set('cy', 42);
    expect(readPeople(doc)).toEqual({
      people: [],
      problems: [
        'people."ana": not a readable person; skipped',
        'people."cy": not a readable person; skipped',
      ],
    });
  });
});
