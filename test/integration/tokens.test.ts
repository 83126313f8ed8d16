import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadSigningSecret } from '../../server/auth/signing-secret.ts';
import { TokenService } from '../../server/auth/token-service.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/relay-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const cli = join(import.meta.dirname, '..', '..', 'server', 'cli.ts');
let server: TestServer & { remove(): void };
const clients: TestClient[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await server.close();
  server.remove();
});

function open(name: string, token: string): TestClient {
  const client = connectClient(server.syncUrl, name, token);
  clients.push(client);
  return client;
}

function sightline(...args: string[]) {
  return spawnSync(process.execPath, [cli, ...args, '--data', server.dataDir], {
    encoding: 'utf8',
  });
}

async function api(path: string, init: { method?: string; token?: string; body?: unknown } = {}) {
  const response = await fetch(server.url + path, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    ...(init.body !== undefined
      ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }
      : {}),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('tokens (T1–T4)', () => {
  it('T1: keeps its signing secret readable by its owner only', () => {
    expect(statSync(join(server.dataDir, 'signing-secret')).mode & 0o777).toBe(0o600);
  });

  it('T2: refuses forged, tampered, expired and garbage tokens', async () => {
    const good = await server.token('acme', 'admin');
    const [header, payload, signature] = good.split('.');
    const forgedPayload = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload!, 'base64url').toString()),
        role: 'admin',
        ws: 'other',
      }),
    ).toString('base64url');
    const otherSecret = await new TokenService(new Uint8Array(32).fill(7), server.tokenStore).mint({
      workspace: 'acme',
      role: 'admin',
      ttlMs: 60_000,
    });
    // Minted an hour ago with the relay's own secret, for a minute: a genuine token, expired.
    const expired = await new TokenService(
      loadSigningSecret(server.dataDir),
      server.tokenStore,
      () => Date.now() - 3_600_000,
    ).mint({
      workspace: 'acme',
      role: 'admin',
      ttlMs: 60_000,
    });
    for (const token of [
      `${header}.${forgedPayload}.${signature}`,
      otherSecret.token,
      expired.token,
      'garbage',
      '',
      'a.b.c',
      'x'.repeat(10_000),
    ]) {
      expect(await open('acme/policy', token).outcome(), token.slice(0, 20)).toEqual({
        refused: 'permission-denied',
      });
    }
    expect(await open('acme/policy', good).outcome()).toEqual({ scope: 'read-write' });
  });

  it('T3: `sightline token` prints one token alone, and `sightline revoke` cuts its open connections', async () => {
    const minted = sightline('token', '--workspace', 'acme', '--role', 'lead', '--ttl', '1h');
    expect(minted.status).toBe(0);
    expect(minted.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const tokenId = /token id ([a-f0-9]{32})/.exec(minted.stderr)?.[1];
    expect(tokenId).toBeDefined();

    const client = open('acme/registry', minted.stdout.trim());
    expect(await client.outcome()).toEqual({ scope: 'read-write' });
    await waitFor(() => client.provider.synced, 'sync');

    const revoked = sightline('revoke', '--id', tokenId!);
    expect(revoked.status).toBe(0);
    await waitFor(
      () => (server.hocuspocus.documents.get('acme/registry')?.getConnectionsCount() ?? 0) === 0,
      'the revoked connection to close',
      5_000,
    );
    expect(await open('acme/registry', minted.stdout.trim()).outcome()).toEqual({
      refused: 'permission-denied',
    });
    expect(sightline('revoke', '--id', tokenId!).status).toBe(1);
  });

  it('T3: rejects bad command-line input with a usage error and no token', () => {
    for (const args of [
      ['token', '--workspace', 'Acme!', '--role', 'lead'],
      ['token', '--workspace', 'acme', '--role', 'king'],
      ['token', '--workspace', 'acme', '--role', 'lead', '--reporter', 'r1'],
      ['token', '--workspace', 'acme', '--role', 'lead', '--ttl', 'forever'],
      ['revoke', '--id', 'nope'],
    ]) {
      const result = sightline(...args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
    }
  });

  it('T4: never writes a token or document content to the logs', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
      vi.spyOn(console, method),
    );
    const secretContent = 'confidential-content-4711';
    const token = await server.token('acme', 'lead');
    const good = open('acme/registry', token);
    await waitFor(() => good.provider.synced, 'sync');
    good.doc.getMap('records').set('x', secretContent);
    await good.acknowledged();
    await open('acme/registry', token + 'tampered').outcome();
    await open('../bad name', token).outcome();
    await api('/api/tokens', { token: token + 'x' });
    const logged = spies.flatMap((spy) =>
      spy.mock.calls
        .flat()
        .map((value) => String(value instanceof Error ? value.stack : JSON.stringify(value))),
    );
    spies.forEach((spy) => spy.mockRestore());
    for (const line of logged) {
      expect(line).not.toContain(token.split('.')[2]!);
      expect(line).not.toContain(secretContent);
    }
  });
});

