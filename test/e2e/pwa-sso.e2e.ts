import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  freePort,
  startTestProvider,
  type TestProvider,
} from '../helpers/oidc-provider.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { hasChromium, launchChromium } from './harness/browser.ts';
import { startServerProcess, type ServerProcess } from './harness/server-process.ts';
import { seriousViolations, watchPage } from './harness/pwa-workspace.ts';
import { mintToken } from './harness/workspace.ts';

/**
 * Single sign-on in Chromium (docs/sync.md SSO1–SSO9): the real `sightline serve` with
 * `--oidc-issuer`, a real OpenID provider (oidc-provider, its own login page), and the built PWA.
 * A member of the lead group lands in the lead's workspace; a member of no mapped group waits for
 * an admin, who gives a role in Settings; sign-out revokes the session token at the relay and ends
 * the provider's session.
 */
describe.skipIf(!hasChromium())('single sign-on (end to end)', () => {
  let data: { path: string; remove(): void };
  let provider: TestProvider;
  let relay: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    data = tempDir();
    const port = await freePort();
    provider = await startTestProvider(`http://localhost:${port}`);
    const secretFile = join(data.path, 'oidc-secret');
    writeFileSync(secretFile, `${CLIENT_SECRET}\n`, { mode: 0o600 });
    relay = await startServerProcess(data.path, [
      '--port',
      String(port),
      '--workspace',
      'acme',
      '--oidc-issuer',
      provider.issuer,
      '--oidc-client-id',
      CLIENT_ID,
      '--oidc-client-secret-file',
      secretFile,
      '--oidc-name',
      'Example IdP',
      '--oidc-scopes',
      'openid profile email groups',
    ]);
    // The lead group is mapped through the admin API, as Settings does (SSO2).
    const admin = mintToken(data.path, '--role', 'admin');
    const mapped = await fetch(`${relay.url}/api/sso/groups`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ group: 'ai-governance-leads', role: 'lead' }),
    });
    expect(mapped.status).toBe(200);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await relay?.stop();
    await provider?.close();
    data?.remove();
  });

  /**
   * From the Welcome page through the provider's login (and consent) page, back to the app. A
   * person the provider already knows (its session cookie) comes straight back: that is the point.
   */
  async function signIn(page: Page, login: string) {
    const atProvider = (url: URL) => url.pathname.includes('/interaction/');
    const back = (url: URL) => url.origin === relay.url && /^#\/(join|inbox|sso)/.test(url.hash);
    const either = (url: URL) => atProvider(url) || back(url);
    await page.goto(relay.url, { waitUntil: 'domcontentloaded' });
    await page.getByRole('link', { name: 'Sign in with Example IdP' }).click();
    await page.waitForURL(either, { waitUntil: 'commit' });
    if (atProvider(new URL(page.url()))) {
      await page.locator('input[name=login]').fill(login);
      await page.locator('input[name=password]').fill('any password');
      await page.getByRole('button', { name: 'Sign-in' }).click();
      await page.waitForURL(either, { waitUntil: 'commit' });
      // The provider asks once to share the claims with the client.
      if (atProvider(new URL(page.url())))
        await page.getByRole('button', { name: 'Continue' }).click();
    }
    await page.waitForURL(back, { waitUntil: 'commit' });
  }

  /** The session token this page sends the relay (its whoami call). */
  function bearerOf(page: Page): () => string | undefined {
    let token: string | undefined;
    page.on('request', (request) => {
      const header = request.headers().authorization;
      if (header?.startsWith('Bearer ')) token = header.slice(7);
    });
    return () => token;
  }

  it('SSO2: a member of the lead group lands in the lead’s workspace, named', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const problems = watchPage(page, { csp: true });
    await signIn(page, 'dana');
    await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(/#\/inbox$/);
    // The token never stays in the address bar.
    expect(page.url()).not.toContain('token=');
    await expect.poll(() => page.locator('.sidebar-who').textContent()).toBe('acme · lead');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('SSO4, SSO9: a member of no mapped group waits; an admin gives a role in Settings', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await signIn(page, 'sam');
    await page.getByRole('heading', { name: 'Waiting for an administrator' }).waitFor();
    expect(page.url()).toMatch(/#\/sso\?outcome=pending&workspace=acme$/);
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      expect(await seriousViolations(page)).toEqual([]);
    }

    const adminPage = await (
      await browser.newContext({ viewport: { width: 1440, height: 900 } })
    ).newPage();
    const admin = mintToken(data.path, '--role', 'admin', '--label', 'Ada Admin');
    await adminPage.goto(`${relay.url}/#/join?workspace=acme&token=${admin}`);
    await expect.poll(() => adminPage.url(), { timeout: 15_000 }).toMatch(/#\/inbox$/);
    await adminPage.goto(`${relay.url}/#/settings`);
    const sam = adminPage.getByRole('listitem', { name: 'Sam Newcomer' });
    await expect.poll(() => sam.textContent(), { timeout: 10_000 }).toContain('waiting for a role');
    await sam.getByLabel('Role for Sam Newcomer').selectOption('contributor');
    await sam.getByRole('button', { name: 'Give role' }).click();
    await adminPage
      .getByRole('status')
      .filter({ hasText: 'Sam Newcomer is now contributor' })
      .waitFor();

    await signIn(page, 'sam');
    await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(/#\/inbox$/);
    await page.getByRole('button', { name: 'Menu' }).click();
    await expect.poll(() => page.locator('.sidebar-who').textContent()).toBe('acme · contributor');
    await adminPage.context().close();
    await context.close();
  });

  it('SSO8: sign-out revokes the session token and ends the provider’s session', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const bearer = bearerOf(page);
    await signIn(page, 'dana');
    await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(/#\/inbox$/);
    await expect.poll(bearer).toBeDefined();
    const token = bearer()!;
    const whoami = () =>
      fetch(`${relay.url}/api/whoami`, { headers: { authorization: `Bearer ${token}` } });
    expect((await whoami()).status).toBe(200);

    await page.getByRole('button', { name: 'Sign out' }).click();
    // RP-initiated logout: the provider asks, then sends the browser back to Sightline.
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL((url) => url.origin === relay.url);
    await page.getByRole('link', { name: 'Sign in with Example IdP' }).waitFor();
    expect((await whoami()).status).toBe(401);
    await context.close();
  });
});
