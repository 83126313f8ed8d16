import { isRole, type Role } from '../../../shared/auth/access.ts';
import { MAX_LABEL } from './join-link.ts';

/** How the relay answered `GET /api/whoami` for a token. */
export type WhoamiResult =
  | {
      kind: 'ok';
      workspace: string;
      role: Role;
      tokenId?: string;
      expiresAt?: number;
      /** The invitation's label, when it has one. */
      label?: string;
    }
  /** 401 or 403: the token is unknown, expired or revoked. */
  | { kind: 'refused'; error: string }
  /** No answer (offline, relay down) or an answer that says nothing: keep what we have. */
  | { kind: 'unreachable' };

export type Whoami = (token: string) => Promise<WhoamiResult>;

/** Asks the relay who a token is; never throws. */
export function httpWhoami(fetcher: typeof fetch = fetch, base = ''): Whoami {
  return async (token) => {
    let response: Response;
    try {
      response = await fetcher(`${base}/api/whoami`, {
        headers: { authorization: `Bearer ${token}` },
        cache: 'no-store',
      });
    } catch {
      return { kind: 'unreachable' };
    }
    const body: unknown = await response.json().catch(() => undefined);
    const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<
      string,
      unknown
    >;
    if (response.status === 401 || response.status === 403) {
      const error = typeof fields.error === 'string' ? fields.error : 'access refused';
      return { kind: 'refused', error };
    }
    if (!response.ok || typeof fields.workspace !== 'string' || !isRole(fields.role)) {
      return { kind: 'unreachable' };
    }
    const result: WhoamiResult = { kind: 'ok', workspace: fields.workspace, role: fields.role };
    if (typeof fields.tokenId === 'string') result.tokenId = fields.tokenId;
    if (typeof fields.expiresAt === 'number') result.expiresAt = fields.expiresAt;
    if (typeof fields.label === 'string' && fields.label.trim() !== '') {
      result.label = fields.label.trim().slice(0, MAX_LABEL);
    }
    return result;
  };
}
