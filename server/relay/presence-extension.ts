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
 * that may write the document; each client id belongs to the first connection that speaks for it
 * (or a later one with the same token), so no one can overwrite another's presence; a state
 * larger than `maxPresenceBytes` is dropped; and `user.name` is replaced by the name the relay
 * knows from the token. What is dropped is dropped quietly (the update is emptied, not thrown):
 * a hostile client must not fill the log.
 */
export function presenceExtension({ maxPresenceBytes }: { maxPresenceBytes: number }): Extension {
  /** document name → client id → the socket that owns it, and the token it authenticated with. */
  const owners = new Map<string, Map<number, { socketId: string; tokenId: string }>>();

  return {
    extensionName: 'sightline-presence',
    async beforeHandleAwareness({
      connection,
      documentName,
      states,
    }: beforeHandleAwarenessPayload) {
      if (!connection) return; // the relay's own (direct) connections
      const context = connection.context as Partial<ConnectionContext> | undefined;
      if (connection.readOnly || !context?.person || !context.tokenId) {
        states.clear();
        return;
      }
      const { socketId } = connection;
      const tokenId = context.tokenId;
      const owned =
        owners.get(documentName) ?? new Map<number, { socketId: string; tokenId: string }>();
      owners.set(documentName, owned);
      let mine = 0;
      for (const owner of owned.values()) if (owner.socketId === socketId) mine++;
      for (const [clientId, state] of states) {
        const owner = owned.get(clientId);
        const tooLarge = JSON.stringify(state).length > maxPresenceBytes;
        // The same token may take its client id over from another socket: a client that
        // reconnects before the relay noticed its old socket is gone keeps its presence.
        if (
          tooLarge ||
          (owner !== undefined && owner.socketId !== socketId && owner.tokenId !== tokenId) ||
          (owner?.socketId !== socketId && mine >= MAX_CLIENTS_PER_CONNECTION)
        ) {
          states.delete(clientId);
          continue;
        }
        if (owner?.socketId !== socketId) {
          owned.set(clientId, { socketId, tokenId });
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
      for (const [clientId, owner] of owned)
        if (owner.socketId === socketId) owned.delete(clientId);
      if (owned.size === 0) owners.delete(documentName);
    },
  };
}
