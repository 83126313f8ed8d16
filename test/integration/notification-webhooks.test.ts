import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { saveIncident, saveRisk } from '../../shared/documents/registry/index.ts';
import { incidentFields } from '../../shared/incidents/fixture.test-support.ts';
import { fraudRiskFields } from '../../shared/notifications/fixture.test-support.ts';
import { runCli } from '../../server/cli/run-cli.ts';
import { databaseFile } from '../../server/storage/database.ts';
import { verifySignature } from '../../server/webhooks/payloads.ts';
import { startServerProcess } from '../e2e/harness/server-process.ts';
import { hasPostgres, warnIfNoPostgres } from '../helpers/postgres-server.ts';
import { connectClient, waitFor } from '../helpers/relay-client.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { postgresForBlock, relayTestKit } from '../helpers/relay-test-kit.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import type { ReceivedHook } from '../helpers/webhook-receiver.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Loopback receivers over http, a scan every 200 ms and the outbox looked at every 100 ms. */
const FAST = {
  network: { allowPrivate: true, allowHttp: true },
  backoffMs: [300, 300],
  pollMs: 100,
  scanIntervalMs: 200,
};

const { cleanups, relay, receiver } = relayTestKit({ webhooks: FAST });

async function addHook(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['webhook', 'add', '--workspace', 'acme', ...args], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  expect(err).toEqual([]);
  expect(code).toBe(0);
  return JSON.parse(out[0]!) as { id: string; secret: string; events: string[] };
}

/** A lead writes an incident (and optionally an open risk due today) into the registry. */
async function writeRegistry(server: TestServer, detectedAt: number, fields = {}, risk = false) {
  const lead = connectClient(server.syncUrl, 'acme/registry', await server.token('acme', 'lead'));
  cleanups.push(() => lead.destroy());
  await waitFor(() => lead.provider.synced, 'lead synced');
  saveIncident(lead.doc, 'inc-1', incidentFields({ detectedAt, ...fields }), 'Dana', detectedAt);
  if (risk)
    saveRisk(
      lead.doc,
      'risk-1',
      fraudRiskFields({ dueDate: Date.UTC(2027, 0, 1) }),
      'Dana',
      detectedAt,
    );
  await lead.acknowledged();
}

