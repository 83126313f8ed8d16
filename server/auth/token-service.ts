import { randomBytes } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { isRole, type Principal, type Role } from '../../shared/auth/access.ts';
import { isValidSegment } from '../../shared/documents/names.ts';
import type { TokenStorage } from '../storage/relay-storage.ts';
import type { TokenRecord } from './token-store.ts';

const ISSUER = 'sightline';
const AUDIENCE = 'sightline-relay';

export interface MintRequest {
  workspace: string;
  role: Role;
  reporterId?: string;
  ttlMs: number;
  kind?: TokenRecord['kind'];
  label?: string;
  /** The id of the token that mints this one (H8); absent when the command line mints. */
  mintedBy?: string;
  /** For an enrolment code: the most reporters it may enrol (H3). */
  maxReporters?: number;
}

export interface MintedToken {
  token: string;
  id: string;
  expiresAt: number;
}

export interface VerifiedToken {
  id: string;
  principal: Principal;
  expiresAt: number;
  /** The label it was minted with (an invitation's: the person's name, as the inviter wrote it). */
  label?: string;
}

const DAY_MS = 86_400_000;

/**
 * The longest a token of each role may live (docs/sync.md H9): the more it can do, the sooner it
 * must be renewed. An extension's own token (made at enrolment) lives a year.
 */
export const MAX_LIFETIME_MS: Record<Role | 'reporter', number> = {
  admin: 90 * DAY_MS,
  lead: 90 * DAY_MS,
  contributor: 180 * DAY_MS,
  member: 365 * DAY_MS,
  pipeline: 365 * DAY_MS,
  reporter: 366 * DAY_MS,
};

/** Why a token was refused; the message never contains the token. */
export class TokenError extends Error {
  override name = 'TokenError';
}

/** A fresh unguessable id: 128 random bits, lower-case hex (a valid document-name segment). */
export function randomId(): string {
  return randomBytes(16).toString('hex');
}

/**
 * Signed tokens (JWT, HS256, jose): workspace, role, optional reporter id, expiry and an id that
 * can be revoked. Verification checks the signature, the claims' shape, expiry, and the store
 * (a token must have been minted here and not revoked).
 */
export class TokenService {
  readonly #secret: Uint8Array;
  readonly #store: TokenStorage;
  readonly #now: () => number;

  constructor(secret: Uint8Array, store: TokenStorage, now: () => number = Date.now) {
    this.#secret = secret;
    this.#store = store;
    this.#now = now;
  }

  async mint(request: MintRequest): Promise<MintedToken> {
    if (!isValidSegment(request.workspace))
      throw new TokenError('invalid workspace id: use 1–64 lower-case letters, digits, - or _');
    if (!isRole(request.role)) throw new TokenError(`unknown role ${JSON.stringify(request.role)}`);
    const ceiling = MAX_LIFETIME_MS[request.kind === 'reporter' ? 'reporter' : request.role];
    if (!(request.ttlMs > 0) || request.ttlMs > ceiling)
      throw new TokenError(
        `a ${request.role} token lives at most ${Math.round(ceiling / 86_400_000)} days`,
      );
    if (
      request.maxReporters !== undefined &&
      (!Number.isInteger(request.maxReporters) || request.maxReporters < 1)
    )
      throw new TokenError('the most reporters a code may enrol must be a whole number from 1');
    if (
      request.reporterId !== undefined &&
      (request.role !== 'member' || !isValidSegment(request.reporterId))
    ) {
      throw new TokenError('a reporter id is only for member tokens, and must be a valid id');
    }
    const id = randomId();
    const now = this.#now();
    const expiresAt = now + request.ttlMs;
    const token = await new SignJWT({
      ws: request.workspace,
      role: request.role,
      ...(request.reporterId ? { rid: request.reporterId } : {}),
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setJti(id)
      .setIssuedAt(Math.floor(now / 1000))
      .setExpirationTime(Math.floor(expiresAt / 1000))
      .sign(this.#secret);
    const kind =
      request.kind ??
      (request.role === 'member' ? (request.reporterId ? 'reporter' : 'enrolment') : 'invitation');
    await this.#store.add({
      id,
      workspace: request.workspace,
      role: request.role,
      reporterId: request.reporterId ?? null,
      kind,
      label: request.label?.slice(0, 200) ?? null,
      createdAt: now,
      expiresAt,
      mintedBy: request.mintedBy ?? null,
      maxReporters: kind === 'enrolment' ? (request.maxReporters ?? null) : null,
    });
    return { token, id, expiresAt };
  }

  async verify(token: unknown): Promise<VerifiedToken> {
    if (typeof token !== 'string' || token.length === 0) throw new TokenError('no token');
    if (token.length > 4096) throw new TokenError('malformed token');
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.#secret, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        currentDate: new Date(this.#now()),
      }));
    } catch (error) {
      throw new TokenError(error instanceof errors.JWTExpired ? 'token expired' : 'invalid token');
    }
    const { jti, ws, role, rid, exp } = payload as Record<string, unknown>;
    if (
      typeof jti !== 'string' ||
      !isValidSegment(ws) ||
      !isRole(role) ||
      typeof exp !== 'number' ||
      (rid !== undefined && !isValidSegment(rid))
    ) {
      throw new TokenError('invalid token');
    }
    const record = await this.#store.get(jti);
    if (!record) throw new TokenError('unknown token');
    if (record.revokedAt !== null) throw new TokenError('token revoked');
    return {
      id: jti,
      principal: { workspace: ws, role, ...(typeof rid === 'string' ? { reporterId: rid } : {}) },
      expiresAt: exp * 1000,
      ...(record.label ? { label: record.label } : {}),
    };
  }

  revoke(id: string): Promise<boolean> {
    return this.#store.revoke(id, this.#now());
  }
}
