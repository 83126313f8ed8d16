import { createContext, useContext, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { personOf, type Credentials } from '../../session/join-link.ts';

/**
 * "Who else is looking at this record": Yjs awareness on the registry document's provider
 * (brief, decision 4: presence is never stored). Each device sets
 * `{ user: { name, colour }, viewing: recordId }` while a record page is open, and
 * `viewing: null` when it leaves. Other devices' states are untrusted and checked when read.
 */

export interface PresenceUser {
  name: string;
  /** `#rrggbb`: a dot beside the name, never the text's background. */
  colour: string;
}

export interface Viewer extends PresenceUser {
  clientId: number;
}

export interface RecordPresence {
  awareness: Awareness | undefined;
  user: PresenceUser;
}

const MAX_NAME = 80;
const COLOUR = /^#[0-9a-f]{6}$/i;
// Distinct hues that read on light and dark backgrounds alike.
const PALETTE = ['#d1495b', '#2e86de', '#2a9d8f', '#e9a23b', '#8e5ad6', '#e76f51', '#3a9b3a'];

/** The name others see (personOf: the invitation's label, else the role and token id) and a colour. */
export function presenceUser(
  credentials: Pick<Credentials, 'role' | 'tokenId' | 'label'>,
): PresenceUser {
  const id = credentials.tokenId;
  const name = personOf(credentials);
  let hash = 0;
  for (const char of id ?? credentials.role) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return { name, colour: PALETTE[hash % PALETTE.length]! };
}

const PresenceContext = createContext<RecordPresence>({
  awareness: undefined,
  user: { name: 'Someone', colour: PALETTE[0]! },
});
/** WorkspaceView provides the registry's awareness and this device's user. */
export const RecordPresenceProvider = PresenceContext.Provider;
export const useRecordPresenceContext = () => useContext(PresenceContext);

/** The other devices whose state says they view `recordId`; bad states are skipped. */
export function readViewers(awareness: Awareness, recordId: string): Viewer[] {
  const viewers: Viewer[] = [];
  const seen = new Set<string>();
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue;
    if (typeof state !== 'object' || state === null || state.viewing !== recordId) continue;
    const user: unknown = state.user;
    if (typeof user !== 'object' || user === null) continue;
    const { name, colour } = user as Record<string, unknown>;
    if (typeof name !== 'string' || name.trim() === '') continue;
    const shown = name.length > MAX_NAME ? `${name.slice(0, MAX_NAME - 1)}…` : name;
    // One person in two tabs shows once.
    const key = `${shown}\n${String(colour)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    viewers.push({
      clientId,
      name: shown,
      colour: typeof colour === 'string' && COLOUR.test(colour) ? colour : PALETTE[0]!,
    });
  }
  return viewers.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
}

/**
 * Says "I am viewing `recordId`" while mounted, and returns the others viewing it, live.
 * Leaving sets `viewing` to null (the user stays known to the provider's other features).
 */
export function useRecordViewers(recordId: string): Viewer[] {
  const { awareness, user } = useRecordPresenceContext();
  const { name, colour } = user;
  useEffect(() => {
    if (!awareness) return;
    awareness.setLocalStateField('user', { name, colour });
    awareness.setLocalStateField('viewing', recordId);
    return () => {
      if (awareness.getLocalState() !== null) awareness.setLocalStateField('viewing', null);
    };
  }, [awareness, recordId, name, colour]);
  const store = useMemo(() => {
    let cached: Viewer[] = [];
    let key = '';
    return {
      subscribe(listener: () => void) {
        awareness?.on('change', listener);
        return () => awareness?.off('change', listener);
      },
      snapshot(): Viewer[] {
        if (!awareness) return cached;
        const viewers = readViewers(awareness, recordId);
        const next = JSON.stringify(viewers);
        if (next !== key) [cached, key] = [viewers, next];
        return cached;
      },
    };
  }, [awareness, recordId]);
  return useSyncExternalStore(store.subscribe, store.snapshot);
}
