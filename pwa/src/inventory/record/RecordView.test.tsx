import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createRecord,
  readRecordLogs,
  readRegistry,
  updateRecord,
} from '../../../../shared/documents/registry/index.ts';
import { useRegistry } from '../../sync/documents.ts';
import {
  button,
  choose,
  cleanup,
  click,
  field,
  press,
  render,
  type,
} from '../../test-support/render.tsx';
import { RecordView } from '../RecordView.tsx';

const T0 = Date.UTC(2026, 2, 10, 12);
let clock = T0;
const now = () => clock;

afterEach(() => {
  cleanup();
  clock = T0;
});

function aRegistry(): Y.Doc {
  const doc = new Y.Doc();
  createRecord(
    doc,
    'rec-1',
    { name: 'HireRank', vendor: 'Rank Ltd', departments: ['HR'], toolKeys: ['hirerank'] },
    'lead-0',
    T0 - 3 * 86_400_000,
  );
  return doc;
}

function Page({ registry, canEdit }: { registry: Y.Doc; canEdit: boolean }) {
  const record = useRegistry(registry).records.get('rec-1');
  let n = 0;
  return record ? (
    <RecordView
      record={record}
      registry={registry}
      canEdit={canEdit}
      me="lead-1"
      now={now}
      newId={() => `note-${clock}-${n++}`}
    />
  ) : null;
}

const stored = (doc: Y.Doc) => readRegistry(doc).records.get('rec-1')!;

async function blur(element: HTMLElement) {
  await act(async () => element.blur());
}

async function edit(element: HTMLElement, value: string) {
  await act(async () => element.focus());
  await type(element, value);
}

describe('the record page for a lead', () => {
  it('saves a text field on blur and on Enter, one field at a time, with history', async () => {
    const registry = aRegistry();
    const view = await render(<Page registry={registry} canEdit />);
    const vendor = field(view, 'Vendor') as HTMLInputElement;
    expect(vendor.value).toBe('Rank Ltd');
    await edit(vendor, 'Rank Group');
    expect(stored(registry).vendor).toBe('Rank Ltd'); // not saved while typing
    await blur(vendor);
    expect(stored(registry)).toMatchObject({ vendor: 'Rank Group', updatedBy: 'lead-1' });

    clock += 60_000;
    const owner = field(view, 'Business owner') as HTMLInputElement;
    await edit(owner, '  Dana (People Ops) ');
    await press('Enter', owner);
    expect(stored(registry).owner).toBe('Dana (People Ops)');

    await edit(owner, 'Typo');
    await press('Escape', owner);
    expect(owner.value).toBe('Dana (People Ops)');
    await blur(owner);
    expect(stored(registry).owner).toBe('Dana (People Ops)');

    const history = view.querySelector('.history-list')!;
    const items = [...history.querySelectorAll('li')].map((li) => li.textContent);
    expect(items[0]).toContain('lead-1 changed business owner · just now');
    expect(items[0]).toContain('Business owner: (none) → “Dana (People Ops)”');
    expect(items[1]).toContain('lead-1 changed vendor · 1 minute ago');
    expect(items[1]).toContain('Vendor: “Rank Ltd” → “Rank Group”');
    expect(items.at(-1)).toContain('lead-0 created the record · 3 days ago');
  });

  it('shows another lead’s change live, but never over what is being typed', async () => {
    const registry = aRegistry();
    const view = await render(<Page registry={registry} canEdit />);
    const vendor = field(view, 'Vendor') as HTMLInputElement;
    const model = field(view, 'Model') as HTMLInputElement;
    await act(async () => void updateRecord(registry, 'rec-1', { model: 'GPT-4o' }, 'lead-2', T0));
    expect(model.value).toBe('GPT-4o');

    await edit(vendor, 'Mine');
    await act(async () => void updateRecord(registry, 'rec-1', { vendor: 'Theirs' }, 'lead-2', T0));
    expect(vendor.value).toBe('Mine');
    expect(view.textContent).toContain(
      'Someone else changed this to “Theirs” while you were typing',
    );
    await blur(vendor);
    expect(stored(registry).vendor).toBe('Mine');
    expect(view.textContent).not.toContain('Someone else changed this');
  });

  it('refuses bad values with a message and keeps what was typed', async () => {
    const registry = aRegistry();
    const view = await render(<Page registry={registry} canEdit />);
    const users = field(view, 'Number of users') as HTMLInputElement;
    await edit(users, 'forty');
    await blur(users);
    expect(users.value).toBe('forty');
    expect(view.querySelector('[role="alert"]')?.textContent).toBe(
      'Enter a whole number of people.',
    );
    expect(stored(registry)).not.toHaveProperty('userCount');
    await edit(users, '40');
    await blur(users);
    expect(stored(registry).userCount).toBe(40);
    expect(view.querySelector('[role="alert"]')).toBeNull();

    const name = field(view, 'Name') as HTMLInputElement;
    await edit(name, '   ');
    await blur(name);
    expect(view.querySelector('[role="alert"]')?.textContent).toBe('A record needs a name.');
    expect(stored(registry).name).toBe('HireRank');
  });

  it('edits the choices and the sets item by item', async () => {
    const registry = aRegistry();
    const view = await render(<Page registry={registry} canEdit />);
    await choose(field(view, 'Lifecycle'), 'in-use');
    await choose(field(view, 'Category'), 'chat-assistant');
    expect(stored(registry)).toMatchObject({ lifecycle: 'in-use', category: 'chat-assistant' });
    await choose(field(view, 'Lifecycle'), '');
    expect(stored(registry)).not.toHaveProperty('lifecycle');

    // A department another lead added a moment ago stays when this one adds its own.
    updateRecord(registry, 'rec-1', { departments: ['HR', 'Legal'] }, 'lead-2', T0);
    const add = field(view, 'Add a department') as HTMLInputElement;
    await type(add, 'Sales');
    await press('Enter', add);
    expect(stored(registry).departments).toEqual(['HR', 'Legal', 'Sales']);
    expect(add.value).toBe('');
    await click(button(view, 'Remove department HR'));
    expect(stored(registry).departments).toEqual(['Legal', 'Sales']);

    const personal = field(view, 'personal') as HTMLInputElement;
    await click(personal);
    expect(stored(registry).dataCategories).toEqual(['personal']);
    await click(personal);
    expect(stored(registry).dataCategories).toEqual([]);

    const detection = field(view, 'Add a detection') as HTMLInputElement;
    await type(detection, 'Not a key!');
    await click(button(view, 'Add detection'));
    expect(view.querySelector('[role="alert"]')?.textContent).toMatch(/catalog tool id/);
    expect(detection.value).toBe('Not a key!');
    await type(detection, 'host:rank.example');
    await click(button(view, 'Add detection'));
    await click(button(view, 'Remove detection hirerank'));
    expect(stored(registry).toolKeys).toEqual(['host:rank.example']);
  });

  it('adds and removes dated notes, shown as text', async () => {
    const registry = aRegistry();
    const view = await render(<Page registry={registry} canEdit />);
    expect(view.textContent).toContain('No notes yet.');
    await choose(field(view, 'Kind'), 'drift');
    const text = field(view, 'Note') as HTMLTextAreaElement;
    await type(text, '<img src=x onerror=alert(1)> accuracy fell 4 points');
    await click(button(view, 'Add note'));
    expect(text.value).toBe('');
    const note = view.querySelector('.note')!;
    expect(note.textContent).toContain('Drift 2026-03-10 12:00 UTC · lead-1');
    expect(note.textContent).toContain('<img src=x onerror=alert(1)> accuracy fell 4 points');
    expect(view.querySelector('.record-notes img')).toBeNull();
    expect(readRecordLogs(registry, 'rec-1').notes).toHaveLength(1);

    await click(button(view, 'Add note')); // empty: refused, nothing written
    expect(view.querySelector('.record-notes [role="alert"]')?.textContent).toBe(
      'Write the note first.',
    );
    await click(button(view, 'Remove the drift note of 2026-03-10 12:00 UTC'));
    expect(readRecordLogs(registry, 'rec-1').notes).toEqual([]);
    const history = view.querySelector('.history-list')!.textContent;
    expect(history).toContain('lead-1 removed a drift note');
    expect(history).toContain('lead-1 added a drift note');
  });

  it('says there are no assessments or risks yet', async () => {
    const view = await render(<Page registry={aRegistry()} canEdit />);
    const section = view.querySelector('[aria-labelledby="record-links-heading"]');
    expect(section?.textContent).toContain('Assessments and risks');
    expect(section?.textContent).toContain('No assessment yet.');
    expect(section?.textContent).toContain('No risk in the risk register names this system.');
  });
});

