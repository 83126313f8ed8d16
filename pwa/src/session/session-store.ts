import type { CredentialStorage } from './device-settings.ts';
import type { Credentials } from './join-link.ts';
import type { Whoami } from './whoami.ts';

export type SessionState =
  | { kind: 'loading' }
  | { kind: 'signed-out'; error?: string }
  | {
      kind: 'joined';
      credentials: Credentials;
      /** 'unchecked' until the relay answered (or while offline); 'refused' keeps the local data. */
      check: 'unchecked' | 'verified' | 'refused';
      error?: string;
    };

export interface SessionStore {
  state(): SessionState;
  subscribe(listener: () => void): () => void;
  /** Loads this device's credentials, then checks them with the relay when online. */
  start(): Promise<void>;
  /** Keeps a join link's credentials (checked first when online) and opens the workspace. */
  join(credentials: Credentials): Promise<void>;
  /** Checks the stored credentials again (for example when the network returns). */
  verify(): Promise<void>;
  /** Forgets the credentials on this device; `onSignOut` removes the workspace's local data. */
  signOut(): Promise<void>;
}

export interface SessionDependencies {
  storage: CredentialStorage;
  whoami: Whoami;
  online?: () => boolean;
  onSignOut?: (credentials: Credentials) => Promise<void>;
}

export function createSessionStore({
  storage,
  whoami,
  online = () => navigator.onLine,
  onSignOut,
}: SessionDependencies): SessionStore {
  let current: SessionState = { kind: 'loading' };
  const listeners = new Set<() => void>();
  const set = (next: SessionState) => {
    current = next;
    listeners.forEach((listener) => listener());
  };

  /** Confirms the credentials with the relay; a changed role or expiry is kept. */
  async function check(credentials: Credentials, joining: boolean): Promise<void> {
    if (!online()) return;
    const answer = await whoami(credentials.token);
    if (current.kind === 'joined' && current.credentials.token !== credentials.token) return;
    if (answer.kind === 'unreachable') return;
    if (answer.kind === 'refused') {
      if (joining) {
        await storage.clear();
        set({ kind: 'signed-out', error: `The relay refused this join link: ${answer.error}.` });
      } else {
        set({ kind: 'joined', credentials, check: 'refused', error: answer.error });
      }
      return;
    }
    if (answer.workspace !== credentials.workspace) {
      await storage.clear();
      set({ kind: 'signed-out', error: 'The token belongs to another workspace.' });
      return;
    }
    const confirmed: Credentials = { ...credentials, role: answer.role };
    if (answer.tokenId !== undefined) confirmed.tokenId = answer.tokenId;
    if (answer.expiresAt !== undefined) confirmed.expiresAt = answer.expiresAt;
    if (answer.label !== undefined) confirmed.label = answer.label;
    else delete confirmed.label;
    if (JSON.stringify(confirmed) !== JSON.stringify(credentials)) await storage.save(confirmed);
    set({ kind: 'joined', credentials: confirmed, check: 'verified' });
  }

  return {
    state: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      const stored = await storage.load().catch(() => undefined);
      if (current.kind !== 'loading') return; // a join arrived meanwhile
      if (!stored) return set({ kind: 'signed-out' });
      set({ kind: 'joined', credentials: stored, check: 'unchecked' });
      await check(stored, false);
    },
    async join(credentials) {
      await storage.save(credentials);
      set({ kind: 'joined', credentials, check: 'unchecked' });
      await check(credentials, true);
    },
    async verify() {
      if (current.kind === 'joined') await check(current.credentials, false);
    },
    async signOut() {
      const was = current.kind === 'joined' ? current.credentials : undefined;
      await storage.clear();
      set({ kind: 'signed-out' });
      if (was && onSignOut) await onSignOut(was);
    },
  };
}
