import { useEffect, useState } from 'react';
import { parseRoute, replaceRoute } from '../router/hash-route.ts';
import { parseJoinLink } from './join-link.ts';
import type { SessionStore } from './session-store.ts';

/**
 * Handles `#/join?workspace=W&token=T`: the token leaves the address bar (and the history) at
 * once, the credentials are kept and checked, and the inbox opens. Returns a bad link's error.
 */
export function useJoinLink(hash: string, session: SessionStore): string | undefined {
  const [error, setError] = useState<string>();
  useEffect(() => {
    const route = parseRoute(window.location.hash);
    if (route.path !== 'join') return;
    const link = parseJoinLink(route.params);
    replaceRoute(link.ok ? '#/inbox' : '#/');
    if (!link.ok) return setError(link.error);
    setError(undefined);
    void session.join(link.credentials);
  }, [hash, session]);
  return error;
}
