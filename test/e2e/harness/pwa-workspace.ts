import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { connectClient, type TestClient } from '../../helpers/relay-client.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { launchChromium, launchWithExtension, type BrowserSession } from './browser.ts';
import { startServerProcess, type ServerProcess } from './server-process.ts';
import { mintToken } from './workspace.ts';

/** A relay, a browser and the relay clients of one end-to-end suite of the PWA, workspace `acme`. */
export interface PwaWorkspace<B> {
  /** The relay's data folder (removed after the suite). */
  dataDir(): string;
  /** The real `sightline serve` process (stopping it early is fine: teardown skips it then). */
  relay(): ServerProcess;
  /** Chromium: a bare browser by default, or a persistent context with the extension loaded. */
  browser(): B;
  /** A token for `acme`, minted by the real `sightline token` command, e.g. `token('--role', 'lead')`. */
  token(...args: string[]): string;
  /** A relay client on document `name` with a freshly minted token; destroyed after the suite. */
  client(name: string, ...tokenArgs: string[]): TestClient;
  /**
   * Opens the PWA's join link with a new lead token (`tokenArgs` add e.g. `--label Dana`) and
   * waits until it lands on the inbox; returns the token.
   */
  joinAsLead(page: Page, ...tokenArgs: string[]): Promise<string>;
}

/**
 * Registers the suite's beforeAll (a temp data folder, the relay, Chromium) and afterAll (clients,
 * browser, relay, folder, in that order). Call it inside the `describe`; a suite's own beforeAll,
 * registered after it, runs once everything is up.
 */
export function usePwaWorkspace(): PwaWorkspace<Browser>;
export function usePwaWorkspace(options: { extension: true }): PwaWorkspace<BrowserSession>;
export function usePwaWorkspace(
  options: { extension?: boolean } = {},
): PwaWorkspace<Browser | BrowserSession> {
  let data: { path: string; remove(): void } | undefined;
  let relay: ServerProcess | undefined;
  let browser: Browser | BrowserSession | undefined;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    data = tempDir();
    relay = await startServerProcess(data.path);
    browser = options.extension ? await launchWithExtension() : await launchChromium();
  });
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    await browser?.close();
    await relay?.stop();
    data?.remove();
  });

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`no ${what} yet: use it in a test or a later hook`);
    return value;
  };
  const workspace: PwaWorkspace<Browser | BrowserSession> = {
    dataDir: () => ready(data, 'data folder').path,
    relay: () => ready(relay, 'relay'),
    browser: () => ready(browser, 'browser'),
    token: (...args) => mintToken(workspace.dataDir(), ...args),
    client(name, ...tokenArgs) {
      const client = connectClient(workspace.relay().syncUrl, name, workspace.token(...tokenArgs));
      clients.push(client);
      return client;
    },
    async joinAsLead(page, ...tokenArgs) {
      const token = workspace.token('--role', 'lead', ...tokenArgs);
      await page.goto(`${workspace.relay().url}/#/join?workspace=acme&token=${token}`);
      await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(/#\/inbox$/);
      return token;
    },
  };
  return workspace;
}

/**
 * Collects what a page reports, to expect none of it: console errors and uncaught exceptions
 * (`errors`), console messages about the Content Security Policy (`csp`), and dialogs, which are
 * dismissed (`dialogs`).
 */
export function watchPage(
  page: Page,
  what: { errors?: boolean; csp?: boolean; dialogs?: boolean },
): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (
      (what.errors && message.type() === 'error') ||
      (what.csp && /Content Security Policy/i.test(message.text()))
    ) {
      problems.push(message.text());
    }
  });
  if (what.errors) page.on('pageerror', (error) => problems.push(String(error)));
  if (what.dialogs) {
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
  }
  return problems;
}

/** axe on the page as it is now: its serious and critical violations. */
export async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
