import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PostgresRelayStorage } from '../../server/storage/postgres/postgres-relay-storage.ts';
import { AckWatermark } from '../helpers/ack-watermark.ts';
import { hasPostgres, warnIfNoPostgres } from '../helpers/postgres-server.ts';
import { hasRedis } from '../helpers/redis-server.ts';
import { relayFleetForBlock } from '../helpers/relay-fleet.ts';
import { connectClient, waitFor } from '../helpers/relay-client.ts';
import type { TestServer } from '../helpers/test-server.ts';

warnIfNoPostgres('POSTGRES-OUTAGE TEST');

/**
 * PG9 (docs/sync.md): two relays on one Postgres and one Redis while Postgres stops and comes
 * back. Nothing is acknowledged that is not committed; the relays say they are unhealthy (health
 * and metrics) and keep running; when Postgres returns they recover without a restart, and what
 * the clients kept lands.
 */
describe.skipIf(!hasPostgres() || !hasRedis())('a Postgres outage under running relays', () => {
  const fleet = relayFleetForBlock('outage', 2, {
    storageProbeIntervalMs: 200,
    storageWatchMs: 300,
    metricsPort: 0,
  });
  const { relays, clients } = fleet;

  const health = async (relay: TestServer) => (await fetch(`${relay.url}/api/health`)).status;
  const healthyGauge = async (relay: TestServer) => {
    const text = await (await fetch(`http://127.0.0.1:${relay.metricsPort}/metrics`)).text();
    return Number(/^sightline_storage_healthy (\d)/m.exec(text)?.[1]);
  };

  it(
    'PG9: an edit during the outage is not acknowledged; the relays report unhealthy, recover by themselves, and every edit lands',
    { timeout: 120_000 },
    async () => {
      const [first, second] = [relays[0]!, relays[1]!];
      const document = 'acme/assessment/outage';
      const token = await first.token('acme', 'lead');
      const writer = connectClient(first.syncUrl, document, token, new Y.Doc(), {
        reconnect: true,
      });
      clients.push(writer);
      const watermark = new AckWatermark(writer);
      await waitFor(() => writer.provider.synced, 'the writer synced');
      const edit = (i: number) => writer.doc.getMap('records').set(`edit-${i}`, i);
      await watermark.edit(20, edit);
      await writer.acknowledged();
      expect(watermark.acknowledged).toBe(20);

      await fleet.postgres.pause();
      // Edits while Postgres is down: the relay cannot commit them, so it must not acknowledge them.
      for (let i = 0; i < 5; i++) {
        edit(watermark.made);
        watermark.made++;
      }
      await expect.poll(() => health(first), { timeout: 15_000 }).toBe(503);
      expect(await healthyGauge(first)).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(writer.provider.hasUnsyncedChanges).toBe(true);
      expect(watermark.acknowledged).toBe(20);
      // The other relay, with nothing to write, finds the outage by its own probe; both still run.
      await expect.poll(() => health(second), { timeout: 15_000 }).toBe(503);
      expect(await healthyGauge(second)).toBe(0);

      await fleet.postgres.resume();
      // Recovered without a restart: the probe writes again, and the kept edits land.
      await expect.poll(() => health(first), { timeout: 30_000 }).toBe(200);
      await expect.poll(() => health(second), { timeout: 30_000 }).toBe(200);
      expect(await healthyGauge(first)).toBe(1);
      await writer.acknowledged();
      expect(watermark.acknowledged).toBe(25);

      // Everything is committed in Postgres...
      const storage = await PostgresRelayStorage.connect(fleet.database, { max: 1 });
      const stored = new Y.Doc();
      for (const update of await storage.documents('check').load(document))
        Y.applyUpdate(stored, update);
      await storage.close();
      const keys = Array.from({ length: 25 }, (_, i) => `edit-${i}`);
      expect(keys.filter((key) => !stored.getMap('records').has(key))).toEqual([]);
      // ...and served by the other relay.
      const reader = connectClient(second.syncUrl, document, token);
      clients.push(reader);
      await waitFor(
        () => reader.provider.synced && reader.doc.getMap('records').size === 25,
        'every edit at the other relay',
        15_000,
      );
    },
  );
});
