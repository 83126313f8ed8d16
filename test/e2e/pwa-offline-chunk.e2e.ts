import { describe, expect, it } from 'vitest';
import { NOT_ON_DEVICE } from '../../pwa/src/error-boundary/PartFailed.tsx';
import { hasChromium } from './harness/browser.ts';
import { usePwaWorkspace } from './harness/pwa-workspace.ts';

// A lead's page went blank when a page's code could not load offline: React unmounts the whole
// app on an uncaught error. Here the device has no service worker (one still installing, or
// refused), so the risk register's chunk, never opened before, is not on the device at all.
describe.skipIf(!hasChromium())('a page whose code is not on the device, offline', () => {
  const ws = usePwaWorkspace();

  it('says so in the page, keeps the navigation, and loads the page when back online', async () => {
    const context = await ws.browser().newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const chunks: string[] = [];
    page.on('requestfailed', (request) => {
      if (request.url().includes('/assets/RiskRegister')) chunks.push(request.url());
    });
    await ws.joinAsLead(page);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).first().textContent(), {
        timeout: 15_000,
      })
      .toBe('Inbox');

    await context.setOffline(true);
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Risks' })
      .click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 15_000 }).toContain(NOT_ON_DEVICE);
    // The import was tried, and tried once more, before the message.
    expect(chunks.length).toBeGreaterThanOrEqual(1);
    // The app is still mounted: the navigation works and the inbox opens from the device.
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Inbox' })
      .click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).first().textContent())
      .toBe('Inbox');

    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Risks' })
      .click();
    await expect.poll(() => alert.textContent(), { timeout: 15_000 }).toContain(NOT_ON_DEVICE);
    // Back online, the page loads by itself (no reload: nothing on the page is lost).
    await context.setOffline(false);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).first().textContent(), {
        timeout: 15_000,
      })
      .toBe('Risk register');
    await context.close();
  });
});
