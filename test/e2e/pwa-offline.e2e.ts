import { describe, expect, it } from 'vitest';
import { hasChromium } from './harness/browser.ts';
import { usePwaWorkspace } from './harness/pwa-workspace.ts';
import { screenshotPath } from './harness/screenshots.ts';

describe.skipIf(!hasChromium())('PWA in Chromium', () => {
  const ws = usePwaWorkspace({ extension: true });

  it('loads, is controlled by its service worker, and still opens with the server gone', async () => {
    const server = ws.relay();
    const browser = ws.browser();
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1100, height: 640 });
    await page.goto(server.url + '/');
    await expect
      .poll(() => page.getByRole('heading', { name: 'Welcome to Sightline' }).isVisible())
      .toBe(true);

    const manifestHref = await page.evaluate(() =>
      document.querySelector('link[rel="manifest"]')?.getAttribute('href'),
    );
    expect(manifestHref).toMatch(/manifest\.webmanifest$/);

    // The service worker installs, precaches the shell, and controls the page after a reload.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null))
      .toBe(server.url + '/sw.js');
    await page.screenshot({ path: screenshotPath('pwa-shell') });

    // Offline in the browser and no server at all: the shell must come from the cache.
    await server.stop();
    await browser.context.setOffline(true);
    await page.reload();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Welcome to Sightline' }).isVisible())
      .toBe(true);
    await expect
      .poll(() => page.getByRole('status', { name: 'connection' }).textContent())
      .toBe('offline');
    await browser.context.setOffline(false);
    await page.close();
  });
});
