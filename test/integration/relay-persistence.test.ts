import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/http/server.ts';
import { SqliteDocumentStore } from '../../server/relay/sqlite-document-store.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/relay-client.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { join } from 'node:path';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function server(dataDir: string): Promise<RunningServer> {
  const running = await startServer({ port: 0, dataDir, pwaDir: join(dataDir, 'no-pwa') });
  cleanups.push(() => running.close());
  return running;
}

function client(url: string, name: string): TestClient {
  const c = connectClient(url, name);
  cleanups.push(() => c.destroy());
  return c;
}

describe('relay over a real WebSocket with SQLite persistence', () => {
  it('serves a document after a restart exactly as it was acknowledged', async () => {
    const data = tempDir();
    cleanups.push(data.remove);

    const first = await server(data.path);
    const writer = client(first.syncUrl, 'acme/registry');
    await waitFor(() => writer.provider.synced, 'first sync');
    writer.doc.getMap('records').set('chatgpt', 'in use');
    writer.doc.getArray('log').push(['one', 'two']);
    await writer.acknowledged();
    writer.destroy();
    await first.close();

    const second = await server(data.path);
    const reader = client(second.syncUrl, 'acme/registry');
    await waitFor(() => reader.provider.synced, 'sync after restart');
    expect(reader.doc.getMap('records').toJSON()).toEqual({ chatgpt: 'in use' });
    expect(reader.doc.getArray('log').toArray()).toEqual(['one', 'two']);
  });

  it('has every acknowledged update on disk before any compaction runs', async () => {
    const data = tempDir();
    cleanups.push(data.remove);
    const running = await server(data.path);
    const writer = client(running.syncUrl, 'acme/policy');
    await waitFor(() => writer.provider.synced, 'sync');
    for (let i = 0; i < 20; i++) writer.doc.getMap('statuses').set(`tool-${i}`, 'approved');
    await writer.acknowledged();

    // A second handle on the same file sees the log without the relay's help.
    const store = new SqliteDocumentStore(join(data.path, 'sightline.sqlite'));
    cleanups.push(() => store.close());
    expect(store.pendingUpdates('acme/policy')).toBeGreaterThan(0);
  });

  it('refuses a malformed document name and stores nothing for it', async () => {
    const data = tempDir();
    cleanups.push(data.remove);
    const running = await server(data.path);
    const rogue = client(running.syncUrl, '../../etc/passwd');
    let failed = false;
    rogue.provider.on('authenticationFailed', () => (failed = true));
    rogue.doc.getMap('x').set('y', 'z');
    await waitFor(() => failed || rogue.provider.isAuthenticated === false, 'refusal', 5_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(rogue.provider.synced).toBe(false);
    expect(running.hocuspocus.getDocumentsCount()).toBe(0);
  });
});
