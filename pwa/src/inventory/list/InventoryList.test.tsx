import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createRecord,
  decideTier,
  updateRecord,
} from '../../../../shared/documents/registry/index.ts';
import {
  DeviceValuesProvider,
  memoryDeviceValues,
  workspaceKey,
  type DeviceValues,
} from '../../session/device-values.ts';
import { button, choose, cleanup, click, field, render, type } from '../../test-support/render.tsx';
import type { SavedFile } from './download.ts';
import { InventoryList } from './InventoryList.tsx';

const AT = Date.UTC(2026, 2, 10, 12);

beforeEach(() => void (window.location.hash = '#/inventory'));
afterEach(() => {
  cleanup();
  window.location.hash = '';
});

function registryDoc(): Y.Doc {
  const doc = new Y.Doc();
  const add = (id: string, fields: Parameters<typeof createRecord>[2], at = AT) =>
    createRecord(doc, id, fields, 'lead-1', at);
  add('r1', {
    name: 'HireRank',
    vendor: 'Rank Labs',
    owner: 'Dana',
    lifecycle: 'in-use',
    userCount: 12,
    purpose: 'Ranks applicants',
  });
  add(
    'r2',
    {
      name: 'Copilot',
      vendor: 'GitHub',
      owner: 'Sam',
      lifecycle: 'procurement',
      userCount: 300,
      departments: ['Engineering'],
    },
    AT + 1000,
  );
  add('r3', { name: 'Assistant', category: 'chat-assistant', provider: 'Anthropic' }, AT + 500);
  decideTier(doc, 'r2', { suggested: 'tier-3', decided: 'tier-3', by: 'lead-1', at: AT + 2000 });
  return doc;
}

const ids = (view: HTMLElement) =>
  [...view.querySelectorAll('tbody tr')].map((row) => row.getAttribute('data-record-id'));
const header = (view: HTMLElement, name: string) =>
  [...view.querySelectorAll('thead th')].find((th) => th.textContent?.startsWith(name))!;
const params = () => new URLSearchParams(window.location.hash.split('?')[1] ?? '');

async function renderList(
  options: { doc?: Y.Doc; canEdit?: boolean; values?: DeviceValues; files?: SavedFile[] } = {},
) {
  const doc = options.doc ?? registryDoc();
  const files = options.files ?? [];
  const view = await render(
    <DeviceValuesProvider value={options.values ?? memoryDeviceValues()}>
      <InventoryList
        registry={doc}
        canEdit={options.canEdit ?? true}
        me="tok-lead"
        now={() => AT + 60_000}
        workspace="acme"
        saveFile={(file) => files.push(file)}
      />
    </DeviceValuesProvider>,
  );
  return { view, doc, files };
}

describe('the inventory table', () => {
  it('is a table named "AI inventory" whose names link to their records', async () => {
    const { view } = await renderList();
    const table = view.querySelector('table')!;
    expect(table.getAttribute('role')).toBe('table');
    expect(table.getAttribute('aria-label')).toBe('AI inventory');
    expect(table.getAttribute('aria-rowcount')).toBe('4');
    expect(ids(view)).toEqual(['r3', 'r2', 'r1']);
    expect(view.querySelector('tr[data-record-id="r1"] a')?.getAttribute('href')).toBe(
      '#/inventory/r1',
    );
    await click(view.querySelector('tr[data-record-id="r2"] td:nth-child(3)'));
    expect(window.location.hash).toBe('#/inventory/r2');
  });

  it('sorts by a header, both ways, by click or by Enter, and keeps the sort in the address', async () => {
    const { view } = await renderList();
    await click(header(view, 'Users').querySelector('button'));
    expect(ids(view)).toEqual(['r1', 'r2', 'r3']);
    expect(header(view, 'Users').getAttribute('aria-sort')).toBe('ascending');
    expect(params().get('sort')).toBe('users');
    await click(header(view, 'Users').querySelector('button'));
    expect(ids(view)).toEqual(['r2', 'r1', 'r3']);
    expect(header(view, 'Users').getAttribute('aria-sort')).toBe('descending');
    expect(params().get('sort')).toBe('-users');
    // Headers are real buttons, so Enter and Space sort as a click does.
    const last = header(view, 'Last changed').querySelector('button')!;
    expect(last.type).toBe('button');
    await click(last);
    expect(ids(view)).toEqual(['r1', 'r3', 'r2']);
  });

  it('renders only the rows in view, even for thousands of records', async () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      for (let i = 0; i < 3000; i++) createRecord(doc, `r${i}`, { name: `Tool ${i}` }, 'lead', AT);
    });
    const { view } = await renderList({ doc });
    const rendered = view.querySelectorAll('tbody tr').length;
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(100);
    expect(view.querySelector('table')?.getAttribute('aria-rowcount')).toBe('3001');
    expect(view.querySelector('[role="status"]')?.textContent).toBe('3000 records');
  });
});

