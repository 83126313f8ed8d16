import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readDiscoveries, readPolicyAckCounts } from '../../shared/documents/discoveries/index.ts';
import {
  acknowledgePolicy,
  recordSightings,
  setReportMeta,
  type Sighting,
} from '../../shared/documents/report/index.ts';
import { readObservations } from '../../shared/documents/monitoring/observations.ts';
import { savePlanMetric } from '../../shared/documents/monitoring/plan.ts';
import { createRecord } from '../../shared/documents/registry/records.ts';
import { readMonitoringAlerts } from '../../shared/documents/registry/monitoring-alerts.ts';
import { PostgresRelayStorage } from '../../server/storage/postgres/postgres-relay-storage.ts';
import { startServerProcess, type ServerProcess } from '../e2e/harness/server-process.ts';
import { AckWatermark } from '../helpers/ack-watermark.ts';
import { hasPostgres, warnIfNoPostgres } from '../helpers/postgres-server.ts';
import { hasRedis } from '../helpers/redis-server.ts';
import { relayFleetForBlock } from '../helpers/relay-fleet.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/relay-client.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import type { TestServer } from '../helpers/test-server.ts';

const cli = join(import.meta.dirname, '..', '..', 'server', 'cli.ts');
warnIfNoPostgres('SEVERAL-RELAYS TESTS');
if (!hasRedis() && process.env.REQUIRE_E2E === '1')
  throw new Error('REQUIRE_E2E=1 but no redis-server for the several-relays tests');

const T0 = Date.UTC(2026, 11, 1, 9);
const sighting = (toolKey: string, name: string, host: string): Sighting => ({
  toolKey,
  name,
  category: 'chat-assistant',
  host,
  signal: 'visit',
  at: T0,
});

/**
 * Several relays behind a load balancer (docs/sync.md PG5–PG8): relays on different ports,
 * standing in for hosts, each with its own empty data folder, sharing one Postgres and one Redis.
 */
