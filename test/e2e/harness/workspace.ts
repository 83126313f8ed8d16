import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { connectClient, waitFor, type TestClient } from '../../helpers/relay-client.ts';

const cli = join(import.meta.dirname, '..', '..', '..', 'server', 'cli.ts');

/** A token for workspace `acme`, minted by the real `sightline token` command in `dataDir`. */
export function mintToken(dataDir: string, ...args: string[]): string {
  const result = spawnSync(
    process.execPath,
    [cli, 'token', '--data', dataDir, '--workspace', 'acme', ...args],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`sightline token failed: ${result.stderr}`);
  return result.stdout.trim();
}

/** Sends a message to the extension's worker from one of its own pages, as the popup does. */
export function sendToExtension<T = unknown>(page: Page, message: unknown): Promise<T> {
  return page.evaluate(
    (m) =>
      (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        }
      ).chrome.runtime.sendMessage(m),
    message,
  ) as Promise<T>;
}

/**
 * Relay clients as a lead, on documents of `acme`, each with a freshly minted token and waited
 * for until synced; `destroy` closes them all (a suite's afterAll).
 */
export function leadClients(relay: () => { syncUrl: string }, dataDir: () => string) {
  const clients: TestClient[] = [];
  return {
    async open(name: string): Promise<TestClient> {
      const token = mintToken(dataDir(), '--role', 'lead');
      const client = connectClient(relay().syncUrl, name, token);
      clients.push(client);
      await waitFor(() => client.provider.synced, `lead sync of ${name}`);
      return client;
    },
    destroy: () => clients.splice(0).forEach((client) => client.destroy()),
  };
}
