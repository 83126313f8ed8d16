import type {
  Extension,
  Hocuspocus,
  onAuthenticatePayload,
  onDisconnectPayload,
} from '@hocuspocus/server';
import { accessFor, type Principal } from '../../shared/auth/access.ts';
import { parseDocumentName } from '../../shared/documents/names.ts';
import type { TokenService } from '../auth/token-service.ts';

/** What the relay knows about an authenticated connection to one document. */
export interface ConnectionContext {
  tokenId: string;
  principal: Principal;
  expiresAt: number;
}

export interface AuthOptions {
  tokens: TokenService;
  /** Most documents one WebSocket may have open at once (docs/sync.md L2). */
  maxDocumentsPerConnection: number;
}

/**
 * Enforces the permission table at connect time (docs/sync.md P1–P6): a verified token, a
 * well-formed document name, then none → refused, read → a read-only connection, write → normal.
 * Refusals carry a reason for the client, never the token.
 */
export function authExtension({ tokens, maxDocumentsPerConnection }: AuthOptions): Extension {
  const openPerSocket = new Map<string, Set<string>>();
  return {
    extensionName: 'sightline-auth',
    async onAuthenticate({
      token,
      documentName,
      connectionConfig,
      socketId,
    }: onAuthenticatePayload): Promise<ConnectionContext> {
      const name = parseDocumentName(documentName);
      if (!name) throw new Error('invalid document name');
      const verified = await tokens.verify(token);
      const access = accessFor(verified.principal, name);
      if (access === 'none') throw new Error('permission denied');
      const open = openPerSocket.get(socketId) ?? new Set<string>();
      if (!open.has(documentName) && open.size >= maxDocumentsPerConnection)
        throw new Error('too many documents on one connection');
      open.add(documentName);
      openPerSocket.set(socketId, open);
      connectionConfig.readOnly = access === 'read';
      return { tokenId: verified.id, principal: verified.principal, expiresAt: verified.expiresAt };
    },
    async onDisconnect({ socketId, documentName }: onDisconnectPayload) {
      const open = openPerSocket.get(socketId);
      open?.delete(documentName);
      if (open?.size === 0) openPerSocket.delete(socketId);
    },
  };
}

/** Closes every document connection whose token is in `tokenIds`, or has expired (docs/sync.md T3). */
export function closeConnectionsFor(
  hocuspocus: Hocuspocus,
  tokenIds: ReadonlySet<string>,
  now: number,
): number {
  let closed = 0;
  for (const document of hocuspocus.documents.values()) {
    for (const connection of document.getConnections()) {
      const context = connection.context as Partial<ConnectionContext> | undefined;
      if (!context?.tokenId) continue;
      if (
        tokenIds.has(context.tokenId) ||
        (context.expiresAt !== undefined && context.expiresAt <= now)
      ) {
        connection.close({ code: 4401, reason: 'token revoked or expired' });
        closed++;
      }
    }
  }
  return closed;
}