describe('the record page for a contributor', () => {
  it('shows the fields and notes read-only, writing nothing', async () => {
    const registry = aRegistry();
    const before = Y.encodeStateAsUpdate(registry);
    const view = await render(<Page registry={registry} canEdit={false} />);
    expect(view.querySelector('.record-fields')?.textContent).toContain('VendorRank Ltd');
    expect(view.querySelectorAll('.record-editor, .note-form, .record-notes button')).toHaveLength(
      0,
    );
    expect(Y.encodeStateAsUpdate(registry)).toEqual(before);
  });

  it('shows both values two leads left at once, and keeps the one chosen (rule RC1)', async () => {
    const registry = aRegistry();
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(registry));
    updateRecord(registry, 'rec-1', { owner: 'Dana (People Ops)' }, 'lead-1', clock);
    updateRecord(other, 'rec-1', { owner: 'Sam (Talent)' }, 'lead-2', clock);
    Y.applyUpdate(registry, Y.encodeStateAsUpdate(other));
    const view = await render(<Page registry={registry} canEdit />);
    const group = view.querySelector('[aria-label="Business owner: two values"]')!;
    expect([...group.querySelectorAll('q')].map((q) => q.textContent).sort()).toEqual([
      'Dana (People Ops)',
      'Sam (Talent)',
    ]);
    const keepSam = [...group.querySelectorAll('li')].find((li) => li.textContent?.includes('Sam'));
    await click(keepSam!.querySelector('button')!);
    expect(stored(registry).owner).toBe('Sam (Talent)');
    expect(stored(registry).conflicts).toBeUndefined();
    expect(view.querySelector('.record-conflict')).toBeNull();
    expect(view.querySelector('.history-list')!.textContent).toContain(
      'lead-1 settled a conflicting edit of business owner',
    );
  });
});
