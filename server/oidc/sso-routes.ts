import type { IncomingMessage, ServerResponse } from 'node:http';
import * as client from 'openid-client';
import { isValidSegment } from '../../shared/documents/names.ts';
import { TokenError, type TokenService } from '../auth/token-service.ts';
import { bearerToken, sendJson } from '../http/json.ts';
import type { TokenStorage } from '../storage/relay-storage.ts';
import { LOGIN_TTL_MS, type LoginStateCookie } from './login-state.ts';
import { redirectUri, type OidcOptions } from './oidc-config.ts';
import { signIn, type SignInServices, type SignedInPerson } from './sign-in.ts';

export interface SsoServices extends SignInServices {
  config: client.Configuration;
  options: OidcOptions;
  /** The base URL people open; the redirect URI and the logout return point hang off it. */
  publicUrl: string;
  /** The workspace a sign-in opens when the page names none (`serve --workspace`). */
  defaultWorkspace: string;
  tokens: TokenService;
  tokenStore: TokenStorage;
  cookie: LoginStateCookie;
}

/** Where the PWA shows a sign-in's outcome that is not a session (SSO4, SSO8): fixed codes only. */
type Outcome = 'pending' | 'removed' | 'denied' | 'expired' | 'failed';

/** When single sign-on is off: the PWA shows no button. */
export function handleSsoOff(req: IncomingMessage, res: ServerResponse): boolean {
  const path = new URL(req.url ?? '/', 'http://relay').pathname;
  if (path !== '/api/sso') return false;
  sendJson(res, 200, { enabled: false });
  return true;
}

/**
 * Single sign-on's routes (docs/sync.md SSO1–SSO8): what the PWA's button shows, the start of the
 * authorization code flow (PKCE, state, nonce), the callback that maps the person to a role and
 * hands the PWA a session token in the address's fragment, and sign-out. Every redirect goes to the
 * identity provider's own endpoint or to a fixed path of this app: nothing a request says (SSO7).
 */
export async function handleSso(
  req: IncomingMessage,
  res: ServerResponse,
  services: SsoServices,
): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://relay');
  const route = `${req.method} ${url.pathname}`;
  if (route === 'GET /api/sso') {
    sendJson(res, 200, {
      enabled: true,
      name: services.options.displayName,
      workspace: services.defaultWorkspace,
    });
    return true;
  }
  if (route === 'GET /api/sso/login') return (await startLogin(res, url, services), true);
  if (route === 'GET /api/sso/callback') return (await finishLogin(req, res, url, services), true);
  if (route === 'POST /api/sso/logout') return (await logout(req, res, services), true);
  return false;
}

async function startLogin(res: ServerResponse, url: URL, services: SsoServices) {
  const workspace = url.searchParams.get('workspace') ?? services.defaultWorkspace;
  if (!isValidSegment(workspace))
    return sendJson(res, 400, {
      error: 'workspace must be 1–64 lower-case letters, digits, - or _',
    });
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const scopes = new Set(['openid', ...services.options.scopes.split(/\s+/).filter(Boolean)]);
  const target = client.buildAuthorizationUrl(services.config, {
    redirect_uri: redirectUri(services.publicUrl),
    scope: [...scopes].join(' '),
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  const expiresAt = (services.now ?? Date.now)() + LOGIN_TTL_MS;
  res.writeHead(302, {
    Location: target.href,
    'Set-Cookie': services.cookie.set({ verifier, state, nonce, workspace, expiresAt }),
    'Cache-Control': 'no-store',
  });
  res.end();
}

async function finishLogin(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  services: SsoServices,
) {
  const now = (services.now ?? Date.now)();
  const login = services.cookie.read(req.headers.cookie, now);
  const back = (fragment: string) => {
    res.writeHead(302, {
      Location: `/#/${fragment}`,
      'Set-Cookie': services.cookie.clear(),
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    });
    res.end();
  };
  const outcome = (what: Outcome, workspace?: string) =>
    back(`sso?outcome=${what}${workspace ? `&workspace=${workspace}` : ''}`);
  if (url.searchParams.has('error'))
    return outcome(url.searchParams.get('error') === 'access_denied' ? 'denied' : 'failed');
  if (!login) return outcome('expired');
  let who: SignedInPerson;
  try {
    // The URL the identity provider redirected to, as the browser saw it (behind a proxy too).
    const current = new URL(`${url.pathname}${url.search}`, services.publicUrl);
    const grant = await client.authorizationCodeGrant(services.config, current, {
      pkceCodeVerifier: login.verifier,
      expectedState: login.state,
      expectedNonce: login.nonce,
      idTokenExpected: true,
    });
    who = await personFrom(grant, services);
  } catch (error) {
    console.warn(`sightline sso: a sign-in failed: ${(error as Error).message}`);
    return outcome('failed', login.workspace);
  }
  const result = await signIn(services, login.workspace, who, services.options.sessionTtlMs);
  if (result.kind !== 'signed-in') return outcome(result.kind, login.workspace);
  // The token goes in the fragment: browsers never send it to a server, so no access log, proxy
  // or identity provider sees it; the PWA takes it out of the address and the history at once.
  back(`join?workspace=${login.workspace}&token=${result.token}`);
}

/** The person from the ID token, completed from UserInfo (where most providers put groups). */
async function personFrom(
  grant: Awaited<ReturnType<typeof client.authorizationCodeGrant>>,
  services: SsoServices,
): Promise<SignedInPerson> {
  const claims: Record<string, unknown> = { ...grant.claims() };
  const subject = String(claims.sub);
  if (services.config.serverMetadata().userinfo_endpoint) {
    const info = await client.fetchUserInfo(services.config, grant.access_token, subject);
    for (const [key, value] of Object.entries(info)) claims[key] ??= value;
  }
  const groupsClaim = claims[services.options.groupsClaim];
  const groups = Array.isArray(groupsClaim)
    ? groupsClaim.filter((g): g is string => typeof g === 'string')
    : typeof groupsClaim === 'string'
      ? [groupsClaim]
      : [];
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  const email = text(claims.email);
  const name = text(claims.name) || text(claims.preferred_username) || email || subject;
  return { subject, name, email, groups };
}

/**
 * Sign-out (SSO8): revokes the bearer's session token — which closes its live connections on every
 * relay — and answers where to end the identity provider's session, when it offers that.
 * Invitations and the command line's tokens are not revoked here: they may be on other devices.
 */
async function logout(req: IncomingMessage, res: ServerResponse, services: SsoServices) {
  const token = bearerToken(req);
  let revoked = false;
  try {
    const verified = await services.tokens.verify(token);
    const record = await services.tokenStore.get(verified.id);
    if (record?.kind === 'session') revoked = await services.tokens.revoke(verified.id);
  } catch (error) {
    if (!(error instanceof TokenError)) throw error;
    // Already expired or revoked: signing out still ends the provider's session.
  }
  const endSession = services.config.serverMetadata().end_session_endpoint
    ? client.buildEndSessionUrl(services.config, {
        client_id: services.options.clientId,
        post_logout_redirect_uri: new URL('/', services.publicUrl).href,
      }).href
    : undefined;
  sendJson(res, 200, { revoked, ...(endSession ? { endSession } : {}) });
}
