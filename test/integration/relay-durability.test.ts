import * as encoding from 'lib0/encoding';
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { SqliteDocumentStore } from '../../server/relay/sqlite-document-store.ts';
import { openWorkspaceSync } from '../../pwa/src/sync/workspace-sync.ts';
import { startServerProcess, type ServerProcess } from '../e2e/harness/server-process.ts';
import { AckWatermark } from '../helpers/ack-watermark.ts';
import { freePort } from '../helpers/redis-server.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/relay-client.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const DOC = 'acme/registry';
const cli = join(import.meta.dirname, '..', '..', 'server', 'cli.ts');
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function server(dataDir: string): Promise<TestServer> {
  const running = await startTestServer({ dataDir, storageProbeIntervalMs: 100 });
  cleanups.push(() => running.close());
  return running;
}

function client(running: TestServer, token: string, reconnect = false): TestClient {
  const c = connectClient(running.syncUrl, DOC, token, new Y.Doc(), { reconnect });
  cleanups.push(() => c.destroy());
  return c;
}

/** The database cannot grow by one page: every write that needs space fails with SQLITE_FULL. */
function fillDatabase(running: TestServer): () => void {
  const { page_count: pages } = running.database!.prepare('PRAGMA page_count').get() as {
    page_count: number;
  };
  running.database!.exec(`PRAGMA max_page_count = ${pages}`);
  return () => running.database!.exec('PRAGMA max_page_count = 1073741823');
}

const edit = (doc: Y.Doc) => (i: number) =>
  doc.getMap('records').set(`edit-${i}`, `${i} `.padEnd(200, '.'));

