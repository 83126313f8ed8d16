import { describe, expect, it } from 'vitest';
import { recordSightings, type Sighting } from '../../shared/documents/report/index.ts';
import { runCli } from '../../server/cli/run-cli.ts';
import { verifySignature } from '../../server/webhooks/payloads.ts';
import { createWebhooksApi } from '../../pwa/src/webhooks/webhooks-api.ts';
import { connectClient, waitFor } from '../helpers/relay-client.ts';
import { hasRedis, startRedis } from '../helpers/redis-server.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { relayTestKit } from '../helpers/relay-test-kit.ts';
import type { TestServer } from '../helpers/test-server.ts';
import type { ReceivedHook } from '../helpers/webhook-receiver.ts';

/** Tests deliver to a loopback receiver over http: the relay is told so explicitly (HOOK7). */
const LOCAL = { network: { allowPrivate: true, allowHttp: true }, backoffMs: [100, 200, 400] };

const { cleanups, relay, receiver } = relayTestKit({ webhooks: LOCAL });

async function cli(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

async function addHook(dataDir: string, url: string, extra: string[] = []) {
  const result = await cli([
    'webhook',
    'add',
    '--data',
    dataDir,
    '--workspace',
    'acme',
    '--url',
    url,
    ...extra,
  ]);
  expect(result.err).toEqual([]);
  expect(result.code).toBe(0);
  return JSON.parse(result.out[0]!) as { id: string; secret: string; events: string[] };
}

const T0 = Date.UTC(2026, 10, 2, 9);
const sighting = (toolKey: string, name: string): Sighting => ({
  toolKey,
  name,
  category: 'chat-assistant',
  host: 'chatgpt.com',
  signal: 'visit',
  at: T0,
});

async function report(server: TestServer, reporterId: string, sightings: Sighting[]) {
  const client = connectClient(
    server.syncUrl,
    `acme/reports/${reporterId}`,
    await server.token('acme', 'member', reporterId),
  );
  cleanups.push(() => client.destroy());
  await waitFor(() => client.provider.synced, 'report synced');
  recordSightings(client.doc, sightings);
  await client.acknowledged();
}

const bodies = (received: ReceivedHook[]) =>
  received.map(
    (hook) => JSON.parse(hook.body) as { id: string; event: string; data: { toolKey: string } },
  );

describe('webhooks (docs/sync.md HOOK1–HOOK9)', () => {
  it('HOOK2 HOOK3 HOOK5: a webhook added by the CLI on a running relay receives discovery.new, signed', async () => {
    const server = await relay();
    const hooks = await receiver();
    const hook = await addHook(server.dataDir, hooks.url);
    expect(hook.events).toEqual(['discovery.new', 'discovery.spike']);

    await report(server, 'r1', [sighting('openai-chatgpt', 'ChatGPT')]);
    await waitFor(() => hooks.received.length === 1, 'discovery.new delivered', 10_000);
    const [delivered] = hooks.received;
    const body = JSON.parse(delivered!.body) as Record<string, unknown>;
    expect(body).toMatchObject({
      id: 'discovery.new/acme/openai-chatgpt',
      event: 'discovery.new',
      workspace: 'acme',
      data: { toolKey: 'openai-chatgpt', reporters: 1 },
    });
    expect(delivered!.headers['x-sightline-event']).toBe('discovery.new');
    expect(delivered!.headers['x-sightline-delivery']).toBe('discovery.new/acme/openai-chatgpt');
    const header = String(delivered!.headers['x-sightline-signature']);
    const now = Math.floor(Date.now() / 1000);
    expect(verifySignature(hook.secret, delivered!.body, header, now)).toBe(true);
    // Any change to the body, another secret, or a stale time fails verification (replay).
    expect(verifySignature(hook.secret, delivered!.body.replace('acme', 'acmf'), header, now)).toBe(
      false,
    );
    expect(verifySignature('00'.repeat(32), delivered!.body, header, now)).toBe(false);
    expect(verifySignature(hook.secret, delivered!.body, header, now + 600)).toBe(false);

    // The same tool seen again, by another reporter, is not new: nothing more is sent.
    await report(server, 'r2', [sighting('openai-chatgpt', 'ChatGPT')]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(hooks.received).toHaveLength(1);
  });

  it('HOOK6: a failing receiver is retried with backoff, and every attempt is in the delivery log', async () => {
    const server = await relay();
    const hooks = await receiver();
    const hook = await addHook(server.dataDir, hooks.url, ['--format', 'json']);
    hooks.failNext(2, 503);
    await report(server, 'r1', [sighting('anthropic-claude', 'Claude')]);
    await waitFor(() => hooks.received.length === 3, 'three attempts', 10_000);
    const ids = bodies(hooks.received).map((b) => b.id);
    expect(new Set(ids).size).toBe(1);

    const admin = await server.token('acme', 'admin');
    // The log is written after each attempt: poll until the third attempt is in it.
    const log = async () => {
      const response = await fetch(`${server.url}/api/webhooks`, {
        headers: { Authorization: `Bearer ${admin}` },
      });
      const list = (await response.json()) as {
        webhooks: {
          id: string;
          deliveries: { attempt: number; status: number; ok: boolean; eventId: string }[];
        }[];
      };
      expect(list.webhooks[0]).not.toHaveProperty('secret');
      return list.webhooks.find((w) => w.id === hook.id)?.deliveries ?? [];
    };
    let deliveries = await log();
    for (let i = 0; i < 50 && deliveries.length < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      deliveries = await log();
    }
    expect(deliveries.map((d) => [d.attempt, d.status, d.ok])).toEqual([
      [1, 503, false],
      [2, 503, false],
      [3, 204, true],
    ]);
    expect(new Set(deliveries.map((d) => d.eventId))).toEqual(new Set(ids));
    // Others may not see the log or the webhooks (HOOK1).
    const lead = await server.token('acme', 'lead');
    const refused = await fetch(`${server.url}/api/webhooks`, {
      headers: { Authorization: `Bearer ${lead}` },
    });
    expect(refused.status).toBe(403);
  });

  it('HOOK2: removing a webhook on a running relay stops deliveries at once; list shows what is left', async () => {
    const server = await relay();
    const kept = await receiver();
    const gone = await receiver();
    const keptHook = await addHook(server.dataDir, kept.url);
    const goneHook = await addHook(server.dataDir, gone.url);
    const removed = await cli([
      'webhook',
      'remove',
      '--data',
      server.dataDir,
      '--workspace',
      'acme',
      '--id',
      goneHook.id,
    ]);
    expect(removed.code).toBe(0);
    await report(server, 'r1', [sighting('openai-chatgpt', 'ChatGPT')]);
    await waitFor(() => kept.received.length === 1, 'delivered to the kept webhook', 10_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(gone.received).toHaveLength(0);
    const list = await cli(['webhook', 'list', '--data', server.dataDir, '--workspace', 'acme']);
    expect(list.out).toHaveLength(1);
    expect(list.out[0]).toContain(keptHook.id);
    expect(list.out[0]).not.toContain(keptHook.secret);
  });

  it('HOOK2: the PWA adds, tests, lists and removes a webhook through the relay it came from', async () => {
    const server = await relay();
    const hooks = await receiver();
    const api = createWebhooksApi(await server.token('acme', 'admin'), fetch, server.url);
    const added = await api.add({ url: hooks.url, events: ['discovery.new'], format: 'slack' });
    if (!added.ok) throw new Error(added.error);
    const tested = await api.test(added.value.id);
    expect(tested).toMatchObject({
      ok: true,
      value: { event: 'webhook.test', status: 204, ok: true },
    });
    expect(JSON.parse(hooks.received[0]!.body)).toEqual({
      text: expect.stringMatching(/^Sightline \(acme\): A test of this webhook/) as unknown,
    });
    const signed = String(hooks.received[0]!.headers['x-sightline-signature']);
    expect(
      verifySignature(
        added.value.secret,
        hooks.received[0]!.body,
        signed,
        Math.floor(Date.now() / 1000),
      ),
    ).toBe(true);
    const listed = await api.list();
    expect(
      listed.ok && listed.value.map((w) => [w.id, w.format, w.events, w.deliveries.length]),
    ).toEqual([[added.value.id, 'slack', ['discovery.new'], 1]]);
    expect(await api.remove(added.value.id)).toEqual({ ok: true, value: true });
    const after = await api.list();
    expect(after.ok && after.value).toEqual([]);
  });

  it('HOOK7: the relay refuses http and private addresses unless started with the opt-in', async () => {
    const server = await relay({ webhooks: {} });
    const admin = await server.token('acme', 'admin');
    const add = (url: string) =>
      fetch(`${server.url}/api/webhooks`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ url }),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as { error?: string } }));
    for (const url of [
      'http://127.0.0.1:9/hook',
      'https://127.0.0.1/hook',
      'https://10.1.2.3/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/hook',
      'https://[::ffff:192.168.1.1]/hook',
      'https://localhost/hook',
      'ftp://example.com/hook',
      'https://user:pw@example.com/hook',
    ]) {
      const answer = await add(url);
      expect(answer.status, url).toBe(400);
      expect(answer.body.error, url).toBeTruthy();
    }
    const offline = await cli([
      'webhook',
      'add',
      '--data',
      tempDir().path,
      '--workspace',
      'acme',
      '--url',
      'https://example.com/x',
      '--events',
      'nope',
    ]);
    expect(offline.code).toBe(2);
    expect(offline.err[0]).toContain('unknown event "nope"');
  });

  it.skipIf(!hasRedis())('HOOK8: two relays sharing Redis send each event once', async () => {
    const redis = await startRedis();
    cleanups.push(() => redis.stop());
    const data = tempDir();
    cleanups.push(() => data.remove());
    const a = await relay({ dataDir: data.path, redisUrl: redis.url });
    const b = await relay({ dataDir: data.path, redisUrl: redis.url });
    const hooks = await receiver();
    await addHook(data.path, hooks.url);
    // Both relays hold the discoveries: a lead watches through each.
    for (const server of [a, b]) {
      const lead = connectClient(
        server.syncUrl,
        'acme/discoveries',
        await server.token('acme', 'lead'),
      );
      cleanups.push(() => lead.destroy());
      await waitFor(() => lead.provider.synced, 'lead synced');
    }
    // Reporters on both relays see new tools, some the same.
    await report(a, 'r1', [
      sighting('openai-chatgpt', 'ChatGPT'),
      sighting('anthropic-claude', 'Claude'),
    ]);
    await report(b, 'r2', [
      sighting('openai-chatgpt', 'ChatGPT'),
      sighting('perplexity', 'Perplexity'),
    ]);
    await waitFor(() => hooks.received.length >= 3, 'three new tools delivered', 10_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const ids = bodies(hooks.received)
      .map((body) => body.id)
      .sort();
    expect(ids).toEqual([
      'discovery.new/acme/anthropic-claude',
      'discovery.new/acme/openai-chatgpt',
      'discovery.new/acme/perplexity',
    ]);
  });
});
