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

/**
 * Issue 14, findings 1, 2 and 5, in Chromium against the real relay: classification answers are
 * kept the moment they are given (a reload shows them, Confirm records them, the history says
 * so in words); two leads who overwrite one field offline both see both values and one keeps
 * one; a record is archived and restored.
 */

const status = (page: Page) => page.getByRole('status', { name: 'connection' }).textContent();
const checkbox = (page: Page, label: string | RegExp) =>
  page.getByRole('checkbox', { name: label });

describe.skipIf(!hasChromium())('records a governance lead can trust', () => {
  const ws = usePwaWorkspace();

  async function openRecord(context: BrowserContext, label: string, id: string): Promise<Page> {
    const page = await context.newPage();
    await ws.joinAsLead(page, '--label', label);
    await expect.poll(() => status(page), { timeout: 15_000 }).toBe('online');
    await page.goto(`${ws.relay().url}/#/inventory/${id}`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 })
      .not.toBe(null);
    // The record page opens its system's monitoring document on demand: in sync before a test
    // takes the device offline (the status says "syncing" from when it opens).
    await page.locator('#monitoring-heading').waitFor();
    await expect.poll(() => status(page), { timeout: 15_000 }).toBe('online');
    return page;
  }

  it('keeps every classification answer over a reload, and Confirm records High-risk', async () => {
    const registry = ws.client('acme/registry', '--role', 'lead');
    createRecord(registry.doc, 'cv-screener', { name: 'CV Screener' }, 'admin', Date.now());
    await registry.acknowledged();
    const context = await ws.browser().newContext();
    const page = await openRecord(context, 'Leila Moreau', 'cv-screener');

    await checkbox(page, /employment: recruitment and selection/).check();
    await checkbox(page, 'It profiles natural persons.').check();
    await expect.poll(() => page.locator('.suggested-category').textContent()).toBe('High-risk');
    // Kept at once: the relay has the draft before anyone confirms.
    const draft = () =>
      readRegistry(registry.doc).records.get('cv-screener')?.classification?.draft?.profile;
    await waitFor(() => draft()?.profilesNaturalPersons === true, 'the draft at the relay');
    expect(draft()?.annexIII).toEqual(['employment.recruitment']);

    await page.reload();
    await expect
      .poll(() => checkbox(page, /employment: recruitment and selection/).isChecked(), {
        timeout: 15_000,
      })
      .toBe(true);
    expect(await checkbox(page, 'It profiles natural persons.').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Confirm', exact: true }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Confirmed' }).textContent())
      .toBe('Confirmed: High-risk, Tier 1.');
    await waitFor(
      () =>
        readRegistry(registry.doc).records.get('cv-screener')?.classification?.decision
          ?.category === 'high-risk',
      'the decision at the relay',
    );
    const history = page.locator('.history-list');
    await expect
      .poll(() => history.textContent())
      .toContain('EU AI Act category: (none) → “High-risk”');
    expect(await history.textContent()).toContain('Tier: (none) → “Tier 1”');
    expect(await history.textContent()).not.toMatch(/userCount|euAiAct|tier-1/);
  });

  it('shows both values two offline leads wrote, and keeps the one chosen', async () => {
    const registry = ws.client('acme/registry', '--role', 'lead');
    createRecord(registry.doc, 'rec-2', { name: 'HireRank', owner: 'Dana' }, 'admin', Date.now());
    await registry.acknowledged();
    const a = await ws.browser().newContext();
    const b = await cuttableContext(ws.browser());
    const pageA = await openRecord(a, 'Ana', 'rec-2');
    const pageB = await openRecord(b.context, 'Ben', 'rec-2');
    await b.setOffline(true);
    await expect.poll(() => status(pageB)).toBe('offline');

    // The text area in the record's fields (its label's name grows with what it holds).
    const purpose = (page: Page) => page.locator('.record-editor textarea');
    await purpose(pageA).fill('Ranks applicants for sales roles by fit.');
    await purpose(pageA).blur();
    await purpose(pageB).fill('Ranks applicants for sales roles; a recruiter reviews each.');
    await purpose(pageB).blur();
    await waitFor(
      () => readRegistry(registry.doc).records.get('rec-2')?.purpose !== undefined,
      'Ana’s purpose at the relay',
    );
    await b.setOffline(false);

    for (const page of [pageA, pageB]) {
      const group = page.getByRole('group', { name: 'Purpose: two values' });
      await expect
        .poll(() => group.locator('q').allTextContents(), { timeout: 20_000 })
        .toEqual(
          expect.arrayContaining([
            'Ranks applicants for sales roles by fit.',
            'Ranks applicants for sales roles; a recruiter reviews each.',
          ]),
        );
    }
    const keep = pageA
      .getByRole('group', { name: 'Purpose: two values' })
      .getByRole('listitem')
      .filter({ hasText: 'a recruiter reviews each' })
      .getByRole('button', { name: 'Keep this' });
    await keep.click();
    for (const page of [pageA, pageB]) {
      await expect
        .poll(() => page.locator('.record-conflict').count(), { timeout: 20_000 })
        .toBe(0);
      await expect
        .poll(() => purpose(page).inputValue())
        .toBe('Ranks applicants for sales roles; a recruiter reviews each.');
    }
    await waitFor(
      () => readRegistry(registry.doc).records.get('rec-2')?.conflicts === undefined,
      'the choice at the relay',
    );
    // Both texts are in the history, whole, and so is the choice.
    const told = readRecordLogs(registry.doc, 'rec-2').history.flatMap((e) => e.changes ?? []);
    expect(told.map((c) => c.to)).toEqual(
      expect.arrayContaining([
        'Ranks applicants for sales roles by fit.',
        'Ranks applicants for sales roles; a recruiter reviews each.',
      ]),
    );
    expect(readRecordLogs(registry.doc, 'rec-2').history[0]?.action).toBe('resolved');
  });

  it('archives a record out of the inventory and restores it', async () => {
    const registry = ws.client('acme/registry', '--role', 'lead');
    createRecord(registry.doc, 'rec-3', { name: 'Old Chatbot' }, 'admin', Date.now());
    await registry.acknowledged();
    const page = await openRecord(await ws.browser().newContext(), 'Ana', 'rec-3');
    await page.getByRole('button', { name: 'Archive', exact: true }).click();
    await waitFor(
      () => readRegistry(registry.doc).records.get('rec-3')?.archived !== undefined,
      'the archive at the relay',
    );
    await page.goto(`${ws.relay().url}/#/inventory`);
    await expect
      .poll(() => page.locator('tbody tr').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(await page.locator('tbody tr[data-record-id="rec-3"]').count()).toBe(0);
    await page.goto(`${ws.relay().url}/#/inventory/rec-3`);
    await page.getByRole('button', { name: 'Restore from the archive' }).click();
    await waitFor(
      () => readRegistry(registry.doc).records.get('rec-3')?.archived === undefined,
      'the restore at the relay',
    );
  });
});
