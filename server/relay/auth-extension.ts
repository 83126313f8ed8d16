import type {
  Extension,
  Hocuspocus,
  onAuthenticatePayload,
  onDisconnectPayload,
} from '@hocuspocus/server';
import { accessFor, type Principal } from '../../shared/auth/access.ts';
import { personName } from '../../shared/auth/person-name.ts';
import { READS_PARAMETER, tooOldFor } from '../../shared/documents/client-reads.ts';
import { parseDocumentName } from '../../shared/documents/names.ts';
import type { TokenService } from '../auth/token-service.ts';
import type { TokenStorage } from '../storage/relay-storage.ts';
import type { LogLimiter } from './log-limiter.ts';
import type { SocketRegistry, SocketInfo } from './socket-registry.ts';

/** What the relay knows about an authenticated connection to one document. */
export interface ConnectionContext {
  tokenId: string;
  principal: Principal;
  expiresAt: number;
  /** The name others see in presence: from the token, never from the client (H6). */
  person: string;
  socket?: SocketInfo;
}

export interface AuthOptions {
  tokens: TokenService;
  tokenStore: TokenStorage;
  /** Most document connections one WebSocket may have open at once (docs/sync.md L2). */
  maxDocumentsPerConnection: number;
  sockets: SocketRegistry;
  log: LogLimiter;
}

/**
 * A refusal sent to the client as its reason. It has no message on purpose: Hocuspocus logs the
 * message of every error a hook throws, and a stranger must not be able to write the log (H15).
 */
export class Refusal extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super('');
    this.reason = reason;
  }
}

/** How often a token's "last seen" is written at most. */
const SEEN_EVERY_MS = 5 * 60_000;
/**
 * An extension's, at most hourly: there are thousands, each reconnecting every few minutes, and
 * the admin's list of enrolled extensions needs last contact to the hour, no finer (EXT2).
 */
const REPORTER_SEEN_EVERY_MS = 60 * 60_000;

/**
 * Enforces the permission table at connect time (docs/sync.md P1–P6): a verified token, a
 * well-formed document name, then none → refused, read → a read-only connection, write → normal;
 * an app that cannot read the document's shape is refused too (S5).
 * Document connections are counted per socket (L2), per token and per address (H11). Refusals
 * carry a reason for the client, never the token, and are logged at most once a minute per address.
 */
export function authExtension(options: AuthOptions): Extension {
  const { tokens, tokenStore, sockets, log } = options;
  const openPerSocket = new Map<string, number>();
  const seenAt = new Map<string, number>();
  function markSeen(tokenId: string, reporter: boolean) {
    const now = Date.now();
    const every = reporter ? REPORTER_SEEN_EVERY_MS : SEEN_EVERY_MS;
    if (now - (seenAt.get(tokenId) ?? 0) < every) return;
    if (seenAt.size > 100_000) seenAt.clear();
    seenAt.set(tokenId, now);
    tokenStore.markSeen(tokenId, now).catch(() => {
      // a hint for admins (H2): a failed write is not worth refusing the connection
    });
  }
  return {
    extensionName: 'sightline-auth',
    async onAuthenticate({
      token,
      documentName,
      connectionConfig,
      socketId,
      context,
      requestParameters,
    }: onAuthenticatePayload): Promise<ConnectionContext> {
      const socket = (context as { socket?: SocketInfo }).socket;
      const refuse = (reason: string, what: string) => {
        log.refused(socket?.ip ?? 'a direct connection', what);
        return new Refusal(reason);
      };
      const name = parseDocumentName(documentName);
      if (!name) throw refuse('permission-denied', 'invalid document name');
      let verified;
      try {
        verified = await tokens.verify(token);
      } catch (error) {
        throw refuse('permission-denied', (error as Error).message);
      }
      const access = accessFor(verified.principal, name);
      if (access === 'none') throw refuse('permission-denied', 'permission denied');
      // An app older than the document's stored shape would read it as nothing (S5).
      if (tooOldFor(requestParameters.get(READS_PARAMETER), name.kind))
        throw refuse('update-required', `an app too old to read ${name.kind}`);
      const open = openPerSocket.get(socketId) ?? 0;
      if (open >= options.maxDocumentsPerConnection)
        throw refuse('too-many-documents', 'too many documents on one connection');
      if (socket) {
        const limited = sockets.take(socket, verified.id);
        if (limited) throw refuse('too-many-documents', limited);
      }
      openPerSocket.set(socketId, open + 1);
      connectionConfig.readOnly = access === 'read';
      if (access === 'read') socket?.readOnly.add(documentName);
      markSeen(verified.id, verified.principal.reporterId !== undefined);
      return {
        tokenId: verified.id,
        principal: verified.principal,
        expiresAt: verified.expiresAt,
        person: personName({ ...verified.principal, tokenId: verified.id, label: verified.label }),
        ...(socket ? { socket } : {}),
      };
    },
    async onDisconnect({ socketId, context, documentName }: onDisconnectPayload) {
      const { tokenId, socket } = (context ?? {}) as Partial<ConnectionContext>;
      if (tokenId === undefined) return; // never authenticated
      const open = (openPerSocket.get(socketId) ?? 1) - 1;
      if (open > 0) openPerSocket.set(socketId, open);
      else openPerSocket.delete(socketId);
      if (socket) sockets.release(socket, tokenId);
      socket?.readOnly.delete(documentName);
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
