import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPolicy } from '../../shared/documents/policy/index.ts';
import { recordSightings } from '../../shared/documents/report/index.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/relay-client.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { hasChromium, launchWithExtension, type BrowserSession } from './harness/browser.ts';
import { screenshotPath } from './harness/screenshots.ts';
import { startServerProcess, type ServerProcess } from './harness/server-process.ts';

const cli = join(import.meta.dirname, '..', '..', 'server', 'cli.ts');
const HOSTILE = '<img src=x onerror=alert(1)>';

describe.skipIf(!hasChromium())('the PWA inbox (end to end)', () => {
  const data = tempDir();
  let relay: ServerProcess;
  let browser: BrowserSession;
  const clients: TestClient[] = [];
  const token = (...args: string[]) =>
    spawnSync(
      process.execPath,
      [cli, 'token', '--data', data.path, '--workspace', 'acme', ...args],
      { encoding: 'utf8' },
    ).stdout.trim();
  const client = (name: string, role: string[]) => {
    const c = connectClient(relay.syncUrl, name, token(...role));
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    relay = await startServerProcess(data.path);
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    await browser?.close();
    await relay?.stop();
    data.remove();
  });

  it('joins by link, shows a reported tool, bans it for everyone, and reopens offline', async () => {
    // An extension (a member bound to reporter r1) reports two tools, one with a hostile name.
    const report = client('acme/reports/r1', ['--role', 'member', '--reporter', 'r1']);
    const at = Date.now();
    recordSightings(report.doc, [
      {
        toolKey: 'openai-chatgpt',
        name: 'ChatGPT',
        category: 'chat-assistant',
        host: 'chatgpt.com',
        signal: 'visit',
        at,
      },
      {
        toolKey: 'host:evil.example',
        name: HOSTILE,
        category: 'other',
        signal: 'visit',
        host: 'evil.example',
        at,
      },
    ]);
    await report.acknowledged();

    const page = await browser.context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.setViewportSize({ width: 1280, height: 720 });
    const lead = token('--role', 'lead', '--label', 'Dana');
    const joinedAt = Date.now();
    await page.goto(`${relay.url}/#/join?workspace=acme&token=${lead}`);
    const row = page.getByRole('row', { name: /ChatGPT/ });
    await expect.poll(() => row.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(Date.now() - joinedAt).toBeLessThan(15_000);
    expect(page.url()).not.toContain(lead);
    expect(page.url()).toMatch(/#\/inbox$/);
    await expect
      .poll(() => page.getByRole('status', { name: 'connection' }).textContent())
      .toBe('online');

    // The hostile name is text: no image element, no script ran.
    await expect.poll(() => page.getByRole('row', { name: /onerror/ }).isVisible()).toBe(true);
    expect(await page.locator('.inbox-table img').count()).toBe(0);
    expect(dialogs).toEqual([]);

    // The lead bans ChatGPT with guidance; the row shows it; the relay's policy has it.
    await row.getByRole('button', { name: 'ChatGPT' }).click();
    await page.getByLabel('Banned').check();
    await page.getByLabel('Guidance').fill('Customer data must not go into ChatGPT.');
    await page.getByLabel('Approved alternative').fill('Claude for Work');
    await page.getByRole('button', { name: 'Save status' }).click();
    await expect.poll(() => row.textContent()).toContain('Banned');
    const policy = client('acme/policy', ['--role', 'lead']);
    await waitFor(
      () => readPolicy(policy.doc).statuses.get('openai-chatgpt')?.status === 'banned',
      'the ban in acme/policy',
      10_000,
    );
    expect(readPolicy(policy.doc).statuses.get('openai-chatgpt')).toMatchObject({
      guidance: 'Customer data must not go into ChatGPT.',
      alternative: 'Claude for Work',
    });
    await page.screenshot({ path: screenshotPath('pwa-inbox') });

    // The service worker controls the page, then the network and the relay go away: a reload
    // still opens the inbox, with its data, from this device.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null))
      .toBe(relay.url + '/sw.js');
    await expect.poll(() => row.isVisible(), { timeout: 15_000 }).toBe(true);
    await relay.stop();
    await browser.context.setOffline(true);
    await page.reload();
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('Banned');
    await expect
      .poll(() => page.getByRole('status', { name: 'connection' }).textContent())
      .toBe('offline');
    expect(dialogs).toEqual([]);
    await browser.context.setOffline(false);
    await page.close();
  });
});
