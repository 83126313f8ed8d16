import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createRecord } from '../../shared/documents/registry/index.ts';
import { hasChromium } from './harness/browser.ts';
import { cuttableContext } from './harness/cuttable-context.ts';
import { usePwaWorkspace } from './harness/pwa-workspace.ts';

// A member cannot open an assessment: the relay refuses it (test/integration/permissions.test.ts,
// `member → acme/assessment/a1: none`), and the PWA does not even ask
// (pwa/src/sync/assessment-documents.test.ts).

const SECTION = 'The system and its context';
const status = (page: Page) => page.getByRole('status', { name: 'connection' }).textContent();
const section = (page: Page) => page.getByRole('textbox', { name: SECTION, exact: true });
/** The section's text, without the others' carets (their name labels are decorations). */
const text = (page: Page) =>
  section(page).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
    return copy.textContent ?? '';
  });

/** Types at the end of the section, as a person would. */
async function typeAtEnd(page: Page, typed: string) {
  await section(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(typed);
}

describe.skipIf(!hasChromium())('two leads co-edit one assessment section, one offline', () => {
  const ws = usePwaWorkspace();

  async function join(context: BrowserContext, label: string): Promise<Page> {
    const page = await context.newPage();
    await ws.joinAsLead(page, '--label', label);
    await expect.poll(() => status(page), { timeout: 15_000 }).toBe('online');
    return page;
  }

  it('merges what both typed, keeps every character, and reopens offline', async () => {
    const registry = ws.client('acme/registry', '--role', 'lead');
    createRecord(registry.doc, 'rec-1', { name: 'HireRank' }, 'admin', Date.now());
    await registry.acknowledged();

    const a = await ws.browser().newContext();
    const b = await cuttableContext(ws.browser());
    const pageA = await join(a, 'Ana');
    const pageB = await join(b.context, 'Ben');

    // Ana starts the assessment from the record; Ben opens the same one.
    await pageA.goto(`${ws.relay().url}/#/assessments`);
    await pageA.getByRole('button', { name: 'New assessment' }).click();
    await pageA.getByLabel('System to assess').selectOption('rec-1');
    await pageA.getByLabel('AI risk assessment').check();
    await pageA.getByRole('button', { name: 'Create assessment' }).click();
    await expect
      .poll(() => pageA.url(), { timeout: 10_000 })
      .toMatch(/#\/assessments\/[0-9a-f-]+$/);
    // The section starts with the register's live view of the system beside an empty text.
    const register = (page: Page) =>
      page.getByLabel('From the register').first().textContent({ timeout: 10_000 });
    await expect.poll(() => register(pageA), { timeout: 10_000 }).toContain('HireRank');
    await pageB.goto(pageA.url());
    await expect.poll(() => register(pageB), { timeout: 15_000 }).toContain('HireRank');
    const start = await text(pageA);
    await expect.poll(() => text(pageB), { timeout: 15_000 }).toBe(start);

    // Online, each sees the other's typing and caret.
    await typeAtEnd(pageA, ' Ana online.');
    await expect.poll(() => text(pageB)).toContain('Ana online.');
    await expect
      .poll(() => pageB.locator('.collaboration-carets__label').allTextContents())
      .toContain('Ana');

    // Ben loses the network; both keep typing in the same section.
    await pageB.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await b.setOffline(true);
    await expect.poll(() => status(pageB)).toBe('offline');
    const ana = ' Ana typed this while Ben was away: 0123456789.';
    const ben = ' Ben typed this on the plane: abcdefghij!';
    await typeAtEnd(pageA, ana);
    await typeAtEnd(pageB, ben);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await text(pageA)).not.toContain(ben.trim());
    expect(await text(pageB)).not.toContain(ana.trim());

    await b.setOffline(false);
    await expect.poll(() => status(pageB), { timeout: 20_000 }).toBe('online');
    await expect
      .poll(async () => [await text(pageA), await text(pageB)], { timeout: 20_000 })
      .toSatisfy(
        ([x, y]: string[]) => x === y && x!.includes(ana.trim()) && x!.includes(ben.trim()),
      );
    const merged = await text(pageA);
    expect(merged).toContain('Ana online.');
    // Every character typed is there once: the start plus exactly what the two typed.
    expect(merged.length).toBe(start.length + ' Ana online.'.length + ana.length + ben.length);

    // Offline again, Ben reloads: the assessment opens from this device with everything.
    await b.setOffline(true);
    await pageB.reload();
    await expect.poll(() => text(pageB), { timeout: 15_000 }).toBe(merged);
    expect(await status(pageB)).toBe('offline');
  });
});
