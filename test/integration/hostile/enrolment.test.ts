import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectClient, waitFor, type TestClient } from '../../helpers/relay-client.ts';
import { useTestServer, type TestServer } from '../../helpers/test-server.ts';
import { api } from './attacker.ts';

/**
 * Finding 5 of issue 13: one company-wide enrolment code minted 5,005 reporters in 4.6 s from a
 * page on another origin, revoking the code left them working, and they were listed nowhere.
 */
const cli = join(import.meta.dirname, '..', '..', '..', 'server', 'cli.ts');
const clients: TestClient[] = [];
afterAll(() => clients.forEach((client) => client.destroy()));

async function code(server: TestServer, body: Record<string, unknown> = {}) {
  const admin = await server.token('acme', 'admin');
  const minted = await api(server.url, '/api/tokens', {
    method: 'POST',
    token: admin,
    body: { role: 'member', ttl: '30d', label: 'Chrome policy', ...body },
  });
  expect(minted.status).toBe(201);
  return { admin, code: minted.body.token as string, codeId: minted.body.id as string };
}

const enrol = (server: TestServer, token: string, headers: Record<string, string> = {}) =>
  api(server.url, '/api/enrol', { method: 'POST', body: { token }, headers });

// Nearly no refill during a test: the bursts alone decide, so the counts are exact.
const SLOW = 0.001;

describe('H1: enrolment is rate-limited per address', () => {
  const server = useTestServer({
    limits: { enrolmentIpBurst: 30, enrolmentsPerIpPerSecond: SLOW },
  });

  it('H1: refuses a burst from one address past its allowance, with 429 and Retry-After', async () => {
    const { code: token } = await code(server());
    const answers = await Promise.all(Array.from({ length: 80 }, () => enrol(server(), token)));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(30);
    const refused = answers.filter((a) => a.status === 429);
    expect(refused).toHaveLength(50);
    expect(refused[0]!.headers.get('retry-after')).toBe('60');
    // Guessing codes costs the same: garbage is counted before it is read.
    expect((await enrol(server(), 'a.b.c')).status).toBe(429);
  });
});

