import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/**
 * People of the test identity provider, and their groups. The claims are those OpenID Connect
 * Core 1.0 §5.1 names (`sub`, `name`, `email`); `groups` is the claim Keycloak, Entra ID and Okta
 * send a person's groups in (docs/deploy.md, "Single sign-on").
 */
export const PEOPLE: Record<string, { name: string; email: string; groups: string[] }> = {
  dana: { name: 'Dana Lead', email: 'dana@example.com', groups: ['staff', 'ai-governance-leads'] },
  sam: { name: 'Sam Newcomer', email: 'sam@example.com', groups: ['staff'] },
  cleo: { name: 'Cleo Contributor', email: 'cleo@example.com', groups: ['data-science'] },
};

export const CLIENT_ID = 'sightline';
export const CLIENT_SECRET = 'a-test-client-secret-of-enough-length-0123456789';

export interface TestProvider {
  issuer: string;
  close(): Promise<void>;
}

/** A free TCP port on loopback (for a relay whose redirect URI must be known beforehand). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A real OpenID provider (the `oidc-provider` package, its development login page: any password
 * is accepted for the people above) on a free loopback port, with one confidential client whose
 * redirect URI is `relayUrl`'s callback.
 */
export async function startTestProvider(relayUrl: string): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://localhost:${(server.address() as AddressInfo).port}`;
  // Its quick-start defaults (in-memory adapter, development keys and login page) warn; the tests know.
  const warn = console.warn;
  console.warn = () => {};
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${relayUrl}/api/sso/callback`],
        post_logout_redirect_uris: [`${relayUrl}/`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], profile: ['name'], email: ['email'], groups: ['groups'] },
    scopes: ['openid', 'profile', 'email', 'groups'],
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    async findAccount(_ctx: unknown, id: string) {
      const person = PEOPLE[id];
      if (!person) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...person }) };
    },
    cookies: { keys: ['test-cookie-key-0123456789'] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 3600, IdToken: 3600 },
  });
  console.warn = warn;
  server.on('request', provider.callback());
  return {
    issuer,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
