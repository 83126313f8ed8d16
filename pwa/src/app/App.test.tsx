import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { memoryCredentialStorage } from '../session/device-settings.ts';
import type { Credentials } from '../session/join-link.ts';
import { createSessionStore } from '../session/session-store.ts';
import { holdWorkspace } from '../sync/workspace-holder.ts';
import { fakeSync } from '../test-support/fake-sync.ts';
import { fakeToken } from '../test-support/fake-token.ts';
import { button, cleanup, click, render, settle } from '../test-support/render.tsx';
import { day, discoveriesDoc } from '../test-support/workspace-docs.ts';
import type { ServiceWorkerUpdates } from '../update-prompt/service-worker-updates.ts';
import { App } from './App.tsx';

const updates: ServiceWorkerUpdates = {
  updateReady: () => false,
  offlineReady: () => false,
  subscribe: () => () => {},
  applyUpdate: async () => {},
  checkForUpdate: () => {},
};
const token = fakeToken({ ws: 'acme', role: 'lead', jti: 'ab12' });

function setup(stored?: Credentials, discoveries?: Y.Doc) {
  const storage = memoryCredentialStorage(stored);
  const session = createSessionStore({
    storage,
    whoami: async () => ({ kind: 'unreachable' }),
    online: () => true,
  });
  const opened: ReturnType<typeof fakeSync>[] = [];
  const workspace = holdWorkspace(session, (credentials) => {
    const sync = fakeSync(credentials, discoveries ? { discoveries } : {});
    opened.push(sync);
    return sync;
  });
  return { storage, session, workspace, opened };
}

async function app(env: ReturnType<typeof setup>) {
  const view = await render(
    <App updates={updates} session={env.session} workspace={env.workspace} />,
  );
  await act(() => env.session.start());
  await settle();
  return view;
}

beforeEach(() => window.history.replaceState(null, '', '/'));
afterEach(cleanup);

describe('the app', () => {
  it('welcomes a device that has not joined, with the network status', async () => {
    const view = await app(setup());
    expect(view.querySelector('h1')?.textContent).toBe('Welcome to Sightline');
    const status = view.querySelector('[role="status"][aria-label="connection"]');
    expect(status?.textContent).toBe(navigator.onLine ? 'online' : 'offline');
  });

  it('joins from the link, keeps the credentials, drops the token from the address and opens the inbox', async () => {
    window.history.replaceState(null, '', `/#/join?workspace=acme&token=${token}`);
    const env = setup(undefined, discoveriesDoc({ 'openai-chatgpt': { lastSeen: day(2) } }));
    const view = await app(env);
    expect(window.location.hash).toBe('#/inbox');
    expect(window.location.href).not.toContain(token);
    expect(await env.storage.load()).toMatchObject({ workspace: 'acme', token, role: 'lead' });
    expect(view.querySelector('h1')?.textContent).toBe('Inbox');
    expect(view.querySelector('tbody')?.textContent).toContain('ChatGPT');
    expect(view.textContent).toContain('acme · lead');
    expect(view.querySelector('nav a[aria-current="page"]')?.textContent).toBe('Inbox');
  });

  it('explains a bad join link and stores nothing', async () => {
    window.history.replaceState(null, '', '/#/join?workspace=acme&token=nonsense');
    const env = setup();
    const view = await app(env);
    expect(window.location.href).not.toContain('nonsense');
    expect(view.querySelector('[role="alert"]')?.textContent).toContain('not readable');
    expect(await env.storage.load()).toBeUndefined();
  });

  it('opens from stored credentials, and signs out', async () => {
    const env = setup({ workspace: 'acme', token, role: 'lead' });
    const view = await app(env);
    expect(view.querySelector('h1')?.textContent).toBe('Inbox');
    await click(button(view, 'Sign out'));
    expect(view.querySelector('h1')?.textContent).toBe('Welcome to Sightline');
    expect(await env.storage.load()).toBeUndefined();
    expect(env.opened[0]?.destroyed).toBe(true);
  });

  it('shows sections still to come as such', async () => {
    window.history.replaceState(null, '', '/#/later');
    const view = await app(setup({ workspace: 'acme', token, role: 'lead' }));
    expect(view.querySelector('h1')?.textContent).toBe('Later');
  });
});
