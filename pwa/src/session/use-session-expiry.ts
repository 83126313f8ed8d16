import { useEffect, useSyncExternalStore } from 'react';
import type { WorkspaceSync } from '../sync/workspace-sync.ts';
import type { SessionStore } from './session-store.ts';

const noSync = () => () => {};
const noStatus = () => '';
/** setTimeout's longest wait (about 24.8 days); a later expiry is looked at again then. */
const MAX_WAIT_MS = 2 ** 31 - 1;

/**
 * Notices that this device's access ended (docs/sync.md SSO5): when its token's expiry passes, or
 * when the relay refuses its documents (revoked, or expired while connected: the relay closes the
 * connection), it asks the relay again; the session store then marks the access refused, and the
 * app offers to sign in again. Nothing on the device is removed: unsynced edits wait for it.
 */
export function useSessionExpiry(
  session: SessionStore,
  joined: { credentials: { expiresAt?: number | undefined } } | undefined,
  sync: WorkspaceSync | undefined,
): void {
  const expiresAt = joined?.credentials.expiresAt;
  useEffect(() => {
    if (expiresAt === undefined) return;
    const wait = Math.min(Math.max(0, expiresAt - Date.now() + 1_000), MAX_WAIT_MS);
    const timer = setTimeout(() => void session.verify(), wait);
    return () => clearTimeout(timer);
  }, [expiresAt, session]);
  const status = useSyncExternalStore(sync?.subscribe ?? noSync, sync?.status ?? noStatus);
  useEffect(() => {
    if (status === 'access refused') void session.verify();
  }, [status, session]);
}
