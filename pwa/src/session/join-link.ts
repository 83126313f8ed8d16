import { isRole, type Role } from '../../../shared/auth/access.ts';
import { personName } from '../../../shared/auth/person-name.ts';
import { isValidSegment } from '../../../shared/documents/names.ts';

/** What this device keeps to open its workspace (Dexie, device-only, never synced). */
export interface Credentials {
  workspace: string;
  token: string;
  role: Role;
  /** The token's id (`jti`): who wrote a change, without naming a person. */
  tokenId?: string;
  /** Epoch ms. */
  expiresAt?: number;
  /** The invitation's label, as the relay tells it (a person's name, as the inviter wrote it). */
  label?: string;
}

/** The relay keeps labels of at most this many characters. */
export const MAX_LABEL = 200;

/** Who this device's person is, as changes and presence name them (the relay names them alike). */
export function personOf(credentials: Pick<Credentials, 'role' | 'tokenId' | 'label'>): string {
  return personName(credentials);
}

export type JoinLinkResult = { ok: true; credentials: Credentials } | { ok: false; error: string };

/** The claims a token carries, read without verifying it: the relay verifies, this only guides the UI. */
export function readTokenClaims(
  token: string,
): { workspace: string; role: Role; tokenId?: string; expiresAt?: number } | undefined {
  const payload = token.split('.')[1];
  if (payload === undefined || !/^[A-Za-z0-9_-]+$/.test(payload)) return undefined;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const claims: unknown = JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')));
    if (typeof claims !== 'object' || claims === null) return undefined;
    const { ws, role, jti, exp } = claims as Record<string, unknown>;
    if (!isValidSegment(ws) || !isRole(role)) return undefined;
    const result: ReturnType<typeof readTokenClaims> = { workspace: ws, role };
    if (typeof jti === 'string' && /^[a-f0-9]{1,64}$/.test(jti)) result.tokenId = jti;
    if (typeof exp === 'number' && Number.isFinite(exp)) result.expiresAt = exp * 1000;
    return result;
  } catch {
    return undefined;
  }
}

/**
 * Reads a join link's query (`workspace=W&token=T`). The token must be a well-formed token for
 * that workspace and a role that uses this app (an extension's member token does not).
 */
export function parseJoinLink(params: URLSearchParams): JoinLinkResult {
  const workspace = params.get('workspace') ?? '';
  const token = params.get('token') ?? '';
  if (!isValidSegment(workspace))
    return { ok: false, error: 'The join link names no valid workspace.' };
  if (token.length === 0 || token.length > 4096)
    return { ok: false, error: 'The join link has no token.' };
  const claims = readTokenClaims(token);
  if (!claims) return { ok: false, error: 'The join link’s token is not readable.' };
  if (claims.workspace !== workspace) {
    return { ok: false, error: 'The join link’s token is for another workspace.' };
  }
  if (claims.role === 'member') {
    return {
      ok: false,
      error: 'This is an enrolment code for the browser extension, not a join link.',
    };
  }
  return { ok: true, credentials: { ...claims, token } };
}
