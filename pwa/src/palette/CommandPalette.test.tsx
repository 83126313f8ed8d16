import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  claimRiskRefs,
  createRecord,
  readRegistry,
  saveRisk,
} from '../../../shared/documents/registry/index.ts';
import { App } from '../app/App.tsx';
import { memoryCredentialStorage } from '../session/device-settings.ts';
import { createSessionStore } from '../session/session-store.ts';
import { holdWorkspace } from '../sync/workspace-holder.ts';
import { fakeSync } from '../test-support/fake-sync.ts';
import { fakeToken } from '../test-support/fake-token.ts';
import { cleanup, click, field, press, render, settle, type } from '../test-support/render.tsx';
import { day, discoveriesDoc } from '../test-support/workspace-docs.ts';
import type { ServiceWorkerUpdates } from '../update-prompt/service-worker-updates.ts';

const updates: ServiceWorkerUpdates = {
  updateReady: () => false,
  offlineReady: () => false,
  subscribe: () => () => {},
  applyUpdate: async () => {},
  checkForUpdate: () => {},
};
const HOSTILE = '<img src=x onerror="window.__pwned=1">';

const paletteLoaded = () =>
  vi.waitFor(() =>
    expect(document.querySelector('.palette-trigger:not([data-loading])')).not.toBeNull(),
  );

async function app() {
  const token = fakeToken({ ws: 'acme', role: 'lead', jti: 'ab12' });
  const session = createSessionStore({
    storage: memoryCredentialStorage({ workspace: 'acme', token, role: 'lead' }),
    whoami: async () => ({ kind: 'unreachable' }),
    online: () => true,
  });
  const discoveries = discoveriesDoc({
    'openai-chatgpt': { name: 'ChatGPT', lastSeen: day(3) },
    'host:evil.example': { name: HOSTILE, category: 'other', lastSeen: day(2) },
  });
  const registry = new Y.Doc();
  createRecord(registry, 'rec-1', { name: 'ChatGPT Enterprise' }, 'dana', day(1));
  saveRisk(
    registry,
    'risk-bias',
    {
      systemIds: ['rec-1'],
      source: 'algorithmic-bias',
      description: 'Ranks some groups of applicants lower',
      likelihood: 3,
      impact: 5,
      treatment: 'mitigate',
      controls: [],
      status: 'open',
    },
    'dana',
    day(1),
  );
  claimRiskRefs(registry, ['risk-bias']);
  const workspace = holdWorkspace(session, (credentials) =>
    fakeSync(credentials, { discoveries, registry }),
  );
  const view = await render(<App updates={updates} session={session} workspace={workspace} />);
  await act(() => session.start());
  await settle();
  // The palette loads after the first paint (LazyCommandPalette.tsx).
  await paletteLoaded();
  return { view, registry };
}

/** Ctrl+K (or ⌘K), pressed anywhere. */
async function ctrlK(meta = false) {
  await act(async () => {
    document.body.dispatchEvent(
      new KeyboardEvent('keydown', {
        key: 'k',
        ctrlKey: !meta,
        metaKey: meta,
        bubbles: true,
        cancelable: true,
      }),
    );
  });
  await settle();
}

const palette = () => document.querySelector<HTMLElement>('[role="dialog"]');
const items = () =>
  [...document.querySelectorAll('[cmdk-item]')].map(
    (item) =>
      (item.querySelector('.palette-label')?.textContent ?? '') +
      (item.querySelector('kbd')?.textContent ?? ''),
  );
const item = (text: string) =>
  [...document.querySelectorAll('[cmdk-item]')].find((el) => el.textContent?.startsWith(text));
async function search(text: string) {
  const input = document.querySelector('[cmdk-input]');
  await type(input, text);
  await settle();
}

beforeEach(() => window.history.replaceState(null, '', '/#/inbox'));
afterEach(cleanup);

