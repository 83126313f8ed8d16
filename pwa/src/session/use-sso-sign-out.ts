import { useCallback } from 'react';
import type { SessionStore } from './session-store.ts';
import { signOutAtRelay, type SsoInfo } from './sso.ts';

/**
 * Sign-out (docs/sync.md SSO8): with single sign-on, the relay first revokes this device's session
 * token (its live connections close); then the device forgets it; then, when the identity provider
 * offers it, the browser goes there to end that session too (RP-initiated logout).
 */
export function useSsoSignOut(session: SessionStore, sso: SsoInfo | undefined) {
  return useCallback(async () => {
    const state = session.state();
    const end =
      sso && state.kind === 'joined' ? await signOutAtRelay(state.credentials.token) : undefined;
    await session.signOut();
    if (end) window.location.assign(end);
  }, [session, sso]);
}
