import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createRecord } from '../../../../shared/documents/registry/index.ts';
import { WorkspaceView } from '../../app/WorkspaceView.tsx';
import type { Credentials } from '../../session/join-link.ts';
import { fakeSync } from '../../test-support/fake-sync.ts';
import { cleanup, render } from '../../test-support/render.tsx';
import { presenceUser, readViewers } from './presence.ts';

const opened: Awareness[] = [];
afterEach(() => {
  cleanup();
  opened.splice(0).forEach((a) => a.destroy());
  window.location.hash = '';
});

/** Another device: its own document and awareness, whose state reaches `to` as the relay would. */
function otherDevice(to: Awareness, state: Record<string, unknown> | null) {
  const awareness = new Awareness(new Y.Doc());
  opened.push(awareness);
  awareness.setLocalState(state);
  const send = () =>
    applyAwarenessUpdate(to, encodeAwarenessUpdate(awareness, [awareness.clientID]), 'remote');
  act(send);
  return {
    set(next: Record<string, unknown> | null) {
      awareness.setLocalState(next);
      act(send);
    },
  };
}

/** The record page loads with the inventory's lazy parts: wait until it has rendered (about 4 s at most). */
async function untilRecordShown(view: HTMLElement) {
  for (let i = 0; i < 400; i++) {
    if (view.querySelector('h1')?.textContent?.includes('HireRank')) return;
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
  throw new Error('the record page did not render');
}

function setup() {
  const registry = new Y.Doc();
  createRecord(registry, 'rec-1', { name: 'HireRank' }, 'lead-0', Date.UTC(2026, 0, 1));
  const credentials: Credentials = {
    workspace: 'acme',
    token: 't',
    role: 'lead',
    tokenId: '9a1b'.repeat(8),
  };
  const sync = fakeSync(credentials, { registry });
  return { credentials, sync, awareness: sync.awareness('registry')! };
}

describe('presence on a record', () => {
  it('says which record this device views while it is open, and clears it on leaving', async () => {
    const { credentials, sync, awareness } = setup();
    window.location.hash = '#/inventory/rec-1';
    await untilRecordShown(
      await render(<WorkspaceView path="inventory" sync={sync} credentials={credentials} />),
    );
    expect(awareness.getLocalState()).toEqual({
      user: presenceUser(credentials),
      viewing: 'rec-1',
    });
    expect(presenceUser(credentials).name).toBe('Lead 9a1b');
    cleanup();
    expect(awareness.getLocalState()).toMatchObject({ viewing: null });
  });

  it('shows the others viewing the same record, live, with their names as text', async () => {
    const { credentials, sync, awareness } = setup();
    window.location.hash = '#/inventory/rec-1';
    const view = await render(
      <WorkspaceView path="inventory" sync={sync} credentials={credentials} />,
    );
    await untilRecordShown(view);
    expect(view.querySelector('[data-testid="record-presence"]')).toBeNull();
    const sam = otherDevice(awareness, {
      user: { name: 'Lead 7c3d', colour: '#2a9d8f' },
      viewing: 'rec-1',
    });
    otherDevice(awareness, { user: { name: 'Lead 0000', colour: '#e9a23b' }, viewing: 'rec-2' });
    otherDevice(awareness, {
      user: { name: '<img src=x onerror=alert(1)>', colour: 'red;background:url(x)' },
      viewing: 'rec-1',
    });
    otherDevice(awareness, { user: 42, viewing: 'rec-1' });
    const presence = view.querySelector('[data-testid="record-presence"]')!;
    expect(presence.getAttribute('aria-label')).toBe(
      'Also viewing this record: <img src=x onerror=alert(1)>, Lead 7c3d',
    );
    const avatars = [...presence.querySelectorAll('li')];
    expect(avatars.map((a) => a.getAttribute('aria-label'))).toEqual([
      '<img src=x onerror=alert(1)>',
      'Lead 7c3d',
    ]);
    expect(presence.querySelector('img')).toBeNull();
    // A colour that is not #rrggbb never reaches the style.
    expect(avatars[0]!.getAttribute('style')).not.toContain('url');

    sam.set({ user: { name: 'Lead 7c3d', colour: '#2a9d8f' }, viewing: 'rec-2' });
    expect([...presence.querySelectorAll('li')].map((a) => a.getAttribute('aria-label'))).toEqual([
      '<img src=x onerror=alert(1)>',
    ]);
  });

  it('reads only well-formed states from other devices, one per person', () => {
    const awareness = new Awareness(new Y.Doc());
    opened.push(awareness);
    awareness.setLocalState({ user: { name: 'Me', colour: '#000000' }, viewing: 'rec-1' });
    const dana = { user: { name: 'Dana', colour: '#d1495b' }, viewing: 'rec-1' };
    otherDevice(awareness, dana);
    otherDevice(awareness, dana); // a second tab
    otherDevice(awareness, { user: { name: '   ' }, viewing: 'rec-1' });
    otherDevice(awareness, { user: { name: 'x'.repeat(500) }, viewing: 'rec-1' });
    otherDevice(awareness, { viewing: 'rec-1' });
    const viewers = readViewers(awareness, 'rec-1');
    expect(viewers.map((v) => [v.name.length, v.colour])).toEqual([
      [4, '#d1495b'],
      [80, '#d1495b'],
    ]);
  });
});
