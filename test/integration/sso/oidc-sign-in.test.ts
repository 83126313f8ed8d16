import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decide,
  mapGroup,
  readPerson,
  unmapGroup,
  type PersonRole,
} from '../../../shared/documents/admin/sso.ts';
import type { OidcOptions } from '../../../server/oidc/oidc-config.ts';
import { signInOverHttp } from '../../helpers/oidc-login.ts';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  freePort,
  startTestProvider,
  type TestProvider,
} from '../../helpers/oidc-provider.ts';
import { startTestServer, type TestServer } from '../../helpers/test-server.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { runCli } from '../../../server/cli/run-cli.ts';
import { connectClient, waitFor } from '../../helpers/relay-client.ts';
import type * as Y from 'yjs';

/**
 * Single sign-on's authorization code flow against a real OpenID provider (oidc-provider), without
 * a browser: docs/sync.md SSO1–SSO8.
 */
async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('`sightline sso` without a relay running', () => {
  it('SSO2: maps and unmaps groups in the stored admin document', async () => {
    const dir = tempDir();
    try {
      const server = await startTestServer({ dataDir: dir.path });
      await server.close();
      const args = ['--data', dir.path, '--workspace', 'acme', '--group', 'ai-governance-leads'];
      expect((await cli(['sso', 'map', ...args, '--role', 'lead'])).code).toBe(0);
      expect((await cli(['sso', 'list', '--data', dir.path, '--workspace', 'acme'])).out).toEqual([
        'group  ai-governance-leads  lead',
      ]);
      expect((await cli(['sso', 'unmap', ...args])).code).toBe(0);
      expect((await cli(['sso', 'unmap', ...args])).code).toBe(1);
    } finally {
      dir.remove();
    }
  });
});

