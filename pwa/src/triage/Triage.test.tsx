import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRecord, readRegistry, setTriage } from '../../../shared/documents/registry/index.ts';
import { Inbox } from '../inbox/Inbox.tsx';
import {
  button,
  choose,
  cleanup,
  click,
  field,
  press,
  render,
  settle,
  type,
} from '../test-support/render.tsx';
import { day, discoveriesDoc } from '../test-support/workspace-docs.ts';

afterEach(cleanup);

const NOW = day(10) + 3_600_000;
const now = () => NOW;

function docs() {
  const discoveries = discoveriesDoc({
    'openai-chatgpt': { name: 'ChatGPT', reporters: 12, firstSeen: day(0), lastSeen: day(3) },
    'anthropic-claude': {
      name: 'Claude',
      reporters: 4,
      firstSeen: day(1),
      lastSeen: day(8),
      signals: ['visit', 'flag'],
      flagCount: 2,
      purposes: ['summarise tickets'],
      dataCategories: ['customer', 'personal'],
    },
    'host:noise.example': {
      name: 'noise.example',
      category: 'other',
      firstSeen: day(2),
      lastSeen: day(5),
    },
  });
  const registry = new Y.Doc();
  createRecord(
    registry,
    'rec-gpt',
    { name: 'ChatGPT Enterprise', toolKeys: ['openai-chatgpt'] },
    'dana',
    day(4),
  );
  createRecord(registry, 'rec-copilot', { name: 'Copilot' }, 'dana', day(4));
  return { discoveries, registry, policy: new Y.Doc() };
}