const ids = (received: ReceivedHook[]) =>
  received.map((hook) => JSON.parse(hook.body).id as string);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('clock.due and review.due from the relay’s scan (docs/sync.md HOOK10–HOOK12)', () => {
  it('HOOK12: running clocks and a due review reach a subscribed webhook once each, signed', async () => {
    const server = await relay();
    const hooks = await receiver();
    const hook = await addHook([
      '--data',
      server.dataDir,
      '--url',
      hooks.url,
      '--events',
      'clock.due,review.due',
    ]);
    expect(hook.events).toEqual(['clock.due', 'review.due']);
    const detectedAt = Date.now() - HOUR;
    // A serious incident with a personal-data breach: Art. 26(5) at once, GDPR 72 h, Art. 73(2) 15 days.
    await writeRegistry(server, detectedAt, { serious: ['a'], personalDataBreach: true }, true);
    await waitFor(() => hooks.received.length >= 4, 'three clocks and a risk delivered', 10_000);
    // Many more scans: nothing is sent twice.
    await pause(1_500);
    expect(ids(hooks.received).sort()).toEqual([
      `clock.due/acme/clock.due:incident:inc-1:ai-act-26-5:${detectedAt}`,
      `clock.due/acme/clock.due:incident:inc-1:ai-act-73-2:${detectedAt + 15 * DAY}`,
      `clock.due/acme/clock.due:incident:inc-1:gdpr-33-1:${detectedAt + 3 * DAY}`,
      `review.due/acme/review.due:risk:risk-1:${Date.UTC(2027, 0, 1)}`,
    ]);
    const gdpr = hooks.received.find((h) => h.body.includes('gdpr-33-1'))!;
    expect(JSON.parse(gdpr.body)).toMatchObject({
      event: 'clock.due',
      workspace: 'acme',
      summary: expect.stringContaining('inform the data-protection supervisory authority'),
      data: {
        notificationId: `clock.due:incident:inc-1:gdpr-33-1:${detectedAt + 3 * DAY}`,
        subject: { type: 'incident', id: 'inc-1', href: '#/incidents/inc-1' },
        dueAt: new Date(detectedAt + 3 * DAY).toISOString(),
      },
    });
    expect(gdpr.headers['x-sightline-event']).toBe('clock.due');
    const header = String(gdpr.headers['x-sightline-signature']);
    expect(verifySignature(hook.secret, gdpr.body, header, Math.floor(Date.now() / 1000))).toBe(
      true,
    );
  });

  it('HOOK12: a webhook subscribed to discoveries only gets none of them', async () => {
    const server = await relay();
    const hooks = await receiver();
    await addHook(['--data', server.dataDir, '--url', hooks.url]);
    await writeRegistry(server, Date.now() - HOUR, { personalDataBreach: true });
    await pause(1_000);
    expect(hooks.received).toEqual([]);
  });

  it('HOOK11: a delivery waiting for its retry survives kill -9 of its relay; the next relay sends it', async () => {
    const data = tempDir();
    cleanups.push(() => data.remove());
    const hooks = await receiver();
    const detectedAt = Date.now() - HOUR;
    {
      const before = await startTestServer({
        dataDir: data.path,
        webhooks: { ...FAST, scanIntervalMs: 0 },
      });
      await writeRegistry(before, detectedAt, { personalDataBreach: true });
      await addHook(['--data', data.path, '--url', hooks.url, '--events', 'clock.due']);
      await before.close();
    }
    // The receiver is down for the first attempt; the relay's next one is due 1 s later.
    hooks.failNext(1, 503);
    const doomed = await startServerProcess(data.path, [
      '--webhook-allow-private',
      '--alert-scan-interval',
      '1',
    ]);
    cleanups.push(() => doomed.stop('SIGKILL'));
    const db = new DatabaseSync(databaseFile(data.path), { readOnly: true });
    cleanups.push(() => db.close());
    const waiting = () =>
      db.prepare('SELECT attempt FROM webhook_outbox').all() as unknown as { attempt: number }[];
    await waitFor(() => waiting()[0]?.attempt === 2, 'the second attempt queued', 15_000);
    await doomed.stop('SIGKILL');
    expect(hooks.received).toHaveLength(1);

    // Another relay on the same store (no scan: only the outbox can send it).
    await relay({ dataDir: data.path, webhooks: { ...FAST, scanIntervalMs: 0 } });
    await waitFor(() => hooks.received.length === 2, 'the retry sent by the next relay', 10_000);
    const id = `clock.due/acme/clock.due:incident:inc-1:gdpr-33-1:${detectedAt + 3 * DAY}`;
    expect(ids(hooks.received)).toEqual([id, id]);
    expect(hooks.received.map((h) => h.headers['x-sightline-delivery'])).toEqual([id, id]);
    await waitFor(() => waiting().length === 0, 'the outbox empty once delivered');
  }, 60_000);
});

warnIfNoPostgres('NOTIFICATION WEBHOOKS ON SEVERAL RELAYS');
describe.skipIf(!hasPostgres())('several relays sharing one Postgres (HOOK10)', () => {
  const postgres = postgresForBlock();

  it('HOOK10: three relays scanning the same workspace send each clock once', async () => {
    const database = await postgres().createDatabase('notify');
    const relays = [];
    for (let i = 0; i < 3; i++) relays.push(await relay({ database }));
    const hooks = await receiver();
    // Through the relay's admin API, as `webhook add --database` cannot write (HOOK2).
    const admin = await relays[0]!.token('acme', 'admin');
    const response = await fetch(`${relays[0]!.url}/api/webhooks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url: hooks.url, events: ['clock.due'] }),
    });
    expect(response.status).toBeLessThan(300);
    const detectedAt = Date.now() - HOUR;
    await writeRegistry(relays[1]!, detectedAt, { serious: ['a'], personalDataBreach: true });
    await waitFor(() => hooks.received.length >= 3, 'three clocks delivered', 15_000);
    await pause(2_000);
    expect(ids(hooks.received).sort()).toEqual([
      `clock.due/acme/clock.due:incident:inc-1:ai-act-26-5:${detectedAt}`,
      `clock.due/acme/clock.due:incident:inc-1:ai-act-73-2:${detectedAt + 15 * DAY}`,
      `clock.due/acme/clock.due:incident:inc-1:gdpr-33-1:${detectedAt + 3 * DAY}`,
    ]);
  }, 90_000);
});