describe('H1: enrolment is rate-limited per code, and only extensions may enrol from a browser', () => {
  const server = useTestServer({
    limits: { enrolmentCodeBurst: 12, enrolmentsPerCodePerSecond: SLOW },
  });

  it('H1: refuses a burst on one code past its allowance; another code still enrols', async () => {
    const first = await code(server());
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => enrol(server(), first.code)),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(12);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(28);
    const second = await code(server());
    expect((await enrol(server(), second.code)).status).toBe(201);
  });

  it('H1: answers CORS for extension origins only, never for a web page elsewhere', async () => {
    const { code: token } = await code(server());
    const page = await enrol(server(), token, { Origin: 'https://evil.example' });
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(server().url + '/api/enrol', {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const extension = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const fromExtension = await enrol(server(), token, { Origin: extension });
    expect(fromExtension.status).toBe(201);
    expect(fromExtension.headers.get('access-control-allow-origin')).toBe(extension);
  });
});

describe('H2–H4: a code’s reporters are capped, listed under it and revoked with it', () => {
  const server = useTestServer();

  it('H3: a code with a cap enrols that many reporters and no more, even all at once', async () => {
    const { code: token } = await code(server(), { maxReporters: 5 });
    const answers = await Promise.all(Array.from({ length: 12 }, () => enrol(server(), token)));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(5);
    const refused = answers.filter((a) => a.status === 403);
    expect(refused).toHaveLength(7);
    expect(refused[0]!.body.error).toMatch(/most reporters it may \(5\)/);
    const bad = await api(server().url, '/api/tokens', {
      method: 'POST',
      token: await server().token('acme', 'admin'),
      body: { role: 'lead', ttl: '7d', maxReporters: 5 },
    });
    expect(bad.status).toBe(400);
  });

  it('H2, H4: lists each reporter under its code (count, last seen), and revoking the code can revoke them all', async () => {
    const { admin, code: token, codeId } = await code(server());
    const reporters: Record<string, unknown>[] = [];
    for (let i = 0; i < 4; i++) reporters.push((await enrol(server(), token)).body);
    // Two of them connect: their "last seen" is recorded.
    for (const reporter of reporters.slice(0, 2)) {
      const client = connectClient(
        server().syncUrl,
        `acme/reports/${reporter.reporterId as string}`,
        reporter.token as string,
      );
      clients.push(client);
      await waitFor(() => client.provider.synced, 'a reporter synced');
    }
    const listed = await api(server().url, '/api/tokens', { token: admin });
    const row = (listed.body.tokens as Record<string, unknown>[]).find((t) => t.id === codeId)!;
    expect(row.reporters).toMatchObject({ count: 4, active: 4 });
    expect((row.reporters as { lastSeenAt: number }).lastSeenAt).toBeGreaterThan(
      Date.now() - 60_000,
    );
    const detail = await api(server().url, `/api/tokens/${codeId}/reporters`, { token: admin });
    expect(detail.body).toMatchObject({ count: 4, active: 4 });
    expect((detail.body.reporters as { id: string }[]).map((r) => r.id).sort()).toEqual(
      reporters.map((r) => r.tokenId as string).sort(),
    );
    const seen = (detail.body.reporters as { lastSeenAt: number | null }[]).filter(
      (r) => r.lastSeenAt !== null,
    );
    expect(seen).toHaveLength(2);
    // The command line lists the same reporters under the same code.
    const list = spawnSync(
      process.execPath,
      [cli, 'token', 'list', '--workspace', 'acme', '--code', codeId, '--data', server().dataDir],
      { encoding: 'utf8' },
    );
    expect(list.status).toBe(0);
    for (const reporter of reporters) expect(list.stdout).toContain(reporter.tokenId as string);

    const revoked = await api(server().url, `/api/tokens/${codeId}?reporters=revoke`, {
      method: 'DELETE',
      token: admin,
    });
    expect(revoked.body).toEqual({ id: codeId, revoked: true, reportersRevoked: 4 });
    // H4: revoked reporters stop working: open connections close, new ones are refused.
    const open = (reporter: Record<string, unknown>) =>
      server()
        .hocuspocus.documents.get(`acme/reports/${reporter.reporterId as string}`)
        ?.getConnectionsCount() ?? 0;
    expect(open(reporters[0]!)).toBe(1);
    await waitFor(
      () => reporters.every((reporter) => open(reporter) === 0),
      'the revoked reporters’ connections to close',
      5_000,
    );
    const again = connectClient(
      server().syncUrl,
      `acme/reports/${reporters[3]!.reporterId as string}`,
      reporters[3]!.token as string,
    );
    clients.push(again);
    expect(await again.outcome()).toEqual({ refused: 'permission-denied' });
    expect((await enrol(server(), token)).status).toBe(401);
    const after = await api(server().url, `/api/tokens/${codeId}/reporters`, { token: admin });
    expect(after.body).toMatchObject({ count: 4, active: 0 });
  });

  it('H4: `sightline revoke --reporters` revokes a code’s reporters from the command line', async () => {
    const { code: token, codeId } = await code(server());
    for (let i = 0; i < 3; i++) expect((await enrol(server(), token)).status).toBe(201);
    const revoked = spawnSync(
      process.execPath,
      [cli, 'revoke', '--id', codeId, '--reporters', '--data', server().dataDir],
      { encoding: 'utf8' },
    );
    expect(revoked.status).toBe(0);
    expect(revoked.stdout).toContain(`revoked 3 reporters enrolled with ${codeId}`);
    expect(await server().tokenStore.enrolled(codeId)).toMatchObject({ count: 3, active: 0 });
  });
});
