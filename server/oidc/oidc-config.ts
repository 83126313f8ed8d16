import * as client from 'openid-client';

/** What `sightline serve --oidc-…` asks for (docs/deploy.md, "Single sign-on"). */
export interface OidcOptions {
  /** The issuer URL, exactly as the identity provider names itself (`iss`). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /**
   * The address people open Sightline at, e.g. https://sightline.example.com: the redirect URI is
   * this plus /api/sso/callback. Defaults to the relay's own URL (one machine, no proxy).
   */
  publicUrl?: string;
  /** Space-separated; `openid` is always asked for. */
  scopes: string;
  /** The claim that lists the person's groups (`groups` at Keycloak, Entra and Okta). */
  groupsClaim: string;
  /** How long a session token lives (SSO5). */
  sessionTtlMs: number;
  /** What the sign-in button says: "Sign in with <name>". */
  displayName: string;
}

export const DEFAULT_SCOPES = 'openid profile email';
export const DEFAULT_GROUPS_CLAIM = 'groups';
export const DEFAULT_SESSION_TTL_MS = 12 * 3_600_000;
export const CALLBACK_PATH = '/api/sso/callback';

/** Why single sign-on cannot start; the relay then refuses to start (SSO1). */
export class OidcConfigError extends Error {
  override name = 'OidcConfigError';
}

/** Plain http is allowed only for an identity provider on this machine (a test, a laptop). */
export function isLoopback(url: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/**
 * Reads the identity provider's discovery document (openid-client checks that it names the same
 * issuer) and checks what the code flow needs, so that a misconfigured issuer stops the relay with
 * a sentence that names the problem instead of failing at the first person's sign-in (SSO1).
 */
export async function discoverProvider(options: OidcOptions): Promise<client.Configuration> {
  let issuer: URL;
  try {
    issuer = new URL(options.issuer);
  } catch {
    throw new OidcConfigError(`--oidc-issuer ${JSON.stringify(options.issuer)} is not a URL`);
  }
  const insecure = issuer.protocol === 'http:';
  if (insecure && !isLoopback(issuer))
    throw new OidcConfigError(
      `--oidc-issuer must be https (plain http only for localhost): ${options.issuer}`,
    );
  if (issuer.protocol !== 'https:' && !insecure)
    throw new OidcConfigError(`--oidc-issuer must be an https URL: ${options.issuer}`);
  let config: client.Configuration;
  try {
    config = await client.discovery(
      issuer,
      options.clientId,
      options.clientSecret,
      undefined,
      insecure ? { execute: [client.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
    );
  } catch (error) {
    const cause = (error as Error).message;
    throw new OidcConfigError(
      `the OpenID provider ${options.issuer} could not be used: ${cause}` +
        ` (read from ${options.issuer.replace(/\/$/, '')}/.well-known/openid-configuration)`,
    );
  }
  const metadata = config.serverMetadata();
  if (!metadata.authorization_endpoint || !metadata.token_endpoint)
    throw new OidcConfigError(
      `the OpenID provider ${options.issuer} names no authorization or token endpoint`,
    );
  const types = metadata.response_types_supported;
  if (types && !types.includes('code'))
    throw new OidcConfigError(
      `the OpenID provider ${options.issuer} does not offer the authorization code flow`,
    );
  const pkce = metadata.code_challenge_methods_supported;
  if (pkce && !pkce.includes('S256'))
    throw new OidcConfigError(`the OpenID provider ${options.issuer} does not offer PKCE (S256)`);
  return config;
}

/** The redirect URI to register at the identity provider. */
export function redirectUri(publicUrl: string): string {
  return new URL(CALLBACK_PATH, publicUrl).href;
}
