import type { Hocuspocus } from '@hocuspocus/server';
import type { TokenStore } from '../auth/token-store.ts';
import { closeConnectionsFor } from './auth-extension.ts';

/**
 * Revocation is written to SQLite by whichever process revokes (the CLI, an admin's API call, any
 * relay instance); every relay polls for it and closes the affected connections, and those whose
 * token expired while connected. The poll is one indexed query a second.
 */
export function watchRevocations(
  hocuspocus: Hocuspocus,
  store: TokenStore,
  intervalMs = 1000,
): () => void {
  const seen = new Set<string>();
  let since = 0;
  const timer = setInterval(() => {
    const now = Date.now();
    const fresh = new Set<string>();
    for (const { id, revokedAt } of store.revokedSince(since)) {
      if (!seen.has(id)) fresh.add(id);
      seen.add(id);
      since = Math.max(since, revokedAt - 5_000); // overlap: clocks of two processes may differ a little
    }
    closeConnectionsFor(hocuspocus, fresh, now);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