async function inbox(role: 'lead' | 'contributor' = 'lead') {
  const { discoveries, registry, policy } = docs();
  const view = await render(
    <Inbox
      discoveries={discoveries}
      policy={policy}
      canEditPolicy={role === 'lead'}
      registry={registry}
      canTriage={role === 'lead'}
      updatedBy="tok1"
      now={now}
    />,
  );
  const keys = () =>
    [...view.querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-tool-key'));
  const row = (toolKey: string) => view.querySelector(`tbody tr[data-tool-key="${toolKey}"]`);
  const selected = () =>
    view.querySelector('tbody tr[aria-selected="true"]')?.getAttribute('data-tool-key');
  const triage = (toolKey: string) => readRegistry(registry).triage.get(toolKey);
  return { view, registry, keys, row, selected, triage };
}

/** The triage cell of a row (the column before the policy status). */
const triageCell = (row: Element | null) => row?.querySelector('.triage-state')?.textContent;

describe('triage in the inbox', () => {
  it('shows every tool as new, with the shortcuts in the hint line', async () => {
    const { view, keys, row } = await inbox();
    expect(keys()).toEqual(['anthropic-claude', 'host:noise.example', 'openai-chatgpt']);
    expect(triageCell(row('anthropic-claude'))).toBe('New');
    const hint = view.querySelector('.keys-hint')?.textContent;
    expect(hint).toContain('o open a record');
    expect(hint).toContain('m merge into a record');
    expect(hint).toContain('d dismiss');
    expect(hint).toContain('s snooze');
  });

  it('opens a record from the discovery: name, category, tool key and the flags’ data kinds', async () => {
    const { view, registry, row, triage } = await inbox();
    await click(row('anthropic-claude')?.querySelector('button'));
    await click(button(view, 'Open a record'));
    expect((field(view, 'Record name') as HTMLInputElement).value).toBe('Claude');
    expect(document.activeElement).toBe(field(view, 'Record name'));
    await type(field(view, 'Record name'), 'Claude for Work');
    await click(button(view, 'Create record'));

    const decision = triage('anthropic-claude');
    expect(decision).toMatchObject({ state: 'open', by: 'tok1', at: NOW });
    const record = readRegistry(registry).records.get(decision!.recordId!);
    expect(decision!.recordId).toMatch(/^[0-9a-f-]{36}$/);
    expect(record).toMatchObject({
      name: 'Claude for Work',
      category: 'chat-assistant',
      toolKeys: ['anthropic-claude'],
      dataCategories: ['customer', 'personal'],
      createdBy: 'tok1',
      createdAt: NOW,
    });
    expect(triageCell(row('anthropic-claude'))).toBe('Opened as Claude for Work');
    expect(view.querySelector('[role="status"]')?.textContent).toBe(
      'Opened a record: Claude for Work.',
    );
  });

  it('merges into a record chosen by name with m', async () => {
    const { view, registry, row, triage } = await inbox();
    await click(row('openai-chatgpt')?.querySelector('button'));
    await press('Escape');
    await press('m');
    expect(view.querySelector('aside h2')?.textContent).toBe('ChatGPT');
    const select = field(view, 'Record') as HTMLSelectElement;
    expect(document.activeElement).toBe(select);
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'Choose a record…',
      'ChatGPT Enterprise',
      'Copilot',
    ]);
    await click(button(view, 'Merge'));
    expect(view.textContent).toContain('Choose the record to merge into.');
    expect(triage('openai-chatgpt')).toBeUndefined();

    await choose(select, 'rec-copilot');
    await click(button(view, 'Merge'));
    expect(triage('openai-chatgpt')).toMatchObject({ state: 'merged', recordId: 'rec-copilot' });
    expect(readRegistry(registry).records.get('rec-copilot')?.toolKeys).toEqual(['openai-chatgpt']);
    expect(triageCell(row('openai-chatgpt'))).toBe('Merged into Copilot');
  });

  it('requires a reason to dismiss, then hides the tool behind the filter', async () => {
    const { view, keys, row, selected, triage } = await inbox();
    await press('j');
    await press('j');
    expect(selected()).toBe('host:noise.example');
    await press('d');
    const reason = field(view, 'Reason');
    expect(document.activeElement).toBe(reason);
    await click(button(view, 'Dismiss'));
    expect(triage('host:noise.example')).toBeUndefined();
    expect(view.textContent).toContain('Say why this is noise.');
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    await type(reason, '   ');
    await click(button(view, 'Dismiss'));
    expect(triage('host:noise.example')).toBeUndefined();

    await type(reason, 'An internal test page');
    await click(button(view, 'Dismiss'));
    expect(triage('host:noise.example')).toMatchObject({
      state: 'dismissed',
      reason: 'An internal test page',
      by: 'tok1',
      at: NOW,
    });
    expect(keys()).toEqual(['anthropic-claude', 'openai-chatgpt']);
    expect(selected()).toBe('openai-chatgpt'); // the next tool, ready for the next decision
    const filter = field(view, 'Show dismissed and snoozed') as HTMLInputElement;
    expect(filter.parentElement?.textContent).toContain('(1)');

    await click(filter);
    expect(keys()).toEqual(['anthropic-claude', 'host:noise.example', 'openai-chatgpt']);
    expect(triageCell(row('host:noise.example'))).toBe('Dismissed');
    await click(filter);
    expect(keys()).toEqual(['anthropic-claude', 'openai-chatgpt']);
  });

  it('snoozes until a day with s; the tool comes back once that day has come', async () => {
    const { view, registry, keys, row, triage } = await inbox();
    await press('j');
    await press('s');
    const until = field(view, 'Until') as HTMLInputElement;
    expect(until.value).toBe('2026-01-18'); // a week on
    await type(until, '2026-01-11'); // today: refused
    await click(button(view, 'Snooze until then'));
    expect(view.textContent).toContain('Choose a day after today.');
    expect(triage('anthropic-claude')).toBeUndefined();
    await type(until, '2026-02-01');
    await click(button(view, 'Snooze until then'));
    expect(triage('anthropic-claude')).toMatchObject({
      state: 'snoozed',
      snoozedUntil: Date.UTC(2026, 1, 1),
    });
    expect(keys()).not.toContain('anthropic-claude');

    // Another lead's snooze that is already over shows the tool again.
    await act(async () =>
      setTriage(registry, 'openai-chatgpt', {
        state: 'snoozed',
        snoozedUntil: day(9),
        by: 'dana',
        at: day(2),
      }),
    );
    await settle();
    expect(keys()).toContain('openai-chatgpt');
    expect(triageCell(row('openai-chatgpt'))).toBe('Snooze over');
    await click(field(view, 'Show dismissed and snoozed'));
    expect(triageCell(row('anthropic-claude'))).toBe('Snoozed until 2026-02-01');
  });

  it('takes shortcuts only with a tool selected and no field focused; Escape closes the form', async () => {
    const { view, triage } = await inbox();
    await press('d');
    expect(view.querySelector('aside')).toBeNull();
    await press('j');
    await press('Enter');
    await press('d', field(view, 'Guidance'));
    expect(view.querySelector('form[aria-label="Dismiss as noise"]')).toBeNull();
    await press('d');
    expect(view.querySelector('form[aria-label="Dismiss as noise"]')).not.toBeNull();
    await press('s', field(view, 'Reason'));
    expect(view.querySelector('form[aria-label="Snooze"]')).toBeNull();
    await press('Escape', field(view, 'Reason'));
    expect(view.querySelector('form[aria-label="Dismiss as noise"]')).toBeNull();
    expect(view.querySelector('aside')).not.toBeNull();
    await press('o');
    expect(document.activeElement).toBe(field(view, 'Record name'));
    expect(triage('anthropic-claude')).toBeUndefined(); // a shortcut opens the form, never writes
  });

  it('shows a contributor the decisions, read-only', async () => {
    const { view, registry, keys, row } = await inbox('contributor');
    await act(async () =>
      setTriage(registry, 'anthropic-claude', {
        state: 'dismissed',
        reason: 'Blocked at the proxy',
        by: 'dana',
        at: day(9),
      }),
    );
    await settle();
    const before = Y.encodeStateAsUpdate(registry);
    expect(keys()).not.toContain('anthropic-claude');
    expect(view.querySelector('.keys-hint')?.textContent).not.toContain('dismiss');
    await click(field(view, 'Show dismissed and snoozed'));
    await click(row('anthropic-claude')?.querySelector('button'));
    expect(view.querySelector('aside')?.textContent).toContain('Reason: Blocked at the proxy');
    expect(view.textContent).toContain('Only admins and leads triage');
    for (const name of ['Open a record', 'Merge into…', 'Dismiss as noise', 'Snooze']) {
      expect(() => button(view, name)).toThrow();
    }
    for (const key of ['o', 'm', 'd', 's']) await press(key);
    expect(view.querySelector('.triage-form')).toBeNull();
    expect(Y.encodeStateAsUpdate(registry)).toEqual(before);
  });
});
