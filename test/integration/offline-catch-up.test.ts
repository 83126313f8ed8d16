import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRecord, readRegistry, updateRecord } from '../../shared/documents/registry/index.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/relay-client.ts';
import { seededRandom } from '../helpers/seeded-random.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const DAY = 86_400_000;
let server: TestServer & { remove(): void };
const clients: TestClient[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await server.close();
  server.remove();
});

/**
 * C3: a lead works offline for a (simulated) month — thousands of edits — while a colleague keeps
 * editing online; when the laptop reconnects, both sides hold every edit of both.
 */
describe('offline catch-up (C3)', () => {
  it('a month offline with thousands of changes reconnects and syncs', async () => {
    const random = seededRandom(31);
    const token = await server.token('acme', 'lead');
    const online = connectClient(server.syncUrl, 'acme/registry', token);
    clients.push(online);
    await waitFor(() => online.provider.synced, 'online lead synced');
    const start = Date.UTC(2026, 9, 1);
    for (let i = 0; i < 50; i++)
      createRecord(online.doc, `shared-${i}`, { name: `Shared ${i}` }, 'dana', start);
    await online.acknowledged();

    // The traveller syncs once, then leaves.
    const laptop = new Y.Doc();
    Y.applyUpdate(laptop, Y.encodeStateAsUpdate(online.doc));
    for (let day = 0; day < 30; day++) {
      const at = start + day * DAY;
      for (let i = 0; i < 100; i++) {
        const n = day * 100 + i;
        if (i < 20)
          createRecord(
            laptop,
            `offline-${n}`,
            { name: `Offline ${n}`, purpose: `day ${day}` },
            'lee',
            at,
          );
        else
          updateRecord(
            laptop,
            `shared-${random.int(50)}`,
            { purpose: `lee on day ${day}, edit ${i}` },
            'lee',
            at,
          );
      }
      for (let i = 0; i < 10; i++) {
        updateRecord(
          online.doc,
          `shared-${random.int(50)}`,
          { owner: `dana day ${day}` },
          'dana',
          at,
        );
      }
    }
    createRecord(
      online.doc,
      'online-late',
      { name: 'Created online while Lee was away' },
      'dana',
      start + 30 * DAY,
    );
    await online.acknowledged();

    const started = Date.now();
    const back = connectClient(server.syncUrl, 'acme/registry', token, laptop);
    clients.push(back);
    await back.acknowledged();
    await waitFor(
      () => readRegistry(online.doc).records.size === 50 + 600 + 1,
      'the laptop’s records to reach the online lead',
      20_000,
    );
    const elapsed = Date.now() - started;

    const there = readRegistry(online.doc);
    const here = readRegistry(laptop);
    expect(here.records.size).toBe(651);
    expect(here.records.has('online-late')).toBe(true);
    expect(there.records.get('offline-2919')?.purpose).toBe('day 29');
    expect(Y.encodeStateVector(laptop)).toEqual(Y.encodeStateVector(online.doc));
    expect(elapsed).toBeLessThan(20_000);
  });
});
