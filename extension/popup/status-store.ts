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
