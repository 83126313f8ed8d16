import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, waitFor, type TestClient } from '../helpers/relay-client.ts';
import { hasRedis, REDIS_BINARY, startRedis } from '../helpers/redis-server.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

if (!hasRedis()) {
  if (process.env.REQUIRE_E2E === '1')
    throw new Error(`REQUIRE_E2E=1 but no redis-server at ${REDIS_BINARY}`);
  console.warn(
    `\n!!!!! SCALE-OUT TESTS SKIPPED: no redis-server at ${REDIS_BINARY} (apt-get install redis-server) !!!!!\n`,
  );
}

describe.skipIf(!hasRedis())('scale-out with Redis (docs/sync.md R1)', () => {
  const data = tempDir();
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let relays: TestServer[] = [];
  const clients: TestClient[] = [];
  beforeAll(async () => {
    redis = await startRedis();
    // Two relay processes' worth of servers, on different ports, sharing one data folder and one Redis.
    relays = [
      await startTestServer({ dataDir: data.path, redisUrl: redis.url }),
      await startTestServer({ dataDir: data.path, redisUrl: redis.url }),
    ];
  });
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    for (const relay of relays) await relay.close();
    await redis?.stop();
    data.remove();
  });

  it('clients of two relays edit one document and converge', async () => {
    const token = await relays[0]!.token('acme', 'lead');
    const [a, b] = relays.map((relay) => connectClient(relay.syncUrl, 'acme/registry', token));
    clients.push(a!, b!);
    await waitFor(() => a!.provider.synced && b!.provider.synced, 'both synced');
    expect(relays[0]!.port).not.toBe(relays[1]!.port);

    for (let i = 0; i < 50; i++) {
      a!.doc.getMap('records').set(`a${i}`, i);
      b!.doc.getMap('records').set(`b${i}`, i);
    }
    await Promise.all([a!.acknowledged(), b!.acknowledged()]);
    await waitFor(
      () => a!.doc.getMap('records').size === 100 && b!.doc.getMap('records').size === 100,
      'both sides to see all 100 edits',
      10_000,
    );
    expect(a!.doc.getMap('records').toJSON()).toEqual(b!.doc.getMap('records').toJSON());
  });

  it('a token minted through one relay is honoured and revoked on the other', async () => {
    const minted = await relays[0]!.tokens.mint({
      workspace: 'acme',
      role: 'contributor',
      ttlMs: 60_000,
    });
    const client = connectClient(relays[1]!.syncUrl, 'acme/assessment/x', minted.token);
    clients.push(client);
    expect(await client.outcome()).toEqual({ scope: 'read-write' });
    await relays[0]!.tokens.revoke(minted.id);
    await waitFor(
      () =>
        (relays[1]!.hocuspocus.documents.get('acme/assessment/x')?.getConnectionsCount() ?? 0) ===
        0,
      'revocation on the other relay',
      5_000,
    );
  });
});
