import { afterEach, describe, expect, it, vi } from 'vitest';
import { readDiscoveries } from '../../shared/documents/discoveries/index.ts';
import { setSettings } from '../../shared/documents/policy/index.ts';
import { addFlag, recordSightings, type Sighting } from '../../shared/documents/report/index.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/relay-client.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function server(dataDir?: string): Promise<TestServer> {
  const running = await startTestServer(dataDir ? { dataDir } : {});
  cleanups.push(async () => {
    await running.close();
    running.remove();
  });
  return running;
}

async function open(
  running: TestServer,
  name: string,
  role: 'lead' | 'member',
  reporterId?: string,
): Promise<TestClient> {
  const client = connectClient(
    running.syncUrl,
    name,
    await running.token('acme', role, reporterId),
  );
  cleanups.push(() => client.destroy());
  await waitFor(() => client.provider.synced, `sync of ${name}`);
  return client;
}

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 2, 9);
const sighting = (overrides: Partial<Sighting>): Sighting => ({
  toolKey: 'openai-chatgpt',
  name: 'ChatGPT',
  category: 'chat-assistant',
  host: 'chatgpt.com',
  signal: 'visit',
  at: T0,
  ...overrides,
});

describe('W/discoveries, derived by the relay from the reports (D1–D4)', () => {
  it('D1–D3: aggregates every reporter per tool, within seconds, without naming reporters', async () => {
    const relay = await server();
    const alice = await open(relay, 'acme/reports/r1', 'member', 'r1');
    const bob = await open(relay, 'acme/reports/r2', 'member', 'r2');
    const lead = await open(relay, 'acme/discoveries', 'lead');

    recordSightings(alice.doc, [
      sighting({ at: T0 }),
      sighting({
        toolKey: 'openai-api',
        name: 'OpenAI API',
        category: 'model-hosting-api',
        host: 'api.openai.com',
        signal: 'api-call',
        embeddedIn: 'support.example.com',
        at: T0 + DAY,
      }),
    ]);
    recordSightings(bob.doc, [sighting({ at: T0 + 3 * DAY })]);
    addFlag(bob.doc, {
      id: 'f1',
      toolKey: 'host:notes.example.ai',
      host: 'notes.example.ai',
      name: 'notes.example.ai',
      purpose: 'Meeting summaries',
      dataCategories: ['customer'],
      note: '',
      createdAt: T0 + 2 * DAY,
    });
    const started = Date.now();
    await Promise.all([alice.acknowledged(), bob.acknowledged()]);

    const tools = () =>
      new Map(readDiscoveries(lead.doc).tools.map((tool) => [tool.toolKey, tool]));
    await waitFor(
      () =>
        tools().get('openai-chatgpt')?.reporters === 2 &&
        tools().has('host:notes.example.ai') &&
        tools().has('openai-api'),
      'discoveries',
      10_000,
    );
    expect(Date.now() - started).toBeLessThan(10_000);

    const chatgpt = tools().get('openai-chatgpt')!;
    expect(chatgpt).toMatchObject({ name: 'ChatGPT', reporters: 2, signals: ['visit'] });
    expect(chatgpt.firstSeen).toBeLessThanOrEqual(T0);
    expect(chatgpt.lastSeen).toBeGreaterThanOrEqual(T0 + 3 * DAY - DAY);
    expect(tools().get('openai-api')).toMatchObject({
      reporters: 1,
      signals: ['api-call'],
      embeddedIn: ['support.example.com'],
    });
    expect(tools().get('host:notes.example.ai')).toMatchObject({
      reporters: 1,
      signals: ['flag'],
      purposes: ['Meeting summaries'],
      dataCategories: ['customer'],
    });
    // D4: aggregates only; no reporter ids unless the workspace asks for attribution.
    expect(JSON.stringify(lead.doc.toJSON())).not.toMatch(/"r1"|"r2"/);
    for (const tool of tools().values()) expect(tool.reporterIds).toBeUndefined();
  });

  it('D4: names reporters once the workspace turns attributed reporting on', async () => {
    const relay = await server();
    const policy = await open(relay, 'acme/policy', 'lead');
    setSettings(policy.doc, { attributedReporting: true });
    await policy.acknowledged();
    const alice = await open(relay, 'acme/reports/r1', 'member', 'r1');
    const lead = await open(relay, 'acme/discoveries', 'lead');
    recordSightings(alice.doc, [sighting({})]);
    await waitFor(
      () => readDiscoveries(lead.doc).tools[0]?.reporterIds?.[0] === 'r1',
      'attributed discovery',
      10_000,
    );
  });

  it('D2: survives a relay restart and keeps counting the same reporter once', async () => {
    const data = tempDir();
    cleanups.push(data.remove);
    const first = await server(data.path);
    const alice = await open(first, 'acme/reports/r1', 'member', 'r1');
    recordSightings(alice.doc, [sighting({})]);
    await alice.acknowledged();
    const lead = await open(first, 'acme/discoveries', 'lead');
    await waitFor(() => readDiscoveries(lead.doc).tools.length === 1, 'first derivation', 10_000);
    alice.destroy();
    lead.destroy();
    await first.close();

    const second = await server(data.path);
    const again = await open(second, 'acme/reports/r1', 'member', 'r1');
    recordSightings(again.doc, [sighting({ at: T0 + DAY })]);
    await again.acknowledged();
    const reader = await open(second, 'acme/discoveries', 'lead');
    await waitFor(
      () => (readDiscoveries(reader.doc).tools[0]?.lastSeen ?? 0) >= T0 + DAY - DAY,
      'derivation after restart',
      10_000,
    );
    expect(readDiscoveries(reader.doc).tools[0]?.reporters).toBe(1);
  });

  it('D6: a write of the discoveries that fails is tried again: an acknowledged report is never left out', async () => {
    const relay = await server();
    // The store fails the first two reads of a tool's rows (a locked or unreachable database).
    const store = relay.relayStorage.summaries as unknown as {
      rowsForTool(...args: unknown[]): Promise<unknown>;
    };
    const rowsForTool = store.rowsForTool;
    let failures = 2;
    store.rowsForTool = (...args) => {
      if (failures-- > 0) throw new Error('database is locked (the test)');
      return rowsForTool(...args);
    };
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((line: unknown) => {
      errors.push(String(line));
    });
    cleanups.push(() => spy.mockRestore());
    const alice = await open(relay, 'acme/reports/r1', 'member', 'r1');
    recordSightings(alice.doc, [sighting({})]);
    await alice.acknowledged();
    const lead = await open(relay, 'acme/discoveries', 'lead');
    await waitFor(
      () => readDiscoveries(lead.doc).tools.length === 1,
      'the tool in the discoveries after two failed writes',
      15_000,
    );
    expect(failures).toBeLessThan(0);
    expect(readDiscoveries(lead.doc).tools[0]).toMatchObject({
      toolKey: 'openai-chatgpt',
      reporters: 1,
    });
    expect(errors.filter((line) => line.includes('tried again'))).toHaveLength(2);
  });

  it('D6: a write lost with a relay that stopped is made when the report is next loaded', async () => {
    const data = tempDir();
    cleanups.push(data.remove);
    const first = await server(data.path);
    // Every write of the discoveries fails on the first relay: the summary is stored, the tool is not written.
    const store = first.relayStorage.summaries as unknown as {
      rowsForTool(...args: unknown[]): Promise<unknown>;
    };
    store.rowsForTool = () => {
      throw new Error('database is locked (the test)');
    };
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    cleanups.push(() => spy.mockRestore());
    const alice = await open(first, 'acme/reports/r1', 'member', 'r1');
    recordSightings(alice.doc, [sighting({})]);
    await alice.acknowledged();
    await waitFor(() => spy.mock.calls.length > 0, 'the failed write', 10_000);
    alice.destroy();
    await first.close();

    // The extension connects again (the same report, unchanged) to a relay on the same store.
    const second = await server(data.path);
    await open(second, 'acme/reports/r1', 'member', 'r1');
    const lead = await open(second, 'acme/discoveries', 'lead');
    await waitFor(
      () => readDiscoveries(lead.doc).tools.length === 1,
      'the tool written once the report was loaded again',
      10_000,
    );
    expect(readDiscoveries(lead.doc).tools[0]).toMatchObject({
      toolKey: 'openai-chatgpt',
      reporters: 1,
    });
  });

  it('D5: counts the extensions active in the last 7 and 30 days, never naming them', async () => {
    const relay = await server();
    const today = Math.floor(Date.now() / DAY) * DAY;
    const reporters = [
      ['r1', today],
      ['r2', today - 10 * DAY],
      ['r3', today - 40 * DAY],
    ] as const;
    for (const [id, at] of reporters) {
      const report = await open(relay, `acme/reports/${id}`, 'member', id);
      recordSightings(report.doc, [sighting({ at })]);
      await report.acknowledged();
    }
    const lead = await open(relay, 'acme/discoveries', 'lead');
    await waitFor(
      () => readDiscoveries(lead.doc).tools[0]?.reporters === 3,
      'every reporter derived',
      10_000,
    );
    await waitFor(
      () => readDiscoveries(lead.doc).activity?.reporters30d === 2,
      'activity counted',
      10_000,
    );
    const { activity } = readDiscoveries(lead.doc);
    expect(activity).toMatchObject({ reporters7d: 1, reporters30d: 2 });
    expect(activity!.computedAt).toBeGreaterThanOrEqual(today);
    expect(JSON.stringify(lead.doc.getMap('activity').toJSON())).not.toMatch(/r1|r2|r3/);
  });

  it('skips a hostile report’s malformed content and keeps serving everyone', async () => {
    const relay = await server();
    const mallory = await open(relay, 'acme/reports/r6', 'member', 'r6');
    const alice = await open(relay, 'acme/reports/r1', 'member', 'r1');
    const lead = await open(relay, 'acme/discoveries', 'lead');
    mallory.doc.getMap('tools').set('openai-chatgpt', 42 as never);
    mallory.doc.getMap('tools').set('x'.repeat(5000), 'junk' as never);
    mallory.doc.getMap('flags').set('f', [1, 2, 3] as never);
    await mallory.acknowledged();
    recordSightings(alice.doc, [sighting({})]);
    await waitFor(
      () => readDiscoveries(lead.doc).tools.some((tool) => tool.toolKey === 'openai-chatgpt'),
      'alice’s discovery',
      10_000,
    );
    expect(readDiscoveries(lead.doc).tools).toHaveLength(1);
    expect(readDiscoveries(lead.doc).tools[0]?.reporters).toBe(1);
  });
});
