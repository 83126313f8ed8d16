import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPerson, readPeople } from '../../../shared/documents/registry/index.ts';
import { button, cleanup, click, render, type } from '../test-support/render.tsx';
import { PeopleProvider } from './people-context.tsx';
import { PersonInput } from './PersonInput.tsx';
import { PeopleDirectory } from './PeopleDirectory.tsx';

afterEach(cleanup);

function Field() {
  const [value, setValue] = useState('');
  return (
    <label>
      Owner
      <PersonInput value={value} onValue={setValue} />
    </label>
  );
}

async function page(registry: Y.Doc, label?: string) {
  return render(
    <PeopleProvider registry={registry} canWrite label={label} me="tok-1">
      <Field />
      <PeopleDirectory registry={registry} />
    </PeopleProvider>,
  );
}

describe('person fields (rule RC4)', () => {
  it('offers the workspace’s people, the joining person among them', async () => {
    const registry = new Y.Doc();
    addPerson(registry, 'Leila Moreau', { from: 'added', by: 'lead-1', at: 1 });
    const view = await page(registry, 'Sam Okafor');
    const options = [...view.querySelectorAll('datalist option')].map((o) =>
      o.getAttribute('value'),
    );
    expect(options).toEqual(['Leila Moreau', 'Sam Okafor']);
    expect(readPeople(registry).people.find((p) => p.name === 'Sam Okafor')?.from).toBe(
      'invitation',
    );
    const input = view.querySelector('input[list]') as HTMLInputElement;
    await type(input, 'leila moreau');
    expect(view.querySelector('.person-unknown')).toBeNull(); // the same person, folded
  });

  it('takes a name not in the directory only as a fallback, and offers to add it', async () => {
    const registry = new Y.Doc();
    addPerson(registry, 'Leila Moreau', { from: 'added', by: 'lead-1', at: 1 });
    const view = await page(registry);
    await type(view.querySelector('input[list]') as HTMLInputElement, 'Leila Moreau (fictional)');
    expect(view.querySelector('.person-unknown')?.textContent).toContain(
      'Not in the workspace’s people.',
    );
    await click(button(view, 'Add “Leila Moreau (fictional)” to the people'));
    expect(readPeople(registry).people.map((p) => p.name)).toEqual([
      'Leila Moreau',
      'Leila Moreau (fictional)',
    ]);
    expect(view.querySelector('.person-unknown')).toBeNull();
  });
});
