import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { fakeToken } from '../test-support/fake-token.ts';
import { dexieCredentialStorage, memoryCredentialStorage } from './device-settings.ts';
import type { Credentials } from './join-link.ts';
import { createSessionStore } from './session-store.ts';
import type { Whoami } from './whoami.ts';

const credentials: Credentials = {
  workspace: 'acme',
  token: fakeToken({ ws: 'acme', role: 'lead' }),
  role: 'lead',
};
const verified: Whoami = async () => ({
  kind: 'ok',
  workspace: 'acme',
  role: 'lead',
  tokenId: 'ab12',
  expiresAt: 1_900_000_000_000,
});

describe('the session', () => {
  it('starts signed out on a device that never joined', async () => {
    const store = createSessionStore({ storage: memoryCredentialStorage(), whoami: verified });
    expect(store.state().kind).toBe('loading');
    await store.start();
    expect(store.state()).toEqual({ kind: 'signed-out' });
  });

  it('keeps a join link’s credentials in Dexie and completes them from whoami', async () => {
    const storage = dexieCredentialStorage({ databaseName: 'join-test', indexedDB, IDBKeyRange });
    const store = createSessionStore({ storage, whoami: verified, online: () => true });
    await store.join(credentials);
    const expected = { ...credentials, tokenId: 'ab12', expiresAt: 1_900_000_000_000 };
    expect(store.state()).toEqual({ kind: 'joined', credentials: expected, check: 'verified' });
    expect(await storage.load()).toEqual(expected);

    // A reload opens from what was stored, even with no network.
    const offline = createSessionStore({ storage, whoami: verified, online: () => false });
    await offline.start();
    expect(offline.state()).toEqual({ kind: 'joined', credentials: expected, check: 'unchecked' });
  });

  it('joins offline without asking the relay, and checks later', async () => {
    const whoami = vi.fn(verified);
    let online = false;
    const store = createSessionStore({
      storage: memoryCredentialStorage(),
      whoami,
      online: () => online,
    });
    await store.join(credentials);
    expect(store.state()).toMatchObject({ kind: 'joined', check: 'unchecked' });
    expect(whoami).not.toHaveBeenCalled();
    online = true;
    await store.verify();
    expect(store.state()).toMatchObject({ kind: 'joined', check: 'verified' });
  });

  it('refuses a join link the relay refuses, storing nothing', async () => {
    const storage = memoryCredentialStorage();
    const store = createSessionStore({
      storage,
      whoami: async () => ({ kind: 'refused', error: 'token revoked' }),
      online: () => true,
    });
    await store.join(credentials);
    expect(store.state()).toEqual({
      kind: 'signed-out',
      error: 'The relay refused this join link: token revoked.',
    });
    expect(await storage.load()).toBeUndefined();
  });

  it('keeps stored credentials the relay now refuses, marked, so local data stays readable', async () => {
    const store = createSessionStore({
      storage: memoryCredentialStorage(credentials),
      whoami: async () => ({ kind: 'refused', error: 'token revoked' }),
      online: () => true,
    });
    await store.start();
    expect(store.state()).toMatchObject({ kind: 'joined', check: 'refused' });
  });

  it('stays joined, unchecked, when the relay cannot be reached', async () => {
    const store = createSessionStore({
      storage: memoryCredentialStorage(credentials),
      whoami: async () => ({ kind: 'unreachable' }),
      online: () => true,
    });
    await store.start();
    expect(store.state()).toEqual({ kind: 'joined', credentials, check: 'unchecked' });
  });

  it('signs out: forgets the credentials and lets the workspace data go', async () => {
    const storage = memoryCredentialStorage(credentials);
    const onSignOut = vi.fn(async () => {});
    const store = createSessionStore({ storage, whoami: verified, online: () => false, onSignOut });
    await store.start();
    const seen: string[] = [];
    store.subscribe(() => seen.push(store.state().kind));
    await store.signOut();
    expect(store.state()).toEqual({ kind: 'signed-out' });
    expect(await storage.load()).toBeUndefined();
    expect(onSignOut).toHaveBeenCalledWith(credentials);
    expect(seen).toEqual(['signed-out']);
  });

  it('reads a damaged stored row as no credentials', async () => {
    const storage = dexieCredentialStorage({ databaseName: 'damaged', indexedDB, IDBKeyRange });
    await storage.save({ workspace: 'Not valid', token: 'x', role: 'lead' });
    expect(await storage.load()).toBeUndefined();
  });
});
