import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startServerProcess, type ServerProcess } from '../e2e/harness/server-process.ts';
import { freePort } from '../helpers/redis-server.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/relay-client.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const cli = join(import.meta.dirname, '..', '..', 'server', 'cli.ts');
const DOC = 'acme/registry';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function sightline(...args: string[]) {
  const run = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function relayOn(data: string, port: number, ...extra: string[]): Promise<ServerProcess> {
  const relay = await startServerProcess(data, ['--port', String(port), ...extra]);
  cleanups.push(() => relay.stop('SIGKILL'));
  return relay;
}

function client(port: number, token: string): TestClient {
  const c = connectClient(`ws://localhost:${port}/sync`, DOC, token, new Y.Doc(), {
    reconnect: true,
  });
  cleanups.push(() => c.destroy());
  return c;
}

const records = (c: TestClient) => c.doc.getMap('records').toJSON();
const history = (data: string) =>
  sightline('history', '--data', data, '--document', DOC).stdout.split('\n').filter(Boolean);

/** A new data folder, a free port, and a lead's token minted by the CLI. */
async function freshFolder() {
  const dir = tempDir();
  cleanups.push(dir.remove);
  const data = join(dir.path, 'data');
  const token = sightline('token', '--data', data, '--workspace', 'acme', '--role', 'lead');
  return { dir, data, port: await freePort(), token: token.stdout.trim() };
}

describe('backups and history (docs/sync.md DR6–DR8)', () => {
  it('DR6: backs up while the relay serves; restore refuses while it serves, then brings the copy back with its tokens', async () => {
    const { dir, data, port, token } = await freshFolder();
    const relay = await relayOn(data, port);
    const writer = client(port, token);
    await waitFor(() => writer.provider.synced, 'sync');
    writer.doc.getMap('records').set('kept', 'in the backup');
    await writer.acknowledged();

    const file = join(dir.path, 'backup.sqlite');
    const backup = sightline('backup', '--data', data, '--out', file);
    expect(backup).toMatchObject({ status: 0 });
    expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
    expect(sightline('backup', '--data', data, '--out', file).status).toBe(2); // never overwrites

    writer.doc.getMap('records').set('later', 'after the backup');
    await writer.acknowledged();
    const refused = sightline('restore', '--data', data, '--from', file);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/a relay is serving/);

    writer.destroy();
    await relay.stop();
    expect(sightline('restore', '--data', data, '--from', file)).toMatchObject({ status: 0 });
    await relayOn(data, port);
    const reader = client(port, token); // minted before the backup: the secret came back with it
    await waitFor(() => reader.provider.synced, 'sync after restore');
    expect(records(reader)).toEqual({ kept: 'in the backup' });
  }, 60_000);

  it('DR7–DR8: lists checkpoints and restores a wiped registry as a change a live client receives, which a restart keeps', async () => {
    const { data, port, token } = await freshFolder();
    let relay = await relayOn(data, port, '--checkpoint-interval', '1');
    const lead = client(port, token);
    await waitFor(() => lead.provider.synced, 'sync');
    lead.doc.transact(() => {
      lead.doc.getMap('records').set('r1', 'ChatGPT: approved');
      lead.doc.getMap('records').set('r2', 'Copilot: in review');
    });
    await lead.acknowledged();
    await waitFor(() => history(data).length >= 1, 'a first checkpoint', 10_000);
    const good = new Date().toISOString();

    lead.doc.transact(() => {
      lead.doc.getMap('records').delete('r1');
      lead.doc.getMap('records').set('r2', 'wiped');
      lead.doc.getMap('records').set('r3', 'junk');
    });
    await lead.acknowledged();
    await waitFor(() => history(data).length >= 2, 'a checkpoint of the wiped state', 10_000);
    for (const line of history(data))
      expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z {2}\d+ bytes$/);

    const preview = sightline(
      'restore-document',
      '--data',
      data,
      '--document',
      DOC,
      '--at',
      good,
      '--preview',
    );
    expect(preview.status).toBe(0);
    expect(preview.stdout).toMatch(/would make 3 change\(s\)/);
    expect(records(lead)).toMatchObject({ r2: 'wiped' });

    const restored = sightline('restore-document', '--data', data, '--document', DOC, '--at', good);
    expect(restored).toMatchObject({ status: 0 });
    expect(restored.stdout).toContain('records.r1 restored');
    // The live client receives it as a change, without reconnecting.
    await waitFor(
      () =>
        JSON.stringify(records(lead)) ===
        JSON.stringify({ r1: 'ChatGPT: approved', r2: 'Copilot: in review' }),
      () => `the restore at the live client (has ${JSON.stringify(records(lead))})`,
    );
    await lead.acknowledged();

    await relay.stop('SIGKILL');
    relay = await relayOn(data, port);
    const reader = client(port, token);
    await waitFor(() => reader.provider.synced, 'sync after restart');
    expect(records(reader)).toEqual({ r1: 'ChatGPT: approved', r2: 'Copilot: in review' });
    // The relay's history API is for admins only.
    const forLead = await fetch(`${relay.url}/api/history?document=${DOC}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(forLead.status).toBe(403);
  }, 90_000);
});
