import type {
  beforeHandleAwarenessPayload,
  Extension,
  onDisconnectPayload,
} from '@hocuspocus/server';
import type { ConnectionContext } from './auth-extension.ts';

/** Awareness client ids one connection may speak for (a provider uses one; a reconnect, another). */
const MAX_CLIENTS_PER_CONNECTION = 4;

/**
 * Presence follows permissions (docs/sync.md H5–H7). Awareness is accepted only from a connection
 * that may write the document; each client id belongs to the first connection that speaks for it,
 * so no one can overwrite another's presence; a state larger than `maxPresenceBytes` is dropped;
 * and `user.name` is replaced by the name the relay knows from the token. What is dropped is
 * dropped quietly (the update is emptied, not thrown): a hostile client must not fill the log.
 */
export function presenceExtension({ maxPresenceBytes }: { maxPresenceBytes: number }): Extension {
  /** document name → client id → the socket that owns it. */
  const owners = new Map<string, Map<number, string>>();

  return {
    extensionName: 'sightline-presence',
    async beforeHandleAwareness({
      connection,
      documentName,
      states,
    }: beforeHandleAwarenessPayload) {
      if (!connection) return; // the relay's own (direct) connections
      const context = connection.context as Partial<ConnectionContext> | undefined;
      if (connection.readOnly || !context?.person) {
        states.clear();
        return;
      }
      const owned = owners.get(documentName) ?? new Map<number, string>();
      owners.set(documentName, owned);
      let mine = 0;
      for (const owner of owned.values()) if (owner === connection.socketId) mine++;
      for (const [clientId, state] of states) {
        const owner = owned.get(clientId);
        const tooLarge = JSON.stringify(state).length > maxPresenceBytes;
        if (
          tooLarge ||
          (owner !== undefined && owner !== connection.socketId) ||
          (owner === undefined && mine >= MAX_CLIENTS_PER_CONNECTION)
        ) {
          states.delete(clientId);
          continue;
        }
        if (owner === undefined) {
          owned.set(clientId, connection.socketId);
          mine++;
        }
        const user = (state as { user?: unknown }).user;
        state.user = {
          ...(typeof user === 'object' && user !== null && !Array.isArray(user) ? user : {}),
          name: context.person,
        };
      }
    },
    async onDisconnect({ documentName, socketId }: onDisconnectPayload) {
      const owned = owners.get(documentName);
      if (!owned) return;
      for (const [clientId, owner] of owned) if (owner === socketId) owned.delete(clientId);
      if (owned.size === 0) owners.delete(documentName);
    },
  };
}
