import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createRecord,
  readCustomFields,
  readRegistry,
} from '../../shared/documents/registry/index.ts';
import { waitFor, type TestClient } from '../helpers/relay-client.ts';
import { hasChromium } from './harness/browser.ts';
import { seriousViolations, usePwaWorkspace, watchPage } from './harness/pwa-workspace.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'shared', 'inventory', 'import', 'fixtures');

async function audit(page: Page) {
  return (await seriousViolations(page)).map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** Whether the open dialog is wider than the screen, or scrolls sideways inside. */
const overflows = (page: Page) =>
  page.evaluate(() => {
    const dialog = document.querySelector('[role="dialog"]')!;
    const box = dialog.getBoundingClientRect();
    return (
      box.left < 0 || box.right > window.innerWidth || dialog.scrollWidth > dialog.clientWidth + 1
    );
  });

describe.skipIf(!hasChromium())('inventory import from a register spreadsheet (end to end)', () => {
  const workspace = usePwaWorkspace();
  let registry: TestClient;

  beforeAll(async () => {
    registry = workspace.client('acme/registry', '--role', 'lead');
    await registry.outcome();
    // Already in the inventory: the file's row for it updates it.
    createRecord(
      registry.doc,
      'chatgpt-record',
      { name: 'ChatGPT Enterprise', owner: 'IT' },
      'seed',
      Date.now(),
    );
    await registry.acknowledged();
  });

  it('maps the columns and values of an XLSX register, previews every row, and the relay gets the records', async () => {
    const context = await workspace.browser().newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors = watchPage(page, { errors: true });
    await workspace.joinAsLead(page);
    await page.evaluate(() => (window.location.hash = '#/inventory'));
    await page
      .getByLabel('Import CSV or XLSX…')
      .setInputFiles(join(FIXTURES, 'company-ai-register.xlsx'));

    const dialog = page.getByRole('dialog', { name: 'Import from company-ai-register.xlsx' });
    await expect
      .poll(() => dialog.textContent(), { timeout: 15_000 })
      .toContain('Step 1 of 3: columns');
    expect(await dialog.getByLabel('Column Anbieter goes to').inputValue()).toBe('vendor');
    expect(await dialog.getByLabel('Column Approx. # Users goes to').inputValue()).toBe(
      'userCount',
    );
    expect(await dialog.getByLabel('Column Risk tier goes to').inputValue()).toBe('custom');
    expect(await overflows(page)).toBe(false);
    expect(await audit(page)).toEqual([]);

    await dialog.getByRole('button', { name: 'Next' }).click();
    expect(await dialog.getByLabel('Lifecycle “Pre-deployment” becomes').inputValue()).toBe(
      'development',
    );
    expect(await dialog.getByLabel('Lifecycle “Außer Betrieb” becomes').inputValue()).toBe(
      'retired',
    );
    await dialog.getByLabel('Lifecycle “Under review” becomes').selectOption('procurement');
    expect(await audit(page)).toEqual([]);

    await dialog.getByRole('button', { name: 'Next' }).click();
    await expect
      .poll(() => dialog.getByRole('status').textContent())
      .toBe('8 rows · 5 new records · 2 updates · 1 skipped');
    const rows = dialog.getByRole('table', { name: 'What each row does' });
    expect(await rows.getByRole('row', { name: /^7 — Skipped/ }).textContent()).toContain(
      'it has no name',
    );
    expect(await rows.getByRole('row', { name: /^4 ChatGPT Enterprise/ }).textContent()).toContain(
      'Updates “ChatGPT Enterprise”',
    );
    expect(await overflows(page)).toBe(false);
    expect(await audit(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Import 8 rows' }).click();
    await expect
      .poll(() => page.locator('.import-message').textContent())
      .toBe('Imported company-ai-register.xlsx: 8 rows · 5 new records · 2 updates · 1 skipped.');

    await waitFor(
      () => readRegistry(registry.doc).records.size === 6,
      'the imported records at the relay',
      10_000,
    );
    const records = [...readRegistry(registry.doc).records.values()];
    const copilot = records.find((r) => r.name === 'Microsoft 365 Copilot')!;
    expect(copilot).toMatchObject({
      departments: ['Personal', 'Vertrieb'],
      toolKeys: ['microsoft-365-copilot'],
    });
    expect(records.find((r) => r.name === 'GitHub Copilot')?.lifecycle).toBe('procurement');
    expect(records.find((r) => r.id === 'chatgpt-record')).toMatchObject({
      owner: 'Lukas Braun',
      userCount: 180,
    });
    expect(readCustomFields(registry.doc).byRecord.get(copilot.id)).toContainEqual({
      name: 'Risk tier',
      value: 'Limited',
    });

    // The record shows what the file held beyond the record's fields.
    await page.evaluate((id) => (window.location.hash = `#/inventory/${id}`), copilot.id);
    const imported = page.getByRole('region', { name: 'Imported fields' });
    await expect
      .poll(() => imported.textContent(), { timeout: 10_000 })
      .toContain('Risk tierLimited');
    expect(await audit(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reads the Dutch register’s CSV (semicolons, a byte-order mark) with its Dutch headers and statuses', async () => {
    const context = await workspace
      .browser()
      .newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'dark' });
    const page = await context.newPage();
    await workspace.joinAsLead(page);
    await page.evaluate(() => (window.location.hash = '#/inventory'));
    await page.getByLabel('Import CSV or XLSX…').setInputFiles({
      name: 'algoritmeregister.csv',
      mimeType: 'text/csv',
      buffer: readFileSync(join(FIXTURES, 'nl-algoritmeregister.csv')),
    });
    const dialog = page.getByRole('dialog', { name: 'Import from algoritmeregister.csv' });
    await expect.poll(() => dialog.textContent(), { timeout: 15_000 }).toContain('Step 1 of 3');
    expect(await dialog.getByLabel('Column Leverancier goes to').inputValue()).toBe('vendor');
    await dialog.getByRole('button', { name: 'Next' }).click();
    expect(await dialog.getByLabel('Lifecycle “Buiten gebruik” becomes').inputValue()).toBe(
      'retired',
    );
    await dialog.getByRole('button', { name: 'Next' }).click();
    await expect
      .poll(() => dialog.getByRole('status').textContent())
      .toBe('4 rows · 3 new records · 1 update · 0 skipped');
    expect(await audit(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Import 4 rows' }).click();
    await waitFor(
      () =>
        [...readRegistry(registry.doc).records.values()].some(
          (r) => r.name === 'Risicomodel bijstand',
        ),
      'the Dutch records at the relay',
      10_000,
    );
    await context.close();
  });
});
