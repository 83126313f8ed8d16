import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createRecord, readRegistry } from '../../../shared/documents/registry/index.ts';
import {
  button,
  choose,
  cleanup,
  click,
  field,
  press,
  render,
  type,
} from '../test-support/render.tsx';
import { day, discoveriesDoc } from '../test-support/workspace-docs.ts';
import { Inbox } from './Inbox.tsx';

afterEach(cleanup);

const NOW = day(10) + 3_600_000;
const now = () => NOW;

async function inbox(canTriage = true) {
  const discoveries = discoveriesDoc({
    a: { name: 'Alpha AI', lastSeen: day(9) },
    b: { name: 'Beta AI', lastSeen: day(8) },
    c: { name: 'Gamma AI', lastSeen: day(7) },
    d: { name: 'Delta AI', lastSeen: day(6) },
  });
  const registry = new Y.Doc();
  createRecord(registry, 'rec-1', { name: 'Assistants' }, 'dana', day(4));
  const view = await render(
    <Inbox
      discoveries={discoveries}
      policy={new Y.Doc()}
      canEditPolicy={canTriage}
      registry={registry}
      canTriage={canTriage}
      updatedBy="tok1"
      now={now}
    />,
  );
  const keys = () =>
    [...view.querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-tool-key'));
  const ticked = () =>
    [...view.querySelectorAll<HTMLInputElement>('tbody input[type="checkbox"]')]
      .filter((box) => box.checked)
      .map((box) => box.closest('tr')?.getAttribute('data-tool-key'));
  const triage = () => readRegistry(registry).triage;
  return { view, registry, keys, ticked, triage };
}

describe('bulk actions in the inbox', () => {
  it('ticks the current row with x and extends with Shift+J and Shift+K', async () => {
    const { view, ticked } = await inbox();
    await press('j');
    await press('x');
    expect(ticked()).toEqual(['a']);
    await press('J');
    await press('J');
    expect(ticked()).toEqual(['a', 'b', 'c']);
    await press('x'); // the cursor is on c: x unticks it
    expect(ticked()).toEqual(['a', 'b']);
    expect(view.querySelector('[aria-label="Selected tools"]')?.textContent).toContain(
      '2 selected',
    );
    await press('K'); // from c up to b: both ticked again
    expect(ticked()).toEqual(['a', 'b', 'c']);
  });

  it('ticks with a checkbox per row and selects every visible row at once', async () => {
    const { view, ticked } = await inbox();
    await click(view.querySelector('[aria-label="Select Gamma AI"]'));
    expect(ticked()).toEqual(['c']);
    expect(view.querySelector('aside')).toBeNull(); // ticking does not open the details
    await click(view.querySelector('[aria-label="Select all visible"]'));
    expect(ticked()).toEqual(['a', 'b', 'c', 'd']);
    await click(view.querySelector('[aria-label="Select all visible"]'));
    expect(ticked()).toEqual([]);
  });

  it('dismisses the whole selection with one reason in one update, and hides it', async () => {
    const { view, registry, keys, ticked, triage } = await inbox();
    await press('j');
    await press('J');
    await press('J'); // a, b, c
    await click(button(view, 'Dismiss selected…'));
    const updates = vi.fn();
    registry.on('update', updates);
    await type(field(view, 'Reason'), 'internal experiments');
    await click(button(view, 'Dismiss'));
    expect(updates).toHaveBeenCalledTimes(1);
    for (const key of ['a', 'b', 'c']) {
      expect(triage().get(key)).toMatchObject({
        state: 'dismissed',
        reason: 'internal experiments',
        by: 'tok1',
        at: NOW,
      });
    }
    expect(triage().has('d')).toBe(false);
    expect(keys()).toEqual(['d']);
    expect(ticked()).toEqual([]);
    expect(view.querySelector('[role="status"]')?.textContent).toBe('Dismissed 3 tools.');
    expect(
      view.querySelector('tbody tr[aria-selected="true"]')?.getAttribute('data-tool-key'),
    ).toBe('d');
  });

  it('refuses a bulk dismissal without a reason and writes nothing', async () => {
    const { view, ticked, triage } = await inbox();
    await click(view.querySelector('[aria-label="Select all visible"]'));
    await click(button(view, 'Dismiss selected…'));
    await click(button(view, 'Dismiss'));
    expect(view.textContent).toContain('Say why this is noise.');
    expect(triage().size).toBe(0);
    expect(ticked()).toHaveLength(4);
  });

  it('snoozes and merges a selection', async () => {
    const { view, keys, triage } = await inbox();
    await click(view.querySelector('[aria-label="Select Alpha AI"]'));
    await click(view.querySelector('[aria-label="Select Beta AI"]'));
    await click(button(view, 'Merge selected into…'));
    await choose(field(view, 'Record'), 'rec-1');
    await click(button(view, 'Merge'));
    expect(readRecordKeys(triage())).toEqual({ a: 'merged', b: 'merged' });
    expect(view.querySelector('[role="status"]')?.textContent).toBe(
      'Merged 2 tools into Assistants.',
    );

    await click(view.querySelector('[aria-label="Select Gamma AI"]'));
    await click(button(view, 'Snooze selected…'));
    await type(field(view, 'Until'), '2026-01-20');
    await click(button(view, 'Snooze until then'));
    expect(triage().get('c')).toMatchObject({ state: 'snoozed', snoozedUntil: day(19) });
    expect(keys()).toEqual(['a', 'b', 'd']);
  });

  it('offers no selection to a contributor', async () => {
    const { view } = await inbox(false);
    expect(view.querySelector('input[type="checkbox"][aria-label^="Select"]')).toBeNull();
    await press('j');
    await press('x');
    expect(view.querySelector('[aria-label="Selected tools"]')).toBeNull();
  });
});

function readRecordKeys(triage: ReturnType<typeof readRegistry>['triage']) {
  return Object.fromEntries([...triage].map(([key, entry]) => [key, entry.state]));
}
