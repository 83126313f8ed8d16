import { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import { writeDiscovery } from '../../../shared/documents/discoveries/index.ts';
import { aggregate } from '../test-support/workspace-docs.ts';
import {
  openWorkspaceSync,
  relayUrl,
  type LocalPersistence,
  type WorkspaceSync,
} from './workspace-sync.ts';

const opened: WorkspaceSync[] = [];
afterEach(() => {
  opened.splice(0).forEach((sync) => sync.destroy());
  vi.restoreAllMocks();
});

/** Local copies that load when told to, with what this device had stored. */
function fakeLocal(stored: (name: string, doc: Y.Doc) => void = () => {}) {
  const loads: (() => void)[] = [];
  const names: string[] = [];
  const persist: LocalPersistence = (name, doc) => {
    names.push(name);
    let resolve = () => {};
    const whenSynced = new Promise<void>((r) => (resolve = r));
    loads.push(() => (stored(name, doc), resolve()));
    return { whenSynced, destroy: () => {} };
  };
  return { persist, names, loadAll: () => loads.forEach((load) => load()) };
}

function open(role: 'lead' | 'contributor', local: ReturnType<typeof fakeLocal>, online = true) {
  const sync = openWorkspaceSync({
    credentials: { workspace: 'acme', token: 't', role },
    url: 'ws://127.0.0.1:9/sync', // nothing listens there
    persist: local.persist,
    online: () => online,
    watchdogMs: 30,
  });
  opened.push(sync);
  return sync;
}

describe('the workspace sync', () => {
  it('keeps the documents the role may read, with the access it has', () => {
    const local = fakeLocal();
    expect(Object.fromEntries(open('contributor', local).access)).toEqual({
      policy: 'read',
      registry: 'read',
      discoveries: 'read',
    });
    expect(local.names).toEqual(['acme/policy', 'acme/registry', 'acme/discoveries']);
  });

  it('opens from this device first, and only then connects', async () => {
    const connect = vi.spyOn(HocuspocusProviderWebsocket.prototype, 'connect');
    const local = fakeLocal((name, doc) => {
      if (name === 'acme/discoveries') writeDiscovery(doc, 'openai-chatgpt', aggregate());
    });
    const sync = open('lead', local, false);
    expect(sync.isReady()).toBe(false);
    expect(connect).not.toHaveBeenCalled();
    local.loadAll();
    await sync.ready;
    expect(sync.isReady()).toBe(true);
    expect(sync.doc('discoveries')?.getMap('tools').has('openai-chatgpt')).toBe(true);
    expect(sync.status()).toBe('offline');
  });

  it('tells a socket that stopped to connect again while online (the watchdog)', async () => {
    const local = fakeLocal();
    const sync = open('lead', local, true);
    local.loadAll();
    await sync.ready;
    const connect = vi.spyOn(HocuspocusProviderWebsocket.prototype, 'connect');
    await vi.waitFor(() => expect(connect).toHaveBeenCalled(), { timeout: 3_000 });
  });

  it('leaves the socket alone while the device is offline', async () => {
    const local = fakeLocal();
    const sync = open('lead', local, false);
    local.loadAll();
    await sync.ready;
    const connect = vi.spyOn(HocuspocusProviderWebsocket.prototype, 'connect');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(connect).not.toHaveBeenCalled();
  });

  it('keeps one awareness per document for presence, dropped with the workspace', async () => {
    const local = fakeLocal();
    const sync = open('lead', local, false);
    const awareness = sync.awareness('registry');
    expect(awareness?.doc).toBe(sync.doc('registry'));
    expect(sync.awareness('policy')).not.toBe(awareness);
    awareness?.setLocalStateField('viewing', 'rec-1');
    local.loadAll();
    await sync.ready;
    expect(awareness?.getLocalState()).toEqual({ viewing: 'rec-1' });
    sync.destroy();
    expect(awareness?.getLocalState()).toBeNull();
  });

  it('finds the relay on the page’s own host', () => {
    expect(relayUrl({ protocol: 'http:', host: 'localhost:8787' })).toBe(
      'ws://localhost:8787/sync',
    );
    expect(relayUrl({ protocol: 'https:', host: 'sightline.acme.com' })).toBe(
      'wss://sightline.acme.com/sync',
    );
  });
});
