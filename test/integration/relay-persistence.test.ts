import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteDocumentStore } from '../../server/relay/sqlite-document-store.ts';
import { openDatabase } from '../../server/storage/database.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/relay-client.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function server(dataDir: string): Promise<TestServer> {
  const running = await startTestServer({ dataDir });
  cleanups.push(() => running.close());
  return running;
}

async function client(running: TestServer, name: string): Promise<TestClient> {
  const c = connectClient(running.syncUrl, name, await running.token('acme', 'lead'));
  cleanups.push(() => c.destroy());
  return c;
}

describe('relay over a real WebSocket with SQLite persistence', () => {
  it('S3: serves a document after a restart exactly as it was acknowledged', async () => {
    const data = tempDir();
    cleanups.push(data.remove);

    const first = await server(data.path);
    const writer = await client(first, 'acme/registry');
    await waitFor(() => writer.provider.synced, 'first sync');
    writer.doc.getMap('records').set('chatgpt', 'in use');
    writer.doc.getArray('log').push(['one', 'two']);
    await writer.acknowledged();
    writer.destroy();
    await first.close();

    const second = await server(data.path);
    const reader = await client(second, 'acme/registry');
    await waitFor(() => reader.provider.synced, 'sync after restart');
    expect(reader.doc.getMap('records').toJSON()).toEqual({ chatgpt: 'in use' });
    expect(reader.doc.getArray('log').toArray()).toEqual(['one', 'two']);
  });

  it('S1: has every acknowledged update on disk before any compaction runs', async () => {
    const data = tempDir();
    cleanups.push(data.remove);
    const running = await server(data.path);
    const writer = await client(running, 'acme/policy');
    await waitFor(() => writer.provider.synced, 'sync');
    for (let i = 0; i < 20; i++) writer.doc.getMap('statuses').set(`tool-${i}`, 'approved');
    await writer.acknowledged();

    // A second handle on the same file sees the log without the relay's help.
    const db = openDatabase(join(data.path, 'sightline.sqlite'));
    cleanups.push(() => db.close());
    expect(new SqliteDocumentStore(db).pendingUpdates('acme/policy')).toBeGreaterThan(0);
  });

  it('S4: refuses a malformed document name and stores nothing for it', async () => {
    const data = tempDir();
    cleanups.push(data.remove);
    const running = await server(data.path);
    const rogue = await client(running, '../../etc/passwd');
    rogue.doc.getMap('x').set('y', 'z');
    expect(await rogue.outcome()).toHaveProperty('refused');
    expect(rogue.provider.synced).toBe(false);
    expect(running.hocuspocus.getDocumentsCount()).toBe(0);
  });
});