describe.skipIf(!hasPostgres() || !hasRedis())('several relays on Postgres and Redis', () => {
  const fleet = relayFleetForBlock('fleet', 3);
  const { relays, clients } = fleet;
  const open = (relay: TestServer, document: string, token: string, doc?: Y.Doc) => {
    const client = connectClient(relay.syncUrl, document, token, doc);
    clients.push(client);
    return client;
  };

  it('PG5: relays serve the same documents, and a relay on a new host with an empty data folder serves them all', async () => {
    const [a, b] = relays;
    const token = await a!.token('acme', 'lead');
    const onA = open(a!, 'acme/registry', token);
    const onB = open(b!, 'acme/registry', token);
    await waitFor(() => onA.provider.synced && onB.provider.synced, 'both synced');
    for (let i = 0; i < 40; i++) {
      onA.doc.getMap('records').set(`a${i}`, i);
      onB.doc.getMap('records').set(`b${i}`, i);
    }
    await Promise.all([onA.acknowledged(), onB.acknowledged()]);
    await waitFor(
      () => onA.doc.getMap('records').size === 80 && onB.doc.getMap('records').size === 80,
      'both relays’ clients to see all 80 edits',
      10_000,
    );
    // A host that has never served anything: its data folder is empty, its documents come from Postgres.
    const fresh = await fleet.addRelay();
    const onFresh = open(fresh, 'acme/registry', token);
    await waitFor(() => onFresh.provider.synced, 'the new relay’s client synced');
    expect(onFresh.doc.getMap('records').toJSON()).toEqual(onA.doc.getMap('records').toJSON());
  });

  it('PG6: a token minted on one relay or by `sightline token --database` works on all; revocation through one reaches all', async () => {
    const [a, b, c] = relays;
    const minted = await a!.tokens.mint({ workspace: 'acme', role: 'contributor', ttlMs: 600_000 });
    const fromCli = spawnSync(
      process.execPath,
      [
        cli,
        'token',
        '--database',
        fleet.database,
        '--workspace',
        'acme',
        '--role',
        'lead',
        '--ttl',
        '1h',
      ],
      { encoding: 'utf8' },
    );
    expect(fromCli.status, fromCli.stderr).toBe(0);
    for (const relay of [a!, b!, c!]) {
      expect(await open(relay, 'acme/assessment/pg6', minted.token).outcome()).toEqual({
        scope: 'read-write',
      });
      expect(await open(relay, 'acme/registry', fromCli.stdout.trim()).outcome()).toEqual({
        scope: 'read-write',
      });
    }
    // Revoked through c's API by an admin: a's and b's clients are cut off within seconds.
    const admin = await b!.token('acme', 'admin');
    const revoked = await fetch(`${c!.url}/api/tokens/${minted.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${admin}` },
    });
    expect(revoked.status).toBe(200);
    const connected = (relay: TestServer) =>
      relay.hocuspocus.documents.get('acme/assessment/pg6')?.getConnectionsCount() ?? 0;
    await waitFor(
      () => [a!, b!, c!].every((relay) => connected(relay) === 0),
      'revocation everywhere',
      5_000,
    );
    expect(await open(a!, 'acme/assessment/pg6', minted.token).outcome()).toEqual({
      refused: 'permission-denied',
    });
  });

  it('ACK1, EXT1 on Postgres: acknowledgements reported to different relays are counted together, and any relay lists every extension', async () => {
    const [a, b, c] = relays;
    const lead = await a!.token('acks', 'lead');
    const post = async (relay: TestServer, path: string, body: unknown, token?: string) => {
      const response = await fetch(`${relay.url}${path}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
      return (await response.json()) as Record<string, string>;
    };
    const code = await post(a!, '/api/tokens', { role: 'member', ttl: '30d' }, lead);
    const now = Date.now();
    const reporters = [];
    for (const [relay, version] of [
      [a!, '1.4.0'],
      [b!, '1.5.0'],
    ] as const) {
      const enrolled = await post(relay, '/api/enrol', { token: code.token });
      const report = open(relay, `acks/reports/${enrolled.reporterId}`, enrolled.token!);
      await waitFor(() => report.provider.synced, 'the report synced');
      setReportMeta(report.doc, {
        reporterId: enrolled.reporterId!,
        extensionVersion: version,
        catalogVersion: '2026.12',
      });
      recordSightings(report.doc, [
        { ...sighting('openai-chatgpt', 'ChatGPT', 'chatgpt.com'), at: now },
      ]);
      acknowledgePolicy(report.doc, { versionId: 'v3', number: 3, at: now });
      reporters.push(report);
    }
    await Promise.all(reporters.map((report) => report.acknowledged()));
    const watching = open(c!, 'acks/discoveries', lead);
    await waitFor(
      () => {
        const count = readPolicyAckCounts(watching.doc)[0];
        return count?.acknowledged === 2 && count.active === 2 && count.ofActive === 2;
      },
      () => `both acknowledgements counted: ${JSON.stringify(readPolicyAckCounts(watching.doc))}`,
      15_000,
    );
    const listed = await fetch(`${c!.url}/api/extensions`, {
      headers: { Authorization: `Bearer ${lead}` },
    });
    expect(listed.status).toBe(200);
    const body = (await listed.json()) as { versions: { version: string; count: number }[] };
    expect(body.versions).toEqual([
      { version: '1.4.0', count: 1 },
      { version: '1.5.0', count: 1 },
    ]);
  });

  it('MON3, OPS1 on Postgres: a pipeline’s observations are in Postgres before the 200 and raise their alert; commits are timed', async () => {
    const [a, b] = relays;
    const direct = async (relay: TestServer, name: string, change: (doc: Y.Doc) => void) => {
      const connection = await relay.hocuspocus.openDirectConnection(name, { relay: true });
      await connection.transact(change);
      await connection.disconnect();
    };
    await direct(a!, 'obs/registry', (doc) =>
      createRecord(doc, 'credit', { name: 'Credit scoring' }, 'Lead', T0),
    );
    await direct(a!, 'obs/monitoring/credit', (doc) =>
      savePlanMetric(
        doc,
        {
          name: 'accuracy',
          kind: 'accuracy',
          direction: 'at-least',
          threshold: 0.9,
          subgroups: [],
          onBreach: 'alert',
        },
        'Lead',
        T0,
      ),
    );
    const posted = await fetch(`${a!.url}/api/records/credit/observations`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${await a!.token('obs', 'pipeline')}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ metric: 'accuracy', value: 0.7, at: '2026-11-02T09:00:00Z' }),
    });
    expect(posted.status).toBe(200);
    expect(((await posted.json()) as { alerts: unknown[] }).alerts).toHaveLength(1);
    // Durable before the 200: Postgres holds the batch and the alert (MON3, DR1).
    const storage = await PostgresRelayStorage.connect(fleet.database, { max: 1 });
    const stored = async (name: string) => {
      const doc = new Y.Doc();
      for (const update of await storage.documents('check').load(name)) Y.applyUpdate(doc, update);
      return doc;
    };
    try {
      expect(readObservations(await stored('obs/monitoring/credit')).observations).toHaveLength(1);
      expect(readMonitoringAlerts(await stored('obs/registry')).alerts).toHaveLength(1);
    } finally {
      await storage.close();
    }
    // Another relay's lead sees the alert.
    const lead = open(b!, 'obs/registry', await b!.token('obs', 'lead'));
    await waitFor(() => lead.provider.synced, 'the lead synced');
    expect(readMonitoringAlerts(lead.doc).alerts).toHaveLength(1);
    // OPS1: the relay timed its commits to Postgres.
    const metrics = await fetch(`${a!.url}/metrics`, {
      headers: { Authorization: `Bearer ${await a!.token('obs', 'admin')}` },
    });
    const text = await metrics.text();
    const count = (name: string) => Number(new RegExp(`^${name} (\\d+)`, 'm').exec(text)?.[1]);
    expect(count('sightline_commit_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(count('sightline_updates_durable_total')).toBeGreaterThanOrEqual(1);
    expect(count('sightline_commit_failures_total')).toBe(0);
  });

  it('the command line takes --database: token list, export, inventory import, history, webhook list; webhook add and backup point elsewhere', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
    const minted = run(
      'token',
      '--database',
      fleet.database,
      '--workspace',
      'cli',
      '--role',
      'lead',
      '--label',
      'from the cli',
    );
    expect(minted.status, minted.stderr).toBe(0);
    const listed = run('token', 'list', '--database', fleet.database, '--workspace', 'cli');
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/\tcli\tlead\tfrom the cli\t/);
    const out = tempDir();
    try {
      const csv = join(out.path, 'hosts.csv');
      writeFileSync(csv, 'name,vendor\nChatGPT,OpenAI\n');
      const imported = run(
        'inventory',
        'import',
        csv,
        '--database',
        fleet.database,
        '--workspace',
        'cli',
      );
      expect(imported.status, imported.stderr).toBe(0);
      expect(JSON.parse(imported.stdout)).toMatchObject({ created: 1 });
      const exported = run(
        'export',
        '--database',
        fleet.database,
        '--workspace',
        'cli',
        '--what',
        'register',
        '--format',
        'csv',
        '--out',
        out.path,
      );
      expect(exported.status, exported.stderr).toBe(0);
      expect(
        readdirSync(out.path).some((file) => file.endsWith('.csv') && file !== 'hosts.csv'),
      ).toBe(true);
      const history = run('history', '--database', fleet.database, '--document', 'cli/registry');
      expect(history.status, history.stderr).toBe(0);
      // Webhooks: listed from the store; changed only through a relay (HOOK2), refused here.
      const hooks = run('webhook', 'list', '--database', fleet.database, '--workspace', 'cli');
      expect(hooks.status, hooks.stderr).toBe(0);
      expect(hooks.stderr).toMatch(/no webhooks in cli/);
      const hook = run(
        'webhook',
        'add',
        '--database',
        fleet.database,
        '--workspace',
        'cli',
        '--url',
        'https://hooks.example.com/sightline',
      );
      expect(hook.status).not.toBe(0);
      expect(hook.stderr).toMatch(/through a running relay/);
      const backup = run('backup', '--database', fleet.database, '--out', join(out.path, 'b'));
      expect(backup.status).not.toBe(0);
      expect(backup.stderr).toMatch(/pg_dump/);
    } finally {
      out.remove();
    }
  }, 90_000);

  it('PG7: the discoveries count every reporter once, with reports arriving at different relays', async () => {
    const reporters = Array.from({ length: 30 }, (_, i) => `fleet${i}`);
    const writers = await Promise.all(
      reporters.map(async (id, i) => {
        const relay = relays[i % 3]!;
        return open(relay, `acme/reports/${id}`, await relay.token('acme', 'member', id));
      }),
    );
    await waitFor(() => writers.every((w) => w.provider.synced), 'reporters synced');
    const leads = await Promise.all(
      [relays[0]!, relays[2]!].map(async (relay) =>
        open(relay, 'acme/discoveries', await relay.token('acme', 'lead')),
      ),
    );
    // All at once: every relay derives from its own reports into one shared document.
    writers.forEach((writer, i) => {
      const tools = [sighting('openai-chatgpt', 'ChatGPT', 'chatgpt.com')];
      if (i % 2 === 0) tools.push(sighting('anthropic-claude', 'Claude', 'claude.ai'));
      recordSightings(writer.doc, tools);
    });
    await Promise.all(writers.map((writer) => writer.acknowledged()));
    const counts = (lead: TestClient) =>
      Object.fromEntries(readDiscoveries(lead.doc).tools.map((t) => [t.toolKey, t.reporters]));
    const expected = { 'openai-chatgpt': 30, 'anthropic-claude': 15 };
    await waitFor(
      () =>
        leads.every(
          (lead) =>
            JSON.stringify(counts(lead)) === JSON.stringify(counts(leads[0]!)) &&
            counts(lead)['openai-chatgpt'] === 30 &&
            counts(lead)['anthropic-claude'] === 15,
        ),
      'both leads to see 30 and 15 reporters',
      15_000,
    );
    // And it stays so once every relay's second look (PG3) has run.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    for (const lead of leads) expect(counts(lead)).toMatchObject(expected);
  });

  it('PG8: kill -9 a relay, and its client carries on through another with nothing acknowledged lost', async () => {
    const data = tempDir();
    let doomed: ServerProcess | undefined = await startServerProcess(data.path, [
      '--database',
      fleet.database,
      '--redis',
      fleet.redis.url,
    ]);
    try {
      const document = 'acme/assessment/pg8';
      const token = await relays[0]!.token('acme', 'lead');
      const writer = connectClient(doomed.syncUrl, document, token);
      const watermark = new AckWatermark(writer);
      await waitFor(() => writer.provider.synced, 'writer synced to the doomed relay');
      const edit = (i: number) => writer.doc.getMap('records').set(`edit-${i}`, i);
      await watermark.edit(60, edit);
      await writer.acknowledged();
      // More edits, and the relay dies in the middle of acknowledging them.
      for (let i = 0; i < 40; i++) {
        edit(watermark.made);
        watermark.made++;
        if (i === 20) await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await doomed.stop('SIGKILL');
      doomed = undefined;
      const acknowledged = watermark.acknowledged;
      expect(acknowledged).toBeGreaterThanOrEqual(60);
      writer.destroy();
      const keys = (n: number) => Array.from({ length: n }, (_, i) => `edit-${i}`);

      // Every acknowledged edit is in Postgres, before any client sends anything again.
      const storage = await PostgresRelayStorage.connect(fleet.database, { max: 1 });
      const stored = new Y.Doc();
      for (const update of await storage.documents('check').load(document))
        Y.applyUpdate(stored, update);
      await storage.close();
      const held = stored.getMap('records');
      expect(keys(acknowledged).filter((key) => !held.has(key))).toEqual([]);

      // The load balancer sends the client to another relay: its edits all arrive there.
      const moved = open(relays[1]!, document, token, writer.doc);
      await waitFor(() => moved.provider.synced, 'the client synced through another relay');
      moved.doc.getMap('records').set('after-failover', true);
      await moved.acknowledged();
      const reader = open(relays[2]!, document, token);
      await waitFor(
        () => reader.provider.synced && reader.doc.getMap('records').size === watermark.made + 1,
        'every edit, and the one after failover, at a third relay',
        10_000,
      );
      expect(keys(watermark.made).filter((key) => !reader.doc.getMap('records').has(key))).toEqual(
        [],
      );
    } finally {
      await doomed?.stop('SIGKILL');
      data.remove();
    }
  }, 60_000);
});