describe('the command palette', () => {
  it('opens with Ctrl+K or ⌘K as a labelled modal dialog with the focus in its search', async () => {
    await app();
    expect(palette()).toBeNull();
    await ctrlK();
    const dialog = palette();
    expect(dialog?.getAttribute('aria-labelledby')).toBeTruthy();
    const title = document.getElementById(dialog!.getAttribute('aria-labelledby')!);
    expect(title?.textContent).toBe('Command palette');
    expect(document.activeElement?.hasAttribute('cmdk-input')).toBe(true);
    expect(items()).toEqual(expect.arrayContaining(['Go to Inbox', 'Go to Settings']));
    await press('Escape');
    expect(palette()).toBeNull();
    await ctrlK(true);
    expect(palette()).not.toBeNull();
  });

  it('goes to a section', async () => {
    await app();
    await ctrlK();
    await search('dashb');
    // Places rank first; a tool whose host matches ("dashboard.cohere.com") may follow.
    expect(items()[0]).toBe('Go to Dashboard');
    await click(item('Go to Dashboard'));
    expect(window.location.hash).toBe('#/dashboard');
    expect(palette()).toBeNull();
  });

  it('jumps to a tool in the inbox by name, shown as text, and opens its details', async () => {
    const { view } = await app();
    await ctrlK();
    await search('onerror');
    expect(items()).toEqual([HOSTILE]);
    expect(document.querySelector('[role="dialog"] img')).toBeNull();
    await click(item(HOSTILE));
    await settle();
    expect(view.querySelector('aside h2')?.textContent).toBe(HOSTILE);
    expect(
      view.querySelector('tbody tr[aria-selected="true"]')?.getAttribute('data-tool-key'),
    ).toBe('host:evil.example');
    expect(window.location.hash).toBe('#/inbox');
  });

  it('jumps to a record in the inventory by name', async () => {
    await app();
    await ctrlK();
    await search('enterprise');
    // The record by its name first; its risk (which names the system) after it.
    expect(items()[0]).toBe('ChatGPT Enterprise');
    await click(item('ChatGPT Enterprise'));
    expect(window.location.hash).toBe('#/inventory/rec-1');
  });

  it('runs a triage action on the selected inbox row', async () => {
    const { view, registry } = await app();
    await press('j'); // ChatGPT
    await ctrlK();
    await search('dismiss');
    expect(items()).toEqual(['Dismiss ChatGPT as noise…d']);
    await click(item('Dismiss ChatGPT'));
    const reason = field(view, 'Reason');
    expect(document.activeElement).toBe(reason);
    await type(reason, 'a test account');
    await click([...view.querySelectorAll('button')].find((b) => b.textContent === 'Dismiss'));
    expect(readRegistry(registry).triage.get('openai-chatgpt')).toMatchObject({
      state: 'dismissed',
      reason: 'a test account',
    });
  });

  it("shows the keyboard shortcuts with '?', but not while typing", async () => {
    const { view } = await app();
    await press('?');
    const dialog = palette();
    expect(dialog?.textContent).toContain('Keyboard shortcuts');
    expect(dialog?.textContent).toContain('Inbox: select the tool for a bulk action');
    await press('Escape');
    expect(palette()).toBeNull();
    await press('j');
    await press('Enter');
    await press('?', field(view, 'Guidance'));
    expect(palette()).toBeNull();
  });

  it('is a combobox over a listbox: arrows move the active option, Enter runs it', async () => {
    await app();
    await ctrlK();
    const input = document.querySelector('[cmdk-input]')!;
    expect(input.getAttribute('role')).toBe('combobox');
    const list = document.getElementById(input.getAttribute('aria-controls')!);
    expect(list?.getAttribute('role')).toBe('listbox');
    expect(document.querySelectorAll('[role="option"]').length).toBe(items().length);
    await search('settings');
    await press('Enter', input);
    expect(window.location.hash).toBe('#/settings');
  });

  it('"risk" finds the risk register, the risk actions and the risks by their reference', async () => {
    await app();
    await ctrlK();
    await search('risk');
    const found = items();
    expect(found[0]).toBe('Go to Risks');
    expect(found).toEqual(
      expect.arrayContaining(['New risk', 'R-001 Ranks some groups of applicants lower']),
    );
    await click(item('R-001'));
    expect(window.location.hash).toBe('#/risks?do=open-risk&id=risk-bias');
  });

  it('forgives a typo, and finds every section and the common actions', async () => {
    await app();
    await ctrlK();
    await search('dashbord');
    expect(items()).toContain('Go to Dashboard');
    await search('');
    expect(items()).toEqual(
      expect.arrayContaining([
        'Go to Tools',
        'Go to SoA',
        'Go to Assessments',
        'New record',
        'Start assessment',
        'Export the inventory (CSV)…',
        'Import a network log…',
      ]),
    );
    await click(item('New record'));
    expect(window.location.hash).toBe('#/inventory?do=new-record');
  });

  it('finds a catalog tool the workspace has not seen, for the tool catalog', async () => {
    await app();
    await ctrlK();
    await search('perplexity');
    await vi.waitFor(() => expect(items()).toContain('Perplexity'));
    const perplexity = item('Perplexity')!;
    expect(perplexity.textContent).toContain('not seen here');
    await click(perplexity);
    expect(window.location.hash).toBe('#/tools/perplexity');
  });
});
