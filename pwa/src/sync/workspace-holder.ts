import type { SessionState, SessionStore } from '../session/session-store.ts';
import type { Credentials } from '../session/join-link.ts';
import type { WorkspaceSync } from './workspace-sync.ts';

/** Holds the open workspace: opened when the session joins, closed when it signs out or changes. */
export interface WorkspaceHolder {
  current(): WorkspaceSync | undefined;
  subscribe(listener: () => void): () => void;
  dispose(): void;
}

const keyOf = (c: Credentials) => `${c.workspace}\n${c.role}\n${c.token}`;

export function holdWorkspace(
  session: SessionStore,
  open: (credentials: Credentials) => WorkspaceSync,
): WorkspaceHolder {
  let current: { key: string; sync: WorkspaceSync } | undefined;
  const listeners = new Set<() => void>();
  const follow = (state: SessionState) => {
    const key = state.kind === 'joined' ? keyOf(state.credentials) : undefined;
    if (key === current?.key) return;
    current?.sync.destroy();
    current =
      state.kind === 'joined' && key !== undefined
        ? { key, sync: open(state.credentials) }
        : undefined;
    listeners.forEach((listener) => listener());
  };
  follow(session.state());
  const unsubscribe = session.subscribe(() => follow(session.state()));
  return {
    current: () => current?.sync,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      unsubscribe();
      current?.sync.destroy();
      current = undefined;
    },
  };
}
