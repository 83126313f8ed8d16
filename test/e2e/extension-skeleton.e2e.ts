import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchWithExtension, type BrowserSession } from './harness/browser.ts';
import { screenshotPath } from './harness/screenshots.ts';

describe.skipIf(!hasChromium())('extension in Chromium', () => {
  let browser: BrowserSession;
  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('starts its background worker', async () => {
    const worker = await browser.worker();
    expect(worker.url()).toBe(`chrome-extension://${browser.extensionId}/background.js`);
    const manifest = await worker.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { runtime: { getManifest(): { manifest_version: number; name: string } } };
        }
      ).chrome.runtime.getManifest(),
    );
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.name).toBe('Sightline');
  });

  it('renders the popup with the worker answering it', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 200 });
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Sightline' }).isVisible())
      .toBe(true);
    // This text comes from the background worker's status answer, not from the page alone.
    await expect.poll(() => page.getByTestId('sync-state').textContent()).toContain('Not enrolled');
    await page.screenshot({ path: screenshotPath('extension-popup') });
    await page.close();
  });

  it('renders the options page', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await expect.poll(() => page.getByRole('heading', { name: 'Privacy' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/Version \d+\.\d+\.\d+/).isVisible()).toBe(true);
    await page.close();
  });
});
