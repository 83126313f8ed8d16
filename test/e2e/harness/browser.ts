import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Worker } from 'playwright-core';
import { inject } from 'vitest';
import { chromiumArgs, extensionArgs } from './chromium.ts';

export const extensionDir = join(import.meta.dirname, '..', '..', '..', '.output', 'chrome-mv3');
/** The build for force-installed deployments, with access to all sites declared up front. */
export const managedExtensionDir = `${extensionDir}-managed`;

export interface BrowserSession {
  context: BrowserContext;
  /** The extension's id, read from its service worker's URL. */
  extensionId: string;
  /** The extension's background service worker (fetch again after a pause: MV3 stops idle workers). */
  worker(): Promise<Worker>;
  close(): Promise<void>;
}

/** Debian's Chromium, as the global setup found it. */
function chromiumPath(): string {
  const executablePath = inject('chromium');
  if (!executablePath) throw new Error('no Chromium: the e2e suite should have been skipped');
  return executablePath;
}

/** Debian's Chromium without any extension, for pages that each get a fresh context. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs });
}

/** Debian's Chromium with the built extension loaded, in a fresh profile. */
export async function launchWithExtension(
  options: { args?: string[]; grantAllSites?: boolean; dir?: string } = {},
): Promise<BrowserSession> {
  const executablePath = chromiumPath();
  const profile = mkdtempSync(join(tmpdir(), 'sightline-profile-'));
  if (options.grantAllSites) await grantAllSites(executablePath, profile);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: extensionArgs(options.dir ?? extensionDir, options.args),
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

/**
 * The state a profile is in after the employee allowed the optional "all sites" access: Chromium's
 * prompt cannot be answered in a headless run, so the profile is prepared the way that answer
 * leaves it — the extension is installed once, then its granted and active host permissions are
 * written into the profile's Preferences before the real launch.
 */
async function grantAllSites(executablePath: string, profile: string): Promise<void> {
  const first = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: extensionArgs(extensionDir),
  });
  const worker =
    first.serviceWorkers().find(isExtensionWorker) ??
    (await first.waitForEvent('serviceworker', { predicate: isExtensionWorker }));
  const id = new URL(worker.url()).host;
  await first.close();
  const file = join(profile, 'Default', 'Preferences');
  const preferences = JSON.parse(readFileSync(file, 'utf8')) as {
    extensions: {
      settings: Record<string, { granted_permissions?: object; active_permissions?: object }>;
    };
  };
  const settings = preferences.extensions.settings[id];
  if (!settings) throw new Error(`the profile has no settings for extension ${id}`);
  settings.granted_permissions = { ...settings.granted_permissions, explicit_host: ['<all_urls>'] };
  settings.active_permissions = { ...settings.active_permissions, explicit_host: ['<all_urls>'] };
  writeFileSync(file, JSON.stringify(preferences));
}

function isExtensionWorker(worker: Worker): boolean {
  return worker.url().startsWith('chrome-extension://');
}

/** Skips a suite when the global setup found no browser (it has already said so, loudly). */
export function hasChromium(): boolean {
  return inject('chromium') !== null;
}
