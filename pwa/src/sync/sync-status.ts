/** What the top bar says about sync, in words. */
export interface SyncFacts {
  /** The browser believes it has a network. */
  online: boolean;
  socket: 'connecting' | 'connected' | 'disconnected';
  /** Every document finished its first exchange with the relay since the socket connected. */
  allSynced: boolean;
  /** Local changes the relay has not acknowledged yet, over every document. */
  unsyncedChanges: number;
  /** The relay refused a document to this token (revoked, expired, or no access). */
  refused: boolean;
  /** The relay refused a document because this app is too old to read it (docs/sync.md S5). */
  updateRequired?: boolean;
  /**
   * The relay closed the connection because it cannot store changes (docs/sync.md DR2) and has
   * not acknowledged everything since: this device keeps its changes and sends them again.
   */
  relayCannotStore?: boolean;
}

/** What the status says when the relay refuses a document this app is too old to read (S5). */
export const UPDATE_REQUIRED = 'update the app';

const waiting = (n: number) => (n === 1 ? '1 change waiting' : `${n} changes waiting`);

/** online / offline / syncing / N changes waiting — quiet, and never blank. */
export function syncStatusWords(facts: SyncFacts): string {
  if (facts.updateRequired) return UPDATE_REQUIRED;
  if (facts.refused) return 'access refused';
  if (facts.relayCannotStore)
    return facts.unsyncedChanges > 0
      ? `relay cannot save · ${waiting(facts.unsyncedChanges)}`
      : 'relay cannot save';
  if (!facts.online || facts.socket === 'disconnected') {
    return facts.unsyncedChanges > 0 ? `offline · ${waiting(facts.unsyncedChanges)}` : 'offline';
  }
  if (facts.socket === 'connecting' || !facts.allSynced) return 'syncing';
  return facts.unsyncedChanges > 0 ? waiting(facts.unsyncedChanges) : 'online';
}

/** The tone the status pill takes (a CSS class). */
export function syncStatusTone(words: string): 'online' | 'offline' | 'busy' {
  if (words === 'online') return 'online';
  if (
    words.startsWith('offline') ||
    words.startsWith('relay cannot') ||
    words === 'access refused' ||
    words === UPDATE_REQUIRED
  )
    return 'offline';
  return 'busy';
}
