import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRecord, readRegistry } from '../../../../shared/documents/registry/index.ts';
import { button, cleanup, click, field, render, type } from '../../test-support/render.tsx';
import { Inventory } from '../Inventory.tsx';
import { untilListed } from '../list/until-listed.ts';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

const AT = Date.UTC(2026, 5, 2, 10);

function registryDoc(): Y.Doc {
  const doc = new Y.Doc();
  createRecord(doc, 'team', { name: 'ChatGPT Team', toolKeys: ['openai-chatgpt'] }, 'lead-1', AT);
  createRecord(
    doc,
    'dup',
    { name: 'ChatGPT again', toolKeys: ['host:chat.openai.com'] },
    'lead-1',
    AT,
  );
  return doc;
}

const page = (doc: Y.Doc, recordId?: string, isAdmin = false) =>
  render(
    <Inventory
      registry={doc}
      recordId={recordId}
      canEdit
      isAdmin={isAdmin}
      me="lead-9"
      now={() => AT + 60_000}
    />,
  );

describe('correcting a record (rule RC3)', () => {
  it('archives a record: hidden from the list unless shown, and restorable', async () => {
    const doc = registryDoc();
    const view = await page(doc, 'dup');
    await click(button(view, 'Archive'));
    expect(readRegistry(doc).records.get('dup')?.archived).toMatchObject({ by: 'lead-9' });
    expect(view.textContent).toContain('Archived by lead-9');
    expect(view.querySelector('.history-list')?.textContent).toContain('archived the record');
    cleanup();
    const list = await page(doc);
    await untilListed(list);
    const names = () =>
      [...list.querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-record-id'));
    expect(names()).toEqual(['team']);
    await act(async () => {
      const select = field(list, 'Archived') as HTMLSelectElement;
      select.value = 'show';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await untilListed(list);
    expect(names()?.sort()).toEqual(['dup', 'team']);
    cleanup();
    const again = await page(doc, 'dup');
    await click(button(again, 'Restore from the archive'));
    expect(readRegistry(doc).records.get('dup')).not.toHaveProperty('archived');
  });

  it('merges a record into another, and its page then points there', async () => {
    const doc = registryDoc();
    const view = await page(doc, 'dup');
    await click(button(view, 'Merge into another record…'));
    await act(async () => {
      const select = field(view, 'The record to keep') as HTMLSelectElement;
      select.value = 'team';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await click(button(view, 'Merge'));
    expect(window.location.hash).toBe('#/inventory/team');
    const registry = readRegistry(doc);
    expect(registry.records.get('team')?.toolKeys).toEqual([
      'host:chat.openai.com',
      'openai-chatgpt',
    ]);
    expect(registry.removed?.get('dup')?.mergedInto).toBe('team');
    cleanup();
    const old = await page(doc, 'dup');
    expect(old.textContent).toContain('This record was merged into ChatGPT Team');
  });

  it('offers deletion to admins only, with a reason that is kept', async () => {
    const doc = registryDoc();
    const lead = await page(doc, 'dup');
    expect(() => button(lead, 'Delete…')).toThrow();
    cleanup();
    const admin = await page(doc, 'dup', true);
    await click(button(admin, 'Delete…'));
    await click(button(admin, 'Delete the record'));
    expect(admin.querySelector('[role="alert"]')?.textContent).toMatch(/Say why/);
    expect(readRegistry(doc).records.has('dup')).toBe(true);
    await type(field(admin, 'Reason'), 'Opened twice by mistake');
    await click(button(admin, 'Delete the record'));
    expect(readRegistry(doc).removed?.get('dup')?.deleted).toMatchObject({
      by: 'lead-9',
      reason: 'Opened twice by mistake',
    });
  });
});
