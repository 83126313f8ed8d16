import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRecord, readRegistry } from '../../../shared/documents/registry/index.ts';
import { button, cleanup, click, field, press, render, type } from '../test-support/render.tsx';
import { day, discoveriesDoc } from '../test-support/workspace-docs.ts';
import { Inbox } from './Inbox.tsx';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

const NOW = day(10) + 3_600_000;

async function inbox() {
  const discoveries = discoveriesDoc({
    a: { name: 'Alpha AI', lastSeen: day(9) },
    b: { name: 'Beta AI', lastSeen: day(8) },
  });
  const registry = new Y.Doc();
  createRecord(registry, 'rec-b', { name: 'Beta AI', toolKeys: ['b'] }, 'dana', day(4));
  const view = await render(
    <Inbox
      discoveries={discoveries}
      policy={new Y.Doc()}
      canEditPolicy
      registry={registry}
      canTriage
      updatedBy="tok1"
      now={() => NOW}
    />,
  );
  const keys = () =>
    [...view.querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-tool-key'));
  return { view, registry, keys, triage: () => readRegistry(registry).triage };
}

async function ctrlZ() {
  await act(async () => {
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true }));
  });
}

describe('undo and restore in the inbox (rule RC3)', () => {
  it('undoes a dismissal with the toast’s Undo, and a bulk one with Ctrl+Z', async () => {
    const { view, keys, triage } = await inbox();
    await press('j');
    await press('d');
    await type(field(view, 'Reason'), 'a test account');
    await click(button(view, 'Dismiss'));
    expect(keys()).toEqual(['b']);
    await click(button(view, 'Undo'));
    expect(triage().get('a')).toBeUndefined();
    expect(keys()).toEqual(['a', 'b']);
    expect(view.querySelector('[role="status"]')?.textContent).toBe('Undone.');

    await press('Escape'); // the details close: their own Snooze button is gone
    await click(view.querySelector('[aria-label="Select all visible"]'));
    await click(button(view, 'Snooze selected…'));
    await click(view.querySelector('.bulk-bar button[type="submit"]'));
    expect(keys()).toEqual([]);
    await ctrlZ();
    expect(keys()).toEqual(['a', 'b']);
    expect(triage().get('a')).toBeUndefined();
    expect(triage().get('b')).toBeUndefined();
  });

  it('restores a dismissed tool, keeping the dismissal as an earlier decision', async () => {
    const { view, keys, triage } = await inbox();
    await press('j');
    await press('d');
    await type(field(view, 'Reason'), 'a test account');
    await click(button(view, 'Dismiss'));
    await click(field(view, 'Show dismissed and snoozed'));
    await press('k');
    await press('Enter');
    await click(button(view, 'Restore to the inbox'));
    expect(triage().get('a')).toMatchObject({
      state: 'new',
      earlier: [{ state: 'dismissed', reason: 'a test account', by: 'tok1' }],
    });
    expect(view.querySelector('.triage-earlier')?.textContent).toContain(
      'Dismissed by tok1 on 2026-01-11: a test account',
    );
    await click(field(view, 'Show dismissed and snoozed'));
    expect(keys()).toEqual(['a', 'b']);
  });

  it('opens the record a tool already has on o, instead of making a second', async () => {
    const { view, registry } = await inbox();
    await press('j');
    await press('j'); // Beta AI, whose record lists it
    await press('o');
    expect(window.location.hash).toBe('#/inventory/rec-b');
    expect(readRegistry(registry).records.size).toBe(1);
    // The panel's button says so too, and makes a second one only when asked.
    await press('Enter');
    await click(button(view, 'Open a record'));
    expect(view.textContent).toContain('This tool already has a record: Beta AI');
    await click(button(view, 'Open a second record anyway'));
    await click(button(view, 'Create record'));
    expect(readRegistry(registry).records.size).toBe(2);
  });
});
