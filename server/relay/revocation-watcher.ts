import type { Hocuspocus } from '@hocuspocus/server';
import type { TokenStorage } from '../storage/relay-storage.ts';
import { closeConnectionsFor } from './auth-extension.ts';

/**
 * Revocation is written to the store by whichever process revokes (the CLI, an admin's API call, any
 * relay instance); every relay polls for it and closes the affected connections, and those whose
 * token expired while connected. The poll is one indexed query a second.
 */
export function watchRevocations(
  hocuspocus: Hocuspocus,
  store: TokenStorage,
  intervalMs = 1000,
): () => void {
  const seen = new Set<string>();
  let since = 0;
  let polling = false;
  const poll = async () => {
    const now = Date.now();
    const fresh = new Set<string>();
    for (const { id, revokedAt } of await store.revokedSince(since)) {
      if (!seen.has(id)) fresh.add(id);
      seen.add(id);
      since = Math.max(since, revokedAt - 5_000); // overlap: clocks of two processes may differ a little
    }
    closeConnectionsFor(hocuspocus, fresh, now);
  };
  const timer = setInterval(() => {
    if (polling) return; // a slow store: one poll at a time
    polling = true;
    poll()
      // Storage failing: revocations are read again next second; expired tokens still close.
      .catch(() => closeConnectionsFor(hocuspocus, new Set(), Date.now()))
      .finally(() => (polling = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
