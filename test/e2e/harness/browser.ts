import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { inject } from 'vitest';
import { chromiumArgs } from './chromium.ts';

export const extensionDir = join(import.meta.dirname, '..', '..', '..', '.output', 'chrome-mv3');

export interface BrowserSession {
  context: BrowserContext;
  /** The extension's id, read from its service worker's URL. */
  extensionId: string;
  /** The extension's background service worker (fetch again after a pause: MV3 stops idle workers). */
  worker(): Promise<Worker>;
  close(): Promise<void>;
}

/** Debian's Chromium with the built extension loaded, in a fresh profile. */
export async function launchWithExtension(
  options: { args?: string[] } = {},
): Promise<BrowserSession> {
  const executablePath = inject('chromium');
  if (!executablePath) throw new Error('no Chromium: the e2e suite should have been skipped');
  const profile = mkdtempSync(join(tmpdir(), 'sightline-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [
      ...chromiumArgs,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...(options.args ?? []),
    ],
  });
  const worker = async () =>
    context.serviceWorkers().find(isExtensionWorker) ??
    (await context.waitForEvent('serviceworker', { predicate: isExtensionWorker }));
  const extensionId = new URL((await worker()).url()).host;
  return {
    context,
    extensionId,
    worker,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

function isExtensionWorker(worker: Worker): boolean {
  return worker.url().startsWith('chrome-extension://');
}

/** Skips a suite when the global setup found no browser (it has already said so, loudly). */
export function hasChromium(): boolean {
  return inject('chromium') !== null;
}
