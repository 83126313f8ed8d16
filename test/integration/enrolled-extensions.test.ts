import { afterEach, describe, expect, it } from 'vitest';
import { setClientStatus, setReportMeta } from '../../shared/documents/report/index.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/relay-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function api(
  server: TestServer,
  path: string,
  init: { method?: string; token?: string; body?: unknown } = {},
) {
  const response = await fetch(`${server.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'Content-Type': 'application/json',
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

interface Listed {
  reporterId: string;
  version: string | null;
  lastSeenAt: number | null;
  code: { id: string; label: string | null } | null;
  policyError: { message: string; at: number } | null;
}

describe('the enrolled extensions, by version and last contact (docs/sync.md EXT1–EXT3)', () => {
  it('lists each enrolled extension with the version its report gives, its last contact and a policy error', async () => {
    const server = await startTestServer({});
    cleanups.push(async () => {
      await server.close();
      server.remove();
    });
    const lead = await server.token('acme', 'lead');
    const code = (
      await api(server, '/api/tokens', {
        method: 'POST',
        token: lead,
        body: { role: 'member', ttl: '30d', label: 'Laptops (policy)' },
      })
    ).body;
    const enrolled = (
      await api(server, '/api/enrol', { method: 'POST', body: { token: code.token } })
    ).body as { reporterId: string; token: string };

    // Enrolled, never connected: listed with no version and no contact.
    const before = await api(server, '/api/extensions', { token: lead });
    expect(before.status).toBe(200);
    expect(before.body.extensions).toEqual([
      expect.objectContaining({
        reporterId: enrolled.reporterId,
        version: null,
        lastSeenAt: null,
        code: { id: code.id, label: 'Laptops (policy)' },
        policyError: null,
      }),
    ]);

    const report: TestClient = connectClient(
      server.syncUrl,
      `acme/reports/${enrolled.reporterId}`,
      enrolled.token,
    );
    cleanups.push(() => report.destroy());
    await waitFor(() => report.provider.synced, 'the report');
    const connectedAt = Date.now();
    setReportMeta(report.doc, {
      reporterId: enrolled.reporterId,
      extensionVersion: '1.4.0',
      catalogVersion: '2026.12',
    });
    setClientStatus(report.doc, {
      policyError: { message: 'the enrolment code has expired', at: connectedAt },
    });
    await report.acknowledged();

    let listed: Listed[] = [];
    for (let tries = 0; listed[0]?.version !== '1.4.0'; tries++) {
      if (tries > 100) throw new Error('timed out waiting for the version from the report');
      await new Promise((resolve) => setTimeout(resolve, 100));
      listed = (await api(server, '/api/extensions', { token: lead })).body.extensions as Listed[];
    }
    expect(listed[0]!.lastSeenAt).toBeGreaterThanOrEqual(connectedAt - 5_000);
    expect(listed[0]!.policyError).toEqual({
      message: 'the enrolment code has expired',
      at: connectedAt,
    });
    expect((await api(server, '/api/extensions', { token: lead })).body.versions).toEqual([
      { version: '1.4.0', count: 1 },
    ]);

    // EXT2: contact is written at most hourly — a reconnection soon after writes nothing.
    const again = connectClient(server.syncUrl, 'acme/policy', enrolled.token);
    cleanups.push(() => again.destroy());
    await waitFor(() => again.provider.synced, 'the second connection');
    const after = (await api(server, '/api/extensions', { token: lead })).body
      .extensions as Listed[];
    expect(after[0]!.lastSeenAt).toBe(listed[0]!.lastSeenAt);
  });

  it('answers admins and leads only', async () => {
    const server = await startTestServer({});
    cleanups.push(async () => {
      await server.close();
      server.remove();
    });
    const member = await server.token('acme', 'member', 'r1');
    const contributor = await server.token('acme', 'contributor');
    expect((await api(server, '/api/extensions', { token: member })).status).toBe(403);
    expect((await api(server, '/api/extensions', { token: contributor })).status).toBe(403);
    expect((await api(server, '/api/extensions')).status).toBe(401);
  });
});
