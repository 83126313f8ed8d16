import { useLayoutEffect, useState } from 'react';
import type { StatusResponse } from '../background/messages.ts';
import { answer, messageOf } from '../ui/answer.ts';
import type { StatusState } from './SyncState.tsx';

/** The worker's status answer as state a page reads at once: loading until the answer is in. */
export interface StatusStore {
  get(): StatusState;
  subscribe(listener: () => void): () => void;
}

/**
 * Follows `asked` from the moment it is made, not from the page's first render: an answer that
 * arrived while the page's scripts loaded is in the popup's first frame, with no effect to wait for.
 */
export function statusStore(asked: Promise<StatusResponse>): StatusStore {
  let state: StatusState = { kind: 'loading' };
  const listeners = new Set<() => void>();
  const set = (next: StatusState) => {
    state = next;
    listeners.forEach((listener) => listener());
  };
  answer(asked, (status) => typeof status.version === 'string').then(
    (status) => set({ kind: 'ready', status }),
    (error: unknown) => set({ kind: 'failed', error: messageOf(error) }),
  );
  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The store's state, followed from the commit of the first render. Preact's useSyncExternalStore
 * subscribes in an effect, which runs a frame after the first paint: an answer arriving in that
 * gap reached the screen 15–25 ms late, a quarter of the popup's budget. A layout effect runs in
 * the commit itself, and reads the state again in case it changed during the render.
 */
export function useStatus(store: StatusStore): StatusState {
  const [state, setState] = useState(store.get);
  useLayoutEffect(() => {
    setState(store.get());
    return store.subscribe(() => setState(store.get()));
  }, [store]);
  return state;
}
