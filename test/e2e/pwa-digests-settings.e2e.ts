import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium } from './harness/browser.ts';
import { seriousViolations, usePwaWorkspace } from './harness/pwa-workspace.ts';

const overflows = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

/**
 * Settings → E-mail digests against a real relay (docs/sync.md DIG5): a lead adds the
 * governance mailbox's daily digest, sees it listed, is told this relay has no mail server, and
 * removes it — on a phone and a desktop, light and dark, with no serious accessibility violation.
 */
describe.skipIf(!hasChromium())('e-mail digest settings (end to end)', () => {
  const ws = usePwaWorkspace();

  for (const [width, height] of [
    [390, 844],
    [1440, 900],
  ] as const)
    it(`DIG5: a lead adds, sees and removes a digest at ${width} px`, async () => {
      const context = await ws.browser().newContext({ viewport: { width, height } });
      const page = await context.newPage();
      await ws.joinAsLead(page);
      await page.goto(`${ws.relay().url}/#/settings`);
      const section = page.getByRole('region', { name: 'E-mail digests' });
      await section.getByRole('button', { name: 'Show e-mail digests' }).click();
      await expect
        .poll(() => section.textContent(), { timeout: 10_000 })
        .toContain('This relay has no mail server');
      const address = `governance-${width}@example.com`;
      await section.getByLabel('E-mail address').fill(address);
      await section.getByLabel('How often').selectOption('daily');
      await section.getByRole('button', { name: 'Add digest' }).click();
      const item = section.getByRole('listitem').filter({ hasText: address });
      await expect.poll(() => item.textContent(), { timeout: 10_000 }).toContain('Daily');
      expect(await item.textContent()).toContain('None sent yet.');
      for (const theme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: theme });
        expect(await seriousViolations(page)).toEqual([]);
        expect(await overflows(page)).toBe(false);
      }
      await item.getByRole('button', { name: 'Remove' }).click();
      await expect
        .poll(() => section.getByRole('status').textContent(), { timeout: 10_000 })
        .toBe(`${address} will receive no more daily digests.`);
      await expect.poll(() => item.count()).toBe(0);
      await context.close();
    }, 60_000);
});
