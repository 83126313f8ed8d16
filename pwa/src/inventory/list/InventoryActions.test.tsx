import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRecord, readRegistry } from '../../../../shared/documents/registry/index.ts';
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
  createRecord(doc, 'r1', { name: 'HireRank', owner: 'Dana' }, 'lead-1', AT);
  createRecord(doc, 'r0', { name: '=cmd|calc', purpose: 'says "hi", twice' }, 'lead-1', AT);
  return doc;
}

async function renderList(canEdit = true, doc = registryDoc()) {
  const files: SavedFile[] = [];
  const view = await render(
    <InventoryList
      registry={doc}
      canEdit={canEdit}
      me="tok-lead"
      now={() => AT + 60_000}
      workspace="acme corp"
      saveFile={(file) => files.push(file)}
    />,
  );
  return { view, doc, files };
}

/** Radix renders dialogs in a portal on the body, outside the list's container. */
const dialog = () => document.body.querySelector<HTMLElement>('[role="dialog"]');

describe('exporting the register', () => {
  it('downloads the CSV and JSON of every record, named by workspace and day', async () => {
    const { view, files } = await renderList(false);
    await click(button(view, 'Export CSV'));
    await click(button(view, 'Export JSON'));
    expect(files.map((f) => [f.name, f.type])).toEqual([
      ['acme-corp-inventory-2026-03-10.csv', 'text/csv;charset=utf-8'],
      ['acme-corp-inventory-2026-03-10.json', 'application/json'],
    ]);
    const lines = files[0]!.text.split('\r\n');
    expect(lines[0]!.startsWith('\ufeffID,Name,')).toBe(true);
    expect(lines[1]).toMatch(/^r0,'=cmd\|calc,,,"says ""hi"", twice",/);
    expect(lines[2]).toMatch(/^r1,HireRank,/);
    const json = JSON.parse(files[1]!.text);
    expect(json.records.map((r: { name: string }) => r.name)).toEqual(['=cmd|calc', 'HireRank']);
  });
});

describe('a new record', () => {
  it('is created from the dialog in the registry, then opened', async () => {
    const { view, doc } = await renderList();
    await click(button(view, 'New record'));
    const form = dialog()!;
    expect(form.querySelector('h2')?.textContent).toBe('New record');
    await type(field(form, 'Name (required)'), '  Contract reader  ');
    await type(field(form, 'Vendor'), 'In-house');
    await choose(field(form, 'Category'), 'writing');
    await type(field(form, 'Purpose'), 'Reads <b>contracts</b>');
    await type(field(form, 'Business owner'), 'Legal');
    await choose(field(form, 'Lifecycle'), 'development');
    await click(button(form, 'Create record'));
    const created = [...readRegistry(doc).records.values()].find(
      (r) => r.name === 'Contract reader',
    )!;
    expect(created).toMatchObject({
      vendor: 'In-house',
      category: 'writing',
      purpose: 'Reads <b>contracts</b>',
      owner: 'Legal',
      lifecycle: 'development',
      createdBy: 'tok-lead',
      createdAt: AT + 60_000,
    });
    expect(created.id).toMatch(/^[0-9a-f]{32}$/);
    expect(window.location.hash).toBe(`#/inventory/${created.id}`);
    expect(dialog()).toBeNull();
  });

  it('needs a name, and writes nothing without one', async () => {
    const { view, doc } = await renderList();
    const before = Y.encodeStateAsUpdate(doc);
    await click(button(view, 'New record'));
    await type(field(dialog()!, 'Vendor'), 'Someone');
    await click(button(dialog()!, 'Create record'));
    expect(dialog()?.querySelector('[role="alert"]')?.textContent).toBe('A record needs a name.');
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('is not offered to a role that may not edit, nor is import', async () => {
    const { view } = await renderList(false);
    expect(() => button(view, 'New record')).toThrow();
    expect(view.querySelector('input[type="file"]')).toBeNull();
    expect(button(view, 'Export CSV')).toBeTruthy();
  });
});
