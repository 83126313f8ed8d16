import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRecord, readRegistry } from '../../shared/documents/registry/index.ts';
import { waitFor, type TestClient } from '../helpers/relay-client.ts';
import { hasChromium } from './harness/browser.ts';
import { seriousViolations, usePwaWorkspace } from './harness/pwa-workspace.ts';

const RECORDS = 400;

describe.skipIf(!hasChromium())('the PWA inventory list (end to end)', () => {
  const workspace = usePwaWorkspace();
  let registry: TestClient;

  beforeAll(async () => {
    registry = workspace.client('acme/registry', '--role', 'lead');
    await registry.outcome();
    const at = Date.now();
    registry.doc.transact(() => {
      for (let i = 0; i < RECORDS; i++) {
        createRecord(
          registry.doc,
          `rec-${i}`,
          { name: `Tool ${i}`, owner: i % 2 ? 'Dana' : 'Sam', userCount: i },
          'seed',
          at,
        );
      }
    });
    await registry.acknowledged();
  });

  it('lists, searches, sorts, exports, imports and creates records in a real browser', async () => {
    const context = await workspace.browser().newContext({
      viewport: { width: 1280, height: 800 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const alerts: string[] = [];
    page.on('dialog', (dialog) => {
      alerts.push(dialog.message());
      void dialog.dismiss();
    });
    await workspace.joinAsLead(page);
    await expect
      .poll(() => page.locator('h1').first().textContent(), { timeout: 15_000 })
      .toBe('Inbox');
    await page.evaluate(() => (window.location.hash = '#/inventory'));

    // Virtualized: a screenful of the 400 rows is in the page, not all of them.
    const table = page.getByRole('table', { name: 'AI inventory' });
    await expect
      .poll(() => table.getByRole('row', { name: /Tool 0\b/ }).isVisible(), { timeout: 15_000 })
      .toBe(true);
    const rendered = await table.locator('tbody tr').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(80);

    // Search, then the address follows.
    await page.getByLabel('Search the inventory').fill('tool 39');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(11); // 39, 390–399
    await expect.poll(() => page.url()).toContain('q=tool+39');
    // Sort by users, most first, with the header's button (Enter, as a keyboard user would).
    await table.getByRole('button', { name: 'Users' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect.poll(() => table.locator('tbody tr').first().textContent()).toContain('Tool 399');
    expect(await table.getByRole('columnheader', { name: /Users/ }).getAttribute('aria-sort')).toBe(
      'descending',
    );

    // Export: the whole register, whatever the filters.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^acme-inventory-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(RECORDS + 1);

    // Import: columns, then a preview of each row, then the records reach the relay.
    await page.getByLabel('Import CSV or XLSX…').setInputFiles({
      name: 'sheet.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'System,Business owner,Users\r\nContract reader,Legal,4\r\nTool 1,Dana,2\r\n',
      ),
    });
    const preview = page.getByRole('dialog', { name: 'Import from sheet.csv' });
    await preview.getByRole('button', { name: 'Next' }).click();
    await expect
      .poll(() => preview.getByRole('status').textContent())
      .toBe('2 rows · 1 new record · 1 update · 0 skipped');
    expect((await seriousViolations(page)).map((v) => v.id)).toEqual([]);
    await preview.getByRole('button', { name: 'Import 2 rows' }).click();
    await waitFor(
      () =>
        [...readRegistry(registry.doc).records.values()].some((r) => r.name === 'Contract reader'),
      'the imported record at the relay',
      10_000,
    );

    // A new record, by hand: created, then opened.
    await page.getByRole('button', { name: 'New record' }).click();
    const dialog = page.getByRole('dialog', { name: 'New record' });
    await dialog.getByLabel('Name (required)').fill('In-house triage model');
    await dialog.getByRole('button', { name: 'Create record' }).click();
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('In-house triage model');
    expect(page.url()).toMatch(/#\/inventory\/[0-9a-f]{32}$/);
    await waitFor(
      () =>
        [...readRegistry(registry.doc).records.values()].some(
          (r) => r.name === 'In-house triage model',
        ),
      'the new record at the relay',
      10_000,
    );
    expect(alerts).toEqual([]);
    await context.close();
  });
});
