import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startServerProcess, type ServerProcess } from '../e2e/harness/server-process.ts';
import { AckWatermark } from '../helpers/ack-watermark.ts';
import { freePort } from '../helpers/redis-server.ts';
import { connectClient, waitFor } from '../helpers/relay-client.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const cli = join(import.meta.dirname, '..', '..', 'server', 'cli.ts');
const DOC = 'acme/registry';
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('graceful shutdown (docs/sync.md OPS2)', () => {
  it('OPS2: SIGTERM mid-write exits 0, clients are told to reconnect, and nothing acknowledged is lost', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    const port = await freePort();
    const token = spawnSync(
      process.execPath,
      [cli, 'token', '--data', dir.path, '--workspace', 'acme', '--role', 'lead', '--ttl', '1h'],
      { encoding: 'utf8' },
    ).stdout.trim();
    let relay: ServerProcess = await startServerProcess(dir.path, ['--port', String(port)]);
    cleanups.push(() => relay.stop('SIGKILL'));
    const syncUrl = `ws://localhost:${port}/sync`;
    const writer = connectClient(syncUrl, DOC, token, new Y.Doc(), { reconnect: true });
    cleanups.push(() => writer.destroy());
    const watermark = new AckWatermark(writer);
    await waitFor(() => writer.provider.synced, 'first sync');
    const records = writer.doc.getMap('records');
    // Edits keep coming while the relay is told to stop.
    const writing = watermark.edit(
      400,
      (i) => records.set(`edit-${i}`, `${i} `.padEnd(200, '.')),
      8_000,
    );
    await waitFor(() => watermark.made >= 100, '100 edits made');
    const exited = new Promise<number | null>((resolve) => relay.child.once('exit', resolve));
    relay.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const acknowledged = watermark.acknowledgedInOrder;
    expect(acknowledged).toBeGreaterThan(0);
    await writing;
    // The relay closed the socket with 1012 (service restart), on which providers reconnect.
    expect(watermark.disconnects[0]?.code).toBe(1012);

    relay = await startServerProcess(dir.path, ['--port', String(port)]);
    const reader = connectClient(syncUrl, DOC, token);
    cleanups.push(() => reader.destroy());
    await waitFor(() => reader.provider.synced, 'sync after restart');
    const stored = reader.doc.getMap('records');
    const keys = (n: number) => Array.from({ length: n }, (_, i) => `edit-${i}`);
    expect(keys(acknowledged).filter((key) => !stored.has(key))).toEqual([]);
    // The writer reconnects by itself and sends what was not acknowledged.
    await waitFor(() => stored.size === watermark.made, 'every edit after reconnecting', 15_000);
  }, 60_000);
});