describe('enrolment and the admin API (E1–E3)', () => {
  it('E1: exchanges an enrolment code for a member token bound to a fresh reporter id', async () => {
    const code = await server.token('acme', 'member');
    const first = await api('/api/enrol', { method: 'POST', body: { token: code } });
    const second = await api('/api/enrol', { method: 'POST', body: { token: code } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      workspace: 'acme',
      reporterId: expect.stringMatching(/^[a-f0-9]{32}$/),
    });
    expect(second.body.reporterId).not.toBe(first.body.reporterId);

    const own = open(`acme/reports/${first.body.reporterId}`, first.body.token as string);
    expect(await own.outcome()).toEqual({ scope: 'read-write' });
    const others = open(`acme/reports/${second.body.reporterId}`, first.body.token as string);
    expect(await others.outcome()).toEqual({ refused: 'permission-denied' });
  });

  it('E1: refuses anything that is not an enrolment code', async () => {
    expect(
      (
        await api('/api/enrol', {
          method: 'POST',
          body: { token: await server.token('acme', 'lead') },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await api('/api/enrol', {
          method: 'POST',
          body: { token: await server.token('acme', 'member', 'r9') },
        })
      ).status,
    ).toBe(403);
    expect((await api('/api/enrol', { method: 'POST', body: { token: 'garbage' } })).status).toBe(
      401,
    );
    expect((await api('/api/enrol', { method: 'POST', body: '{not json' })).status).toBe(400);
    expect((await api('/api/enrol', { method: 'POST', body: 'x'.repeat(100_000) })).status).toBe(
      413,
    );
  });

  it('E2: lets admins and leads mint, list and revoke invitations in their own workspace', async () => {
    const lead = await server.token('acme', 'lead');
    const minted = await api('/api/tokens', {
      method: 'POST',
      token: lead,
      body: { role: 'contributor', ttl: '2d', label: 'Dana (legal)' },
    });
    expect(minted.status).toBe(201);
    expect(await open('acme/assessment/a1', minted.body.token as string).outcome()).toEqual({
      scope: 'read-write',
    });

    const listed = await api('/api/tokens', { token: lead });
    expect(listed.body.tokens).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: minted.body.id, role: 'contributor', label: 'Dana (legal)' }),
      ]),
    );
    expect(JSON.stringify(listed.body)).not.toContain(minted.body.token as string);

    expect(
      (
        await api(`/api/tokens/${minted.body.id}`, {
          method: 'DELETE',
          token: await server.token('other', 'admin'),
        })
      ).status,
    ).toBe(404);
    expect(
      (await api(`/api/tokens/${minted.body.id}`, { method: 'DELETE', token: lead })).status,
    ).toBe(200);
    expect(await open('acme/assessment/a1', minted.body.token as string).outcome()).toEqual({
      refused: 'permission-denied',
    });
  });

  it('E3: refuses the rest: no token, a contributor, a lead making an admin, bad roles and lifetimes', async () => {
    expect((await api('/api/tokens')).status).toBe(401);
    expect(
      (await api('/api/tokens', { token: await server.token('acme', 'contributor') })).status,
    ).toBe(403);
    const lead = await server.token('acme', 'lead');
    expect(
      (await api('/api/tokens', { method: 'POST', token: lead, body: { role: 'admin' } })).status,
    ).toBe(403);
    expect(
      (await api('/api/tokens', { method: 'POST', token: lead, body: { role: 'emperor' } })).status,
    ).toBe(400);
    expect(
      (
        await api('/api/tokens', {
          method: 'POST',
          token: lead,
          body: { role: 'member', ttl: '99y' },
        })
      ).status,
    ).toBe(400);
    expect((await api('/api/nothing-here')).status).toBe(404);
  });
});
