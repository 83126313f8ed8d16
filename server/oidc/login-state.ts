import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** What a sign-in keeps between leaving for the identity provider and coming back (SSO7). */
export interface LoginState {
  /** PKCE's code verifier (RFC 7636). */
  verifier: string;
  state: string;
  nonce: string;
  workspace: string;
  expiresAt: number;
}

export const STATE_COOKIE = 'sightline_sso';
/** Where the cookie is sent: the callback, and nowhere else in the app. */
export const STATE_COOKIE_PATH = '/api/sso';
export const LOGIN_TTL_MS = 10 * 60_000;

/**
 * The login state travels in a cookie signed with a key derived from the relay's signing secret,
 * so any relay sharing that secret can finish a sign-in another one started (several relays
 * behind a load balancer), and nobody can forge one. It holds no token; it lives 10 minutes.
 */
export class LoginStateCookie {
  readonly #key: Buffer;
  readonly #secure: boolean;

  constructor(signingSecret: Uint8Array, secure: boolean) {
    this.#key = createHash('sha256')
      .update('sightline sso login state\0')
      .update(signingSecret)
      .digest();
    this.#secure = secure;
  }

  /** The Set-Cookie header value that keeps `state`: HttpOnly, SameSite=Lax, Secure on https. */
  set(state: LoginState): string {
    const payload = Buffer.from(JSON.stringify(state)).toString('base64url');
    return this.#cookie(`${payload}.${this.#sign(payload)}`, Math.round(LOGIN_TTL_MS / 1000));
  }

  /** The Set-Cookie header value that removes it. */
  clear(): string {
    return this.#cookie('', 0);
  }

  /** The state from a request's Cookie header, when it is there, signed by us and not expired. */
  read(cookieHeader: string | undefined, now: number): LoginState | undefined {
    const raw = cookieHeader
      ?.split(';')
      .map((part) => part.trim())
      .find((part) => part.startsWith(`${STATE_COOKIE}=`))
      ?.slice(STATE_COOKIE.length + 1);
    const [payload, signature] = raw?.split('.') ?? [];
    if (!payload || !signature) return undefined;
    const expected = Buffer.from(this.#sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const state = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as LoginState;
      const fields = [state.verifier, state.state, state.nonce, state.workspace];
      if (!fields.every((f) => typeof f === 'string') || typeof state.expiresAt !== 'number')
        return undefined;
      return state.expiresAt > now ? state : undefined;
    } catch {
      return undefined;
    }
  }

  #sign(payload: string): string {
    return createHmac('sha256', this.#key).update(payload).digest('base64url');
  }

  #cookie(value: string, maxAgeSeconds: number): string {
    return [
      `${STATE_COOKIE}=${value}`,
      `Path=${STATE_COOKIE_PATH}`,
      `Max-Age=${maxAgeSeconds}`,
      'HttpOnly',
      // Lax: the identity provider's redirect back is a top-level GET from another site.
      'SameSite=Lax',
      ...(this.#secure ? ['Secure'] : []),
    ].join('; ');
  }
}
