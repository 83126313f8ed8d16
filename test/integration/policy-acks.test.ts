import { afterEach, describe, expect, it } from 'vitest';
import { readPolicyAckCounts } from '../../shared/documents/discoveries/index.ts';
import { setSettings } from '../../shared/documents/policy/index.ts';
import { acknowledgePolicy, recordSightings } from '../../shared/documents/report/index.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/relay-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function open(
  relay: TestServer,
  name: string,
  role: 'lead' | 'member',
  reporterId?: string,
): Promise<TestClient> {
  const client = connectClient(relay.syncUrl, name, await relay.token('acme', role, reporterId));
  cleanups.push(() => client.destroy());
  await waitFor(() => client.provider.synced, `sync of ${name}`);
  return client;
}

async function relay(): Promise<TestServer> {
  const server = await startTestServer({});
  cleanups.push(async () => {
    await server.close();
    server.remove();
  });
  return server;
}

const visit = (at: number) => ({
  toolKey: 'openai-chatgpt',
  name: 'ChatGPT',
  category: 'chat-assistant' as const,
  host: 'chatgpt.com',
  signal: 'visit' as const,
  at,
});

describe('acknowledgements of the AI policy are counted per version (docs/sync.md ACK1–ACK3)', () => {
  it('counts the active extensions that acknowledged each version, with no ids when pseudonymous', async () => {
    const server = await relay();
    const now = Date.now();
    const r1 = await open(server, 'acme/reports/r1', 'member', 'r1');
    const r2 = await open(server, 'acme/reports/r2', 'member', 'r2');
    const lead = await open(server, 'acme/discoveries', 'lead');
    recordSightings(r1.doc, [visit(now)]);
    recordSightings(r2.doc, [visit(now)]);
    acknowledgePolicy(r1.doc, { versionId: 'v2', number: 2, at: now });
    await waitFor(() => readPolicyAckCounts(lead.doc).length === 1, 'the count', 10_000);
    await waitFor(() => readPolicyAckCounts(lead.doc)[0]?.active === 2, 'two active', 10_000);
    expect(readPolicyAckCounts(lead.doc)[0]).toMatchObject({
      versionId: 'v2',
      number: 2,
      acknowledged: 1,
      ofActive: 1,
      active: 2,
    });
    expect(readPolicyAckCounts(lead.doc)[0]).not.toHaveProperty('reporterIds');

    acknowledgePolicy(r2.doc, { versionId: 'v2', number: 2, at: now });
    await waitFor(
      () => readPolicyAckCounts(lead.doc)[0]?.acknowledged === 2,
      'the second acknowledgement',
      10_000,
    );
    expect(readPolicyAckCounts(lead.doc)[0]).toMatchObject({ ofActive: 2, active: 2 });
  });

  it('names the extensions only with attributed reporting (D4)', async () => {
    const server = await relay();
    const policy = await open(server, 'acme/policy', 'lead');
    setSettings(policy.doc, { attributedReporting: true });
    await policy.acknowledged();
    const r1 = await open(server, 'acme/reports/r1', 'member', 'r1');
    const lead = await open(server, 'acme/discoveries', 'lead');
    recordSightings(r1.doc, [visit(Date.now())]);
    acknowledgePolicy(r1.doc, { versionId: 'v1', number: 1, at: Date.now() });
    await waitFor(() => readPolicyAckCounts(lead.doc).length === 1, 'the count', 10_000);
    expect(readPolicyAckCounts(lead.doc)[0]?.reporterIds).toEqual(['r1']);
  });
});
