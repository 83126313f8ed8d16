import type { ConnectionLimits } from './rate-limit.ts';

/** What the relay knows about one WebSocket, shared with every document connection on it. */
export interface SocketInfo {
  ip: string;
  /** True once any document on it authenticated: then the unauthenticated timeout no longer applies. */
  authenticated: boolean;
  /** The token ids this socket has authenticated documents with. */
  tokens: Set<string>;
  /** Documents this socket has open read-only: their updates are dropped, so not counted (H13). */
  readOnly: Set<string>;
}

type Limits = Pick<
  ConnectionLimits,
  | 'maxSocketsPerIp'
  | 'maxUnauthenticatedSocketsPerIp'
  | 'maxSocketsPerToken'
  | 'maxDocumentsPerToken'
  | 'maxDocumentsPerIp'
>;

function bump(counts: Map<string, number>, key: string, by: number): void {
  const next = (counts.get(key) ?? 0) + by;
  if (next > 0) counts.set(key, next);
  else counts.delete(key);
}

/**
 * Counts sockets and document connections per IP address and per token, so that the limits hold
 * per principal rather than per connection (docs/sync.md H11–H12): opening more sockets does not
 * buy a stranger more documents, and sockets that never authenticate are few and short-lived.
 */
export class SocketRegistry {
  readonly #limits: Limits;
  readonly #socketsPerIp = new Map<string, number>();
  readonly #unauthenticatedPerIp = new Map<string, number>();
  readonly #socketsPerToken = new Map<string, number>();
  readonly #documentsPerToken = new Map<string, number>();
  readonly #documentsPerIp = new Map<string, number>();

  constructor(limits: Limits) {
    this.#limits = limits;
  }

  /** Why a new socket from `ip` is refused, or undefined when it may open. */
  admit(ip: string): string | undefined {
    if ((this.#socketsPerIp.get(ip) ?? 0) >= this.#limits.maxSocketsPerIp)
      return 'too many sockets from this address';
    if ((this.#unauthenticatedPerIp.get(ip) ?? 0) >= this.#limits.maxUnauthenticatedSocketsPerIp)
      return 'too many unauthenticated sockets from this address';
    return undefined;
  }

  opened(socket: SocketInfo): void {
    bump(this.#socketsPerIp, socket.ip, 1);
    bump(this.#unauthenticatedPerIp, socket.ip, 1);
  }

  closed(socket: SocketInfo): void {
    bump(this.#socketsPerIp, socket.ip, -1);
    if (!socket.authenticated) bump(this.#unauthenticatedPerIp, socket.ip, -1);
    for (const token of socket.tokens) bump(this.#socketsPerToken, token, -1);
    socket.tokens.clear();
  }

  /**
   * Takes one document connection for `tokenId` on `socket`; returns why it is refused, or
   * undefined when it was counted (release it with `release`).
   */
  take(socket: SocketInfo, tokenId: string): string | undefined {
    if ((this.#documentsPerToken.get(tokenId) ?? 0) >= this.#limits.maxDocumentsPerToken)
      return 'too many documents open with this token';
    if ((this.#documentsPerIp.get(socket.ip) ?? 0) >= this.#limits.maxDocumentsPerIp)
      return 'too many documents open from this address';
    const newSocket = !socket.tokens.has(tokenId);
    if (newSocket && (this.#socketsPerToken.get(tokenId) ?? 0) >= this.#limits.maxSocketsPerToken)
      return 'too many sockets with this token';
    if (newSocket) {
      socket.tokens.add(tokenId);
      bump(this.#socketsPerToken, tokenId, 1);
    }
    if (!socket.authenticated) {
      socket.authenticated = true;
      bump(this.#unauthenticatedPerIp, socket.ip, -1);
    }
    bump(this.#documentsPerToken, tokenId, 1);
    bump(this.#documentsPerIp, socket.ip, 1);
    return undefined;
  }

  release(socket: SocketInfo, tokenId: string): void {
    bump(this.#documentsPerToken, tokenId, -1);
    bump(this.#documentsPerIp, socket.ip, -1);
  }
}
