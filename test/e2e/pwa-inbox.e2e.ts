import { describe, expect, it } from 'vitest';
import { readPolicy } from '../../shared/documents/policy/index.ts';
import { recordSightings } from '../../shared/documents/report/index.ts';
import { waitFor } from '../helpers/relay-client.ts';
import { hasChromium } from './harness/browser.ts';
import { usePwaWorkspace, watchPage } from './harness/pwa-workspace.ts';
import { screenshotPath } from './harness/screenshots.ts';

const HOSTILE = '<img src=x onerror=alert(1)>';

describe.skipIf(!hasChromium())('the PWA inbox (end to end)', () => {
  const ws = usePwaWorkspace({ extension: true });

  it('joins by link, shows a reported tool, bans it for everyone, and reopens offline', async () => {
    const relay = ws.relay();
    const browser = ws.browser();
    // An extension (a member bound to reporter r1) reports two tools, one with a hostile name.
    const report = ws.client('acme/reports/r1', '--role', 'member', '--reporter', 'r1');
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
    const dialogs = watchPage(page, { dialogs: true });
    await page.setViewportSize({ width: 1280, height: 720 });
    const joinedAt = Date.now();
    const lead = await ws.joinAsLead(page, '--label', 'Dana');
    const row = page.getByRole('row', { name: /ChatGPT/ });
    await expect.poll(() => row.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(Date.now() - joinedAt).toBeLessThan(15_000);
    expect(page.url()).not.toContain(lead);
    expect(page.url()).toMatch(/#\/inbox$/);
    await expect
      .poll(() => page.getByRole('status', { name: 'connection' }).textContent())
      .toBe('online');

    // A report cannot name a tool (docs/sync.md H16): the unknown host is named by its hostname,
    // the hostile name is nowhere, and nothing came out of it — no image element, no script ran.
    await expect
      .poll(() => page.getByRole('row', { name: /evil\.example/ }).isVisible())
      .toBe(true);
    expect(await page.getByRole('row', { name: /onerror/ }).count()).toBe(0);
    expect(await page.locator('.inbox-table img').count()).toBe(0);
    expect(dialogs).toEqual([]);

    // The lead bans ChatGPT with guidance; the row shows it; the relay's policy has it.
    await row.getByRole('button', { name: 'ChatGPT' }).click();
    await page.getByLabel('Banned').check();
    await page.getByLabel('Guidance').fill('Customer data must not go into ChatGPT.');
    await page.getByLabel('Approved alternative').fill('Claude for Work');
    await page.getByRole('button', { name: 'Save status' }).click();
    await expect.poll(() => row.textContent()).toContain('Banned');
    const policy = ws.client('acme/policy', '--role', 'lead');
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
