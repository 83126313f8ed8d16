import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, waitFor, type TestClient } from '../helpers/relay-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

/** One metric's value from the Prometheus text format (the sum when it has several series). */
function value(text: string, name: string): number {
  const lines = text
    .split('\n')
    .filter((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  if (lines.length === 0) throw new Error(`no metric ${name}`);
  return lines.reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

describe('Prometheus metrics (docs/sync.md OPS1)', () => {
  let server: TestServer & { remove(): void };
  let client: TestClient;
  beforeAll(async () => {
    server = await startTestServer({ metricsPort: 0 });
  });
  afterAll(async () => {
    client?.destroy();
    await server.close();
    server.remove();
  });

  it('OPS1: counts connections, documents, updates applied and made durable, commit latency and storage health', async () => {
    client = connectClient(server.syncUrl, 'acme/registry', await server.token('acme', 'lead'));
    await waitFor(() => client.provider.synced, 'synced');
    for (let i = 0; i < 20; i++) client.doc.getMap('probe').set(`k${i}`, i);
    await client.acknowledged();
    const admin = await server.token('acme', 'admin');
    const response = await fetch(`${server.url}/metrics`, {
      headers: { Authorization: `Bearer ${admin}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(value(text, 'sightline_connections')).toBeGreaterThanOrEqual(1);
    expect(value(text, 'sightline_documents_loaded')).toBeGreaterThanOrEqual(1);
    expect(value(text, 'sightline_updates_applied_total')).toBeGreaterThanOrEqual(20);
    expect(value(text, 'sightline_updates_durable_total')).toBeGreaterThanOrEqual(20);
    expect(value(text, 'sightline_commit_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(value(text, 'sightline_storage_healthy')).toBe(1);
    expect(value(text, 'sightline_commit_failures_total')).toBe(0);
    expect(value(text, 'sightline_quota_refusals_total')).toBe(0);
    expect(text).toContain('sightline_webhook_deliveries_total');
    // No workspace, document or token appears in a label.
    expect(text).not.toMatch(/acme|registry/);
  });

  it('OPS1: only admins read them on the relay port; the metrics port answers without a token', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    const lead = await server.token('acme', 'lead');
    expect(
      (await fetch(`${server.url}/metrics`, { headers: { Authorization: `Bearer ${lead}` } }))
        .status,
    ).toBe(403);
    const scraped = await fetch(`http://127.0.0.1:${server.metricsPort}/metrics`);
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('sightline_updates_durable_total');
  });

  it('OPS1: refusals are counted by reason', async () => {
    const bogus = connectClient(server.syncUrl, 'acme/registry', 'not-a-token');
    await bogus.outcome();
    bogus.destroy();
    const text = await (await fetch(`http://127.0.0.1:${server.metricsPort}/metrics`)).text();
    expect(value(text, 'sightline_refusals_total')).toBeGreaterThanOrEqual(1);
  });
});