async function health(running: TestServer): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${running.url}/api/health`);
  return { status: response.status, body: await response.json() };
}

describe('durable before acknowledged (docs/sync.md DR1–DR4)', () => {
  it('DR1: with the database full, no edit is acknowledged that a restart would lose', async () => {
    const data = tempDir();
    cleanups.push(data.remove);
    const first = await server(data.path);
    const token = await first.token('acme', 'lead');
    const writer = client(first, token, true);
    const watermark = new AckWatermark(writer);
    await waitFor(() => writer.provider.synced, 'first sync');
    await watermark.edit(20, edit(writer.doc));
    await writer.acknowledged();
    expect(watermark.acknowledged).toBe(20);

    fillDatabase(first);
    await watermark.edit(100, edit(writer.doc));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const acknowledged = watermark.acknowledged;
    // The edits went out and were refused, not acknowledged; the relay said why and closed.
    expect(watermark.made).toBeGreaterThan(acknowledged);
    expect(watermark.disconnects.map((d) => d.code)).toContain(4503);
    expect(await health(first)).toEqual({
      status: 503,
      body: { ok: false, error: expect.stringMatching(/^storage unavailable: .*full/) },
    });

    // The relay stops; a new one reads only what is on disk.
    writer.destroy();
    await first.close();
    const second = await server(data.path);
    const reader = client(second, await second.token('acme', 'lead'));
    await waitFor(() => reader.provider.synced, 'sync after restart');
    const records = reader.doc.getMap('records');
    const missing = Array.from({ length: acknowledged }, (_, i) => `edit-${i}`).filter(
      (key) => !records.has(key),
    );
    expect(missing).toEqual([]);
  }, 60_000);

  it('DR2–DR3: refuses writes while storage fails, then recovers by itself and takes the kept edits', async () => {
    const data = tempDir();
    cleanups.push(data.remove);
    const running = await server(data.path);
    const token = await running.token('acme', 'lead');
    const writer = client(running, token, true);
    const watermark = new AckWatermark(writer);
    await waitFor(() => writer.provider.synced, 'first sync');
    // Public: up or down only. The live counts are for admins.
    expect(await health(running)).toEqual({ status: 200, body: { ok: true } });
    const status = (bearer: string) =>
      fetch(`${running.url}/api/status`, { headers: { Authorization: `Bearer ${bearer}` } });
    expect((await status(token)).status).toBe(403);
    expect(await (await status(await running.token('acme', 'admin'))).json()).toEqual({
      storage: { ok: true },
      documents: 1,
      connections: 1,
    });

    const free = fillDatabase(running);
    await watermark.edit(100, edit(writer.doc));
    expect(watermark.acknowledged).toBeLessThan(watermark.made);
    expect((await health(running)).status).toBe(503);
    // The HTTP API refuses writes too, with the reason, instead of failing halfway.
    const invite = await fetch(`${running.url}/api/tokens`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ role: 'contributor' }),
    });
    expect(invite.status).toBe(503);
    expect(await invite.json()).toEqual({ error: expect.stringMatching(/^storage unavailable/) });

    free();
    await waitFor(() => running.storage.ok, 'storage healthy again', 5_000);
    expect(await health(running)).toEqual({ status: 200, body: { ok: true } });
    // The client kept its edits and sent them again once reconnected.
    await writer.acknowledged();
    expect(watermark.acknowledged).toBe(watermark.made);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, Y.mergeUpdates(new SqliteDocumentStore(running.database!).load(DOC)));
    expect(stored.getMap('records').size).toBe(watermark.made);
  }, 60_000);

  it('DR2: the PWA says the relay cannot save, keeps the change, and it goes through once storage works', async () => {
    const data = tempDir();
    cleanups.push(data.remove);
    const running = await server(data.path);
    const sync = openWorkspaceSync({
      credentials: { workspace: 'acme', token: await running.token('acme', 'lead'), role: 'lead' },
      url: running.syncUrl,
      persist: () => ({ whenSynced: Promise.resolve(), destroy: () => {} }),
      online: () => true,
      watchdogMs: 200,
    });
    cleanups.push(() => sync.destroy());
    await waitFor(
      () => sync.status() === 'online',
      () => `online (is ${sync.status()})`,
    );
    const free = fillDatabase(running);
    // Larger than the free room in the database's pages, so the write needs a new page.
    const kept = 'on this device '.padEnd(20_000, '.');
    sync.doc('registry')!.getMap('records').set('kept', kept);
    await waitFor(
      () => sync.status().startsWith('relay cannot save'),
      () => `the status to say so (is ${sync.status()})`,
    );
    free();
    await waitFor(
      () => sync.status() === 'online',
      () => `online again (is ${sync.status()})`,
      15_000,
    );
    const stored = new Y.Doc();
    Y.applyUpdate(stored, Y.mergeUpdates(new SqliteDocumentStore(running.database!).load(DOC)));
    expect(stored.getMap('records').get('kept')).toBe(kept);
  }, 30_000);

  it('DR4: refuses a garbage update — not applied, not acknowledged, logged without a stack trace', async () => {
    const data = tempDir();
    cleanups.push(data.remove);
    const running = await server(data.path);
    const hostile = client(running, await running.token('acme', 'lead'));
    await waitFor(() => hostile.provider.synced, 'sync');
    hostile.doc.getMap('records').set('before', 1);
    await hostile.acknowledged();

    // A well-formed envelope around bytes Yjs cannot read.
    const garbage = Uint8Array.from([3, 200, 1, 7, 9, 4, 255, 255, 255, 1]);
    expect(() => Y.applyUpdate(new Y.Doc(), garbage)).toThrow();
    const frame = encoding.createEncoder();
    encoding.writeVarString(frame, DOC);
    encoding.writeVarUint(frame, 0); // Sync
    encoding.writeVarUint(frame, 2); // Update
    encoding.writeVarUint8Array(frame, garbage);
    const received: number[] = [];
    hostile.provider.on(
      'message',
      ({ message }: { message: { readVarString(): string; readVarUint(): number } }) => {
        message.readVarString();
        received.push(message.readVarUint());
      },
    );
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    cleanups.push(() => logged.mockRestore());
    hostile.provider.configuration.websocketProvider.send(encoding.toUint8Array(frame));

    await waitFor(() => received.includes(7), 'the relay closing the document');
    expect(received).not.toContain(8); // no SyncStatus: nothing acknowledged
    const stored = new SqliteDocumentStore(running.database!).load(DOC);
    expect(stored.some((update) => Buffer.from(update).equals(garbage))).toBe(false);
    const lines = logged.mock.calls.map((call) => format(...call));
    expect(lines.join('\n')).not.toMatch(/\n\s+at /);
    expect(lines.some((line) => line.includes('invalid update'))).toBe(true);
  });

  it.skipIf(!canMountTmpfs())(
    'DR1: on a full 2 MiB tmpfs, every acknowledged edit survives SIGKILL and restart, and the rest arrive after',
    async () => {
      const dir = tempDir();
      const data = join(dir.path, 'data');
      mkdirSync(data);
      if (!mountTmpfs(data)) throw new Error('tmpfs mount failed');
      cleanups.push(() => dir.remove());
      cleanups.push(() => execFileSync('umount', [data]));
      const port = await freePort();
      const token = spawnSync(
        process.execPath,
        [cli, 'token', '--data', data, '--workspace', 'acme', '--role', 'lead', '--ttl', '1h'],
        { encoding: 'utf8' },
      ).stdout.trim();
      let relay: ServerProcess = await startServerProcess(data, ['--port', String(port)]);
      cleanups.push(() => relay.stop('SIGKILL'));
      const syncUrl = `ws://localhost:${port}/sync`;
      const writer = connectClient(syncUrl, DOC, token, new Y.Doc(), { reconnect: true });
      cleanups.push(() => writer.destroy());
      const watermark = new AckWatermark(writer);
      await waitFor(() => writer.provider.synced, 'first sync');
      await watermark.edit(20, edit(writer.doc));
      await writer.acknowledged();

      const filler = join(data, 'filler');
      fillDisk(filler);
      await watermark.edit(150, edit(writer.doc));
      const response = await fetch(`${relay.url}/api/health`);
      expect(response.status).toBe(503);
      expect(((await response.json()) as { error: string }).error).toMatch(/full/);
      expect(watermark.acknowledged).toBeLessThan(watermark.made);

      await relay.stop('SIGKILL');
      const acknowledged = watermark.acknowledged;
      rmSync(filler);
      relay = await startServerProcess(data, ['--port', String(port)]);
      const reader = connectClient(syncUrl, DOC, token);
      cleanups.push(() => reader.destroy());
      await waitFor(() => reader.provider.synced, 'sync after restart');
      const records = reader.doc.getMap('records');
      const keys = (n: number) => Array.from({ length: n }, (_, i) => `edit-${i}`);
      expect(keys(acknowledged).filter((key) => !records.has(key))).toEqual([]);
      // The writer kept what was refused and sends it now.
      await writer.acknowledged();
      await waitFor(() => records.size === watermark.made, 'every edit at the reader', 15_000);
      expect(keys(watermark.made).filter((key) => !records.has(key))).toEqual([]);
    },
    90_000,
  );
});

/** Mounts a 2 MiB tmpfs (needs root); false where that is not allowed. */
function mountTmpfs(dir: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return false;
  }
  return true;
}

function canMountTmpfs(): boolean {
  const probe = tempDir();
  try {
    if (!mountTmpfs(probe.path)) return false;
    execFileSync('umount', [probe.path]);
    return true;
  } finally {
    probe.remove();
  }
}

/** Writes zeros to `file` until the filesystem has no byte left. */
function fillDisk(file: string): void {
  const fd = openSync(file, 'w');
  try {
    for (const size of [65_536, 4_096, 512, 1]) {
      const chunk = Buffer.alloc(size);
      try {
        for (;;) writeSync(fd, chunk);
      } catch {
        // ENOSPC: go on with smaller pieces
      }
    }
  } finally {
    closeSync(fd);
  }
}
