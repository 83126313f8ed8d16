import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WorkspaceSync } from '../sync/workspace-sync.ts';
import { cleanup, render, settle } from '../test-support/render.tsx';
import { fakeToken } from '../test-support/fake-token.ts';
import { memoryCredentialStorage } from './device-settings.ts';
import type { Credentials } from './join-link.ts';
import { createSessionStore, type SessionStore } from './session-store.ts';
import { useSessionExpiry } from './use-session-expiry.ts';
import type { WhoamiResult } from './whoami.ts';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function Probe({ session, sync }: { session: SessionStore; sync?: WorkspaceSync }) {
  const state = session.state();
  useSessionExpiry(session, state.kind === 'joined' ? state : undefined, sync);
  return null;
}

/** A session whose relay says yes until `answer` is changed; sign-out (local data removal) is spied. */
async function joinedSession(expiresAt: number) {
  let answer: WhoamiResult = { kind: 'ok', workspace: 'acme', role: 'lead', expiresAt };
  const onSignOut = vi.fn(async () => {});
  const storage = memoryCredentialStorage();
  const session = createSessionStore({
    storage,
    whoami: async () => answer,
    online: () => true,
    onSignOut,
  });
  const credentials: Credentials = {
    workspace: 'acme',
    token: fakeToken({ ws: 'acme', role: 'lead' }),
    role: 'lead',
    expiresAt,
  };
  await session.join(credentials);
  return {
    session,
    storage,
    onSignOut,
    refuse: (error: string) => (answer = { kind: 'refused', error }),
  };
}

describe('an ended session (docs/sync.md SSO5)', () => {
  it('is noticed when its expiry passes; the device keeps its credentials and data', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { session, storage, onSignOut, refuse } = await joinedSession(Date.now() + 60_000);
    await render(<Probe session={session} />);
    refuse('token expired');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(session.state()).toMatchObject({ check: 'verified' });
    await vi.advanceTimersByTimeAsync(32_000);
    await settle();
    expect(session.state()).toMatchObject({
      kind: 'joined',
      check: 'refused',
      error: 'token expired',
    });
    // Nothing is removed: unsynced edits wait for the next sign-in.
    expect(onSignOut).not.toHaveBeenCalled();
    expect(await storage.load()).toBeDefined();
  });

  it('is noticed when the relay refuses the documents (revoked while connected)', async () => {
    const { session, onSignOut, refuse } = await joinedSession(Date.now() + 3_600_000);
    let status = 'online';
    const listeners = new Set<() => void>();
    const sync = {
      status: () => status,
      subscribe: (listener: () => void) => (
        listeners.add(listener),
        () => listeners.delete(listener)
      ),
    } as unknown as WorkspaceSync;
    await render(<Probe session={session} sync={sync} />);
    refuse('token revoked');
    status = 'access refused';
    listeners.forEach((listener) => listener());
    await settle();
    expect(session.state()).toMatchObject({ check: 'refused', error: 'token revoked' });
    expect(onSignOut).not.toHaveBeenCalled();
  });
});
