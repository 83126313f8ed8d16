import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspaceSync } from '../../pwa/src/sync/workspace-sync.ts';
import { waitFor } from '../helpers/relay-client.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { startTestServer } from '../helpers/test-server.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('the top bar’s status with documents opened on demand (a real relay)', () => {
  it('is not “online” while an opened document has not synced, and is once it has', async () => {
    const data = tempDir();
    cleanups.push(data.remove);
    const running = await startTestServer({ dataDir: data.path });
    cleanups.push(() => running.close());
    // The monitoring document's local copy loads only when the test says so.
    let loadMonitoring = () => {};
    const sync = openWorkspaceSync({
      credentials: { workspace: 'acme', token: await running.token('acme', 'lead'), role: 'lead' },
      url: running.syncUrl,
      persist: (name) => ({
        whenSynced: name.includes('/monitoring/')
          ? new Promise<void>((resolve) => (loadMonitoring = resolve))
          : Promise.resolve(),
        destroy: () => {},
      }),
      online: () => true,
    });
    cleanups.push(() => sync.destroy());
    await waitFor(
      () => sync.status() === 'online',
      () => `online (is ${sync.status()})`,
    );

    const held = sync.openMonitoring('rec-1');
    // Going offline now must not leave "1 change waiting" behind a document that never synced,
    // and "online" would claim a document in sync that is not even loaded.
    expect(sync.status()).toBe('syncing');
    loadMonitoring();
    await waitFor(
      () => sync.status() === 'online',
      () => `online once the document synced (is ${sync.status()})`,
    );
    held.release();
    expect(sync.status()).toBe('online');
  }, 20_000);
});
