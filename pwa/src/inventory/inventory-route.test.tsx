import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRecord } from '../../../shared/documents/registry/index.ts';
import { WorkspaceView } from '../app/WorkspaceView.tsx';
import type { Credentials } from '../session/join-link.ts';
import { fakeSync } from '../test-support/fake-sync.ts';
import { cleanup, render, settle } from '../test-support/render.tsx';
import { untilListed } from './list/until-listed.ts';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

function setup(role: Credentials['role']) {
  const registry = new Y.Doc();
  createRecord(registry, 'rec-1', { name: 'HireRank' }, 'lead-1', Date.UTC(2026, 0, 1));
  const credentials: Credentials = { workspace: 'acme', token: 't', role, tokenId: 'tok1' };
  return { credentials, sync: fakeSync(credentials, { registry }) };
}

describe('#/inventory', () => {
  it('lists the registry, and opens a record from #/inventory/<id>', async () => {
    const { credentials, sync } = setup('lead');
    window.location.hash = '#/inventory';
    const view = await render(
      <WorkspaceView path="inventory" sync={sync} credentials={credentials} />,
    );
    await untilListed(view);
    expect(view.querySelector('h1')?.textContent).toBe('Inventory');
    expect(view.querySelector('tbody a')?.textContent).toBe('HireRank');
    await act(async () => {
      window.location.hash = '#/inventory/rec-1';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await settle();
    expect(view.querySelector('h1')?.textContent).toBe('HireRank');
    expect(view.querySelector('.classification-panel button')?.textContent).toBe('Confirm');
  });

  it('offers saved views for the workspace, and keeps the filters in the address', async () => {
    const { credentials, sync } = setup('lead');
    window.location.hash = '#/inventory?q=hire';
    const view = await render(
      <WorkspaceView path="inventory" sync={sync} credentials={credentials} />,
    );
    await untilListed(view);
    expect(view.querySelector('[aria-label="AI inventory"] tbody a')?.textContent).toBe('HireRank');
    expect(view.querySelector<HTMLInputElement>('input[type="search"]')?.value).toBe('hire');
    expect([...view.querySelectorAll('label')].map((l) => l.textContent)).toContain(
      'Saved viewNone saved',
    );
    expect([...view.querySelectorAll('button')].map((b) => b.textContent)).toContain('New record');
  });

  it('is read-only for a contributor', async () => {
    const { credentials, sync } = setup('contributor');
    window.location.hash = '#/inventory/rec-1';
    const view = await render(
      <WorkspaceView path="inventory" sync={sync} credentials={credentials} />,
    );
    expect(view.querySelector('h1')?.textContent).toBe('HireRank');
    expect(view.querySelector('.classification-panel button')).toBeNull();
    await act(async () => {
      window.location.hash = '#/inventory';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await untilListed(view);
    expect(view.querySelector('tbody a')?.textContent).toBe('HireRank');
    const buttons = [...view.querySelectorAll('button')].map((b) => b.textContent);
    expect(buttons).toContain('Export CSV');
    expect(buttons).not.toContain('New record');
  });
});