describe('search and filters', () => {
  it('searches as you type and puts the words in the address once typing settles', async () => {
    const { view } = await renderList();
    await type(field(view, 'Search the inventory'), 'engin');
    expect(ids(view)).toEqual(['r2']);
    expect(view.querySelector('[role="status"]')?.textContent).toMatch(/^1 of 3 records/);
    await act(() => new Promise((resolve) => setTimeout(resolve, 400)));
    expect(params().get('q')).toBe('engin');
    await type(field(view, 'Search the inventory'), 'anthropic');
    expect(ids(view)).toEqual(['r3']);
    await type(field(view, 'Search the inventory'), 'nothing like it');
    expect(ids(view)).toEqual([]);
    expect(view.textContent).toContain('No record matches these filters.');
  });

  it('searches what another lead just changed', async () => {
    const { view, doc } = await renderList();
    await act(async () => void updateRecord(doc, 'r3', { vendor: 'Zeta Labs' }, 'lead-2', AT + 5));
    await type(field(view, 'Search the inventory'), 'zeta');
    expect(ids(view)).toEqual(['r3']);
  });

  it('filters by lifecycle, tier and owner, and the address holds the filters', async () => {
    const { view } = await renderList();
    await choose(field(view, 'Lifecycle'), 'in-use');
    expect(ids(view)).toEqual(['r1']);
    expect(params().get('lifecycle')).toBe('in-use');
    await choose(field(view, 'Lifecycle'), '');
    await choose(field(view, 'Tier'), 'tier-3');
    expect(ids(view)).toEqual(['r2']);
    await choose(field(view, 'Tier'), 'none');
    expect(ids(view)).toEqual(['r3', 'r1']);
    await choose(field(view, 'Owner'), 'Dana');
    expect(ids(view)).toEqual(['r1']);
    expect(window.location.hash).toBe('#/inventory?tier=none&owner=Dana');
    await click(button(view, 'Clear filters'));
    expect(ids(view)).toEqual(['r3', 'r2', 'r1']);
    expect(window.location.hash).toBe('#/inventory');
  });

  it('opens with the filters of a linked address', async () => {
    window.location.hash = '#/inventory?q=rank&sort=-name&category=bogus';
    const { view } = await renderList();
    expect(ids(view)).toEqual(['r1']);
    expect((field(view, 'Search the inventory') as HTMLInputElement).value).toBe('rank');
    expect(header(view, 'Name').getAttribute('aria-sort')).toBe('descending');
  });
});

describe('saved views', () => {
  it('saves, picks, renames and deletes views on this device', async () => {
    const values = memoryDeviceValues();
    const { view } = await renderList({ values });
    await choose(field(view, 'Lifecycle'), 'procurement');
    await click(button(view, 'Save view…'));
    await type(field(view, 'Name of the new view'), '  Buying  ');
    await click(button(view, 'Save'));
    const stored = (await values.get(workspaceKey('savedViews', 'acme'))) as unknown[];
    expect(stored).toEqual([
      { id: expect.any(String), name: 'Buying', query: 'lifecycle=procurement' },
    ]);

    await click(button(view, 'Clear filters'));
    expect(ids(view)).toHaveLength(3);
    const picker = field(view, 'Saved view') as HTMLSelectElement;
    await choose(picker, (stored[0] as { id: string }).id);
    expect(ids(view)).toEqual(['r2']);
    expect(window.location.hash).toBe('#/inventory?lifecycle=procurement');

    await click(button(view, 'Rename view…'));
    await type(field(view, 'New name of the view'), 'Procurement');
    await click(button(view, 'Rename'));
    expect(
      ((await values.get(workspaceKey('savedViews', 'acme'))) as { name: string }[])[0]?.name,
    ).toBe('Procurement');
    await click(button(view, 'Delete view'));
    expect(await values.get(workspaceKey('savedViews', 'acme'))).toEqual([]);
  });

  it('refuses a view without a name, saving nothing', async () => {
    const values = memoryDeviceValues();
    const { view } = await renderList({ values });
    await click(button(view, 'Save view…'));
    await type(field(view, 'Name of the new view'), '   ');
    await click(button(view, 'Save'));
    expect(view.querySelector('[role="alert"]')?.textContent).toBe('A view needs a name.');
    expect(await values.get(workspaceKey('savedViews', 'acme'))).toBeUndefined();
  });

  it('reads stored views without trust, and shows a hostile name as text', async () => {
    const values = memoryDeviceValues({
      [workspaceKey('savedViews', 'acme')]: [
        { id: 'v1', name: '<img src=x onerror=alert(1)>', query: 'tier=tier-3&junk=1' },
        { id: 'v1', name: 'duplicate id', query: '' },
        { id: 42, name: 'bad id', query: '' },
        'not a view',
        { id: 'v2', name: '', query: '' },
      ],
    });
    const { view } = await renderList({ values });
    const options = [...(field(view, 'Saved view') as HTMLSelectElement).options].map(
      (o) => o.textContent,
    );
    expect(options).toEqual(['Choose a view', '<img src=x onerror=alert(1)>']);
    expect(view.querySelector('img')).toBeNull();
    await choose(field(view, 'Saved view'), 'v1');
    expect(window.location.hash).toBe('#/inventory?tier=tier-3');
    expect(ids(view)).toEqual(['r2']);
  });
});
