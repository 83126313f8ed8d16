import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  createRecord,
  readRecordLogs,
  readRegistry,
} from '../../shared/documents/registry/index.ts';
import { waitFor } from '../helpers/relay-client.ts';
import { hasChromium } from './harness/browser.ts';
import { cuttableContext } from './harness/cuttable-context.ts';
import { usePwaWorkspace } from './harness/pwa-workspace.ts';

const status = (page: Page) => page.getByRole('status', { name: 'connection' }).textContent();
const noteTexts = (page: Page) => page.locator('.note-text').allTextContents();
const value = (page: Page, label: string) => page.getByLabel(label, { exact: true }).inputValue();

describe.skipIf(!hasChromium())('two leads edit one record, one of them offline', () => {
  const ws = usePwaWorkspace();

  async function openRecord(context: BrowserContext, label: string): Promise<Page> {
    const page = await context.newPage();
    await ws.joinAsLead(page, '--label', label);
    await expect.poll(() => status(page), { timeout: 15_000 }).toBe('online');
    await page.goto(`${ws.relay().url}/#/inventory/rec-1`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 })
      .toBe('HireRank');
    return page;
  }

  it('merges both leads’ edits and notes, loses nothing typed, and reopens offline', async () => {
    const registry = ws.client('acme/registry', '--role', 'lead');
    createRecord(
      registry.doc,
      'rec-1',
      { name: 'HireRank', vendor: 'Rank Ltd' },
      'admin',
      Date.now(),
    );
    await registry.acknowledged();

    // Both contexts close with the browser, after the suite.
    const a = await ws.browser().newContext();
    const b = await cuttableContext(ws.browser());
    const pageA = await openRecord(a, 'Ana');
    const pageB = await openRecord(b.context, 'Ben');

    // Each sees the other looking at the record (awareness through the relay), by their label.
    for (const [page, other] of [
      [pageA, 'Ben'],
      [pageB, 'Ana'],
    ] as const) {
      const name = `Also viewing this record: ${other}`;
      await expect.poll(() => page.getByRole('list', { name, exact: true }).count()).toBe(1);
    }

    // Ben's network goes; the service worker already controls his page for the reload below.
    await pageB.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await b.setOffline(true);
    await expect.poll(() => status(pageB)).toBe('offline');

    // Both edit different fields and both add a note, at the same time.
    await pageA.getByLabel('Vendor', { exact: true }).fill('Rank Group');
    await pageA.getByLabel('Vendor', { exact: true }).press('Enter');
    await pageA.locator('.record-notes').getByLabel('Kind').selectOption('performance');
    await pageA.getByLabel('Note', { exact: true }).fill('Ana: p95 latency 1.2 s');
    await pageA.getByRole('button', { name: 'Add note' }).click();

    await pageB.getByLabel('Business owner', { exact: true }).fill('Dana (People Ops)');
    await pageB.getByLabel('Business owner', { exact: true }).press('Enter');
    await pageB.locator('.record-notes').getByLabel('Kind').selectOption('drift');
    await pageB.getByLabel('Note', { exact: true }).fill('Ben: accuracy fell 3 points');
    await pageB.getByRole('button', { name: 'Add note' }).click();
    // Ana's change reached the relay but not Ben; Ben's stayed on his device.
    const atRelay = () => readRegistry(registry.doc).records.get('rec-1');
    await waitFor(() => atRelay()?.vendor === 'Rank Group', 'Ana’s change at the relay');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await value(pageB, 'Vendor')).toBe('Rank Ltd');
    expect(atRelay()).not.toHaveProperty('owner');
    expect(readRecordLogs(registry.doc, 'rec-1').notes.map((n) => n.text)).toEqual([
      'Ana: p95 latency 1.2 s',
    ]);

    await b.setOffline(false);
    for (const page of [pageA, pageB]) {
      await expect.poll(() => value(page, 'Vendor'), { timeout: 20_000 }).toBe('Rank Group');
      await expect.poll(() => value(page, 'Business owner')).toBe('Dana (People Ops)');
      await expect
        .poll(async () => (await noteTexts(page)).sort())
        .toEqual(['Ana: p95 latency 1.2 s', 'Ben: accuracy fell 3 points']);
    }
    await waitFor(
      () => readRecordLogs(registry.doc, 'rec-1').notes.length === 2,
      'both notes at the relay',
    );
    expect(readRegistry(registry.doc).records.get('rec-1')).toMatchObject({
      vendor: 'Rank Group',
      owner: 'Dana (People Ops)',
    });
    expect(
      readRecordLogs(registry.doc, 'rec-1')
        .history.map((e) => e.action)
        .sort(),
    ).toEqual(['edited', 'edited', 'note-added', 'note-added']);

    // Offline again, Ben reloads: the record opens from this device, as last synced.
    await b.setOffline(true);
    await pageB.reload();
    await expect
      .poll(() => pageB.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 })
      .toBe('HireRank');
    expect(await status(pageB)).toBe('offline');
    expect(await value(pageB, 'Vendor')).toBe('Rank Group');
    expect((await noteTexts(pageB)).sort()).toEqual([
      'Ana: p95 latency 1.2 s',
      'Ben: accuracy fell 3 points',
    ]);
  });
});