describe('single sign-on against an OpenID provider', () => {
  let provider: TestProvider;
  let relay: TestServer & { remove(): void };
  const oidc = (issuer: string): OidcOptions => ({
    issuer,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    scopes: 'openid profile email groups',
    groupsClaim: 'groups',
    sessionTtlMs: 3_600_000,
    displayName: 'Test IdP',
  });

  beforeAll(async () => {
    const port = await freePort();
    provider = await startTestProvider(`http://localhost:${port}`);
    relay = await startTestServer({ port, workspace: 'acme', oidc: oidc(provider.issuer) });
    await admin((doc) => mapGroup(doc, 'ai-governance-leads', 'lead'));
  });
  afterAll(async () => {
    await relay?.close();
    relay?.remove();
    await provider?.close();
  });

  async function admin<T>(change: (doc: Y.Doc) => T): Promise<T> {
    const connection = await relay.hocuspocus.openDirectConnection('acme/admin', {});
    try {
      let result: T | undefined;
      await connection.transact((doc) => (result = change(doc)));
      return result as T;
    } finally {
      await connection.disconnect();
    }
  }
  const whoami = (token: string) =>
    fetch(`${relay.url}/api/whoami`, { headers: { authorization: `Bearer ${token}` } });
  const tokenOf = (location: string) =>
    new URLSearchParams(location.split('?')[1]).get('token') ?? '';

  it('SSO1: the relay refuses to start when the issuer is wrong, naming it', async () => {
    const closed = `http://localhost:${await freePort()}`;
    await expect(startTestServer({ oidc: oidc(closed) })).rejects.toThrow(
      new RegExp(`OpenID provider ${closed} could not be used`),
    );
    await expect(startTestServer({ oidc: oidc('http://idp.example.com') })).rejects.toThrow(
      /must be https/,
    );
    // An issuer that names itself otherwise than it was configured is refused by the library.
    await expect(startTestServer({ oidc: oidc(`${provider.issuer}/other`) })).rejects.toThrow(
      /could not be used/,
    );
  });

  it('SSO2, SSO5, SSO7: a member of the lead group gets a lead session, named, in the fragment', async () => {
    const { location, relayCookies } = await signInOverHttp(relay.url, 'dana');
    expect(location).toMatch(/^\/#\/join\?workspace=acme&token=[\w-]+\.[\w-]+\.[\w-]+$/);
    const answer = (await (await whoami(tokenOf(location))).json()) as Record<string, unknown>;
    expect(answer).toMatchObject({ workspace: 'acme', role: 'lead', label: 'Dana Lead' });
    const record = await relay.tokenStore.get(String(answer.tokenId));
    expect(record?.kind).toBe('session');
    expect(record!.expiresAt - record!.createdAt).toBe(3_600_000);
    // The login state cookie: HttpOnly, SameSite, only under /api/sso, and cleared at the callback.
    expect(relayCookies[0]).toMatch(
      /^sightline_sso=[^;]+; Path=\/api\/sso; Max-Age=600; HttpOnly; SameSite=Lax$/,
    );
    expect(relayCookies.at(-1)).toMatch(/^sightline_sso=; Path=\/api\/sso; Max-Age=0; HttpOnly/);
  });

  it('SSO4, SSO3: with no mapped group the person waits; an admin’s role counts at the next sign-in', async () => {
    const first = await signInOverHttp(relay.url, 'sam');
    expect(first.location).toBe('/#/sso?outcome=pending&workspace=acme');
    const pending = await admin((doc) => readPerson(doc, 'sam'));
    expect(pending).toMatchObject({
      status: 'pending',
      role: null,
      name: 'Sam Newcomer',
      groups: ['staff'],
    });
    await admin((doc) => decide(doc, 'sam', 'contributor'));
    const second = await signInOverHttp(relay.url, 'sam');
    const answer = (await (await whoami(tokenOf(second.location))).json()) as { role: PersonRole };
    expect(answer.role).toBe('contributor');
  });

  it('SSO6: a person whose group lost its role loses every session at the next sign-in', async () => {
    const before = await signInOverHttp(relay.url, 'dana');
    expect((await whoami(tokenOf(before.location))).status).toBe(200);
    await admin((doc) => unmapGroup(doc, 'ai-governance-leads'));
    try {
      const after = await signInOverHttp(relay.url, 'dana');
      expect(after.location).toBe('/#/sso?outcome=pending&workspace=acme');
      expect((await whoami(tokenOf(before.location))).status).toBe(401);
    } finally {
      await admin((doc) => mapGroup(doc, 'ai-governance-leads', 'lead'));
    }
  });

  it('SSO6: a removed person is refused, and told so', async () => {
    await signInOverHttp(relay.url, 'cleo');
    await admin((doc) => decide(doc, 'cleo', 'removed'));
    expect((await signInOverHttp(relay.url, 'cleo')).location).toBe(
      '/#/sso?outcome=removed&workspace=acme',
    );
  });

  it('SSO8: sign-out revokes the session token and names the provider’s logout', async () => {
    const { location } = await signInOverHttp(relay.url, 'dana');
    const token = tokenOf(location);
    const response = await fetch(`${relay.url}/api/sso/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await response.json()) as { revoked: boolean; endSession?: string };
    expect(body.revoked).toBe(true);
    expect(body.endSession).toMatch(new RegExp(`^${provider.issuer}/session/end\\?`));
    expect(new URL(body.endSession!).searchParams.get('post_logout_redirect_uri')).toBe(
      `${relay.url}/`,
    );
    expect((await whoami(token)).status).toBe(401);
  });

  it('SSO9: an admin removes a person through the API: their sessions end at once', async () => {
    const { location } = await signInOverHttp(relay.url, 'cleo');
    expect(location).toBe('/#/sso?outcome=removed&workspace=acme');
    await admin((doc) => decide(doc, 'cleo', 'contributor'));
    const token = tokenOf((await signInOverHttp(relay.url, 'cleo')).location);
    expect((await whoami(token)).status).toBe(200);
    // Cleo has the workspace's AI policy open, live.
    const live = connectClient(relay.syncUrl, 'acme/policy', token);
    expect(await live.outcome()).toEqual({ scope: 'readonly' });
    await waitFor(() => live.provider.synced, 'the policy synced');
    const adminToken = await relay.token('acme', 'admin');
    const lead = tokenOf((await signInOverHttp(relay.url, 'dana')).location);
    const call = (bearer: string, path: string, body?: unknown) =>
      fetch(`${relay.url}${path}`, {
        method: body ? 'POST' : 'GET',
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    expect((await call(lead, '/api/sso/people')).status).toBe(403);
    const listing = (await (await call(adminToken, '/api/sso/people')).json()) as {
      groups: unknown[];
      people: { subject: string; status: string; sessions: number }[];
    };
    expect(listing.groups).toEqual([{ group: 'ai-governance-leads', role: 'lead' }]);
    expect(listing.people.find((p) => p.subject === 'cleo')).toMatchObject({ status: 'active' });
    const removed = await call(adminToken, '/api/sso/people', {
      subject: 'cleo',
      decision: 'removed',
    });
    expect(await removed.json()).toMatchObject({ person: { status: 'removed' } });
    expect((await whoami(token)).status).toBe(401);
    await waitFor(
      () => (relay.hocuspocus.documents.get('acme/policy')?.getConnectionsCount() ?? 0) === 0,
      'the removed person’s live connection to close',
      5_000,
    );
    live.destroy();
    const bad = await call(adminToken, '/api/sso/groups', { group: 'x', role: 'pipeline' });
    expect(bad.status).toBe(400);
  });

  it('SSO2: `sightline sso map` goes through the running relay; `sso list` shows it', async () => {
    const sso = (...args: string[]) =>
      cli(['sso', ...args, '--data', relay.dataDir, '--workspace', 'acme']);
    expect(await sso('map', '--group', 'data-science', '--role', 'contributor')).toMatchObject({
      code: 0,
      out: ['data-science → contributor in acme'],
    });
    const listed = await sso('list');
    expect(listed.out).toContain('group  data-science  contributor');
    expect(
      listed.out.some((line) =>
        line.startsWith('person  Sam Newcomer <sam@example.com>  contributor  active'),
      ),
    ).toBe(true);
    const bad = await sso('map', '--group', 'x', '--role', 'viewer');
    expect(bad.code).not.toBe(0);
    expect(bad.err.join('\n')).toMatch(/--role admin\|lead\|contributor/);
  });

  it('SSO7: a callback without its login state, or with a forged one, gives no session', async () => {
    for (const cookie of ['', 'sightline_sso=eyJ2IjoxfQ.forged']) {
      const response = await fetch(`${relay.url}/api/sso/callback?code=x&state=y`, {
        redirect: 'manual',
        headers: { cookie },
      });
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('/#/sso?outcome=expired');
    }
    const login = await fetch(`${relay.url}/api/sso/login?workspace=../evil`, {
      redirect: 'manual',
    });
    expect(login.status).toBe(400);
  });
});
