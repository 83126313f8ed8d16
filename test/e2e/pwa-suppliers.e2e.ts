import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { AIMS_SUPPLIERS, saveAimsEntry } from '../../shared/documents/aims/index.ts';
import { createRecord } from '../../shared/documents/registry/index.ts';
import { hasChromium } from './harness/browser.ts';
import { horizontalOverflow, overflowingElements } from './harness/layout-probe.ts';
import { seriousViolations, usePwaWorkspace } from './harness/pwa-workspace.ts';

const DAY = 86_400_000;

/** What is wrong with the page as it is now: overflow and axe's serious findings. */
async function problems(page: Page, where: string): Promise<string[]> {
  await page.waitForTimeout(150); // lazy panels and transitions settle, as on every route
  const found: string[] = [];
  const overflow = await horizontalOverflow(page);
  if (overflow > 0) {
    found.push(`${where}: ${overflow}px too wide: ${(await overflowingElements(page)).join(', ')}`);
  }
  for (const v of await seriousViolations(page)) {
    found.push(`${where}: axe ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }
  return found;
}

// A supplier file for ChatGPT Enterprise (catalog id openai-chatgpt, whose vendor facts cite
// OpenAI's help pages), renewing in 20 days with the audit-rights clause absent.
describe.skipIf(!hasChromium())('supplier files (end to end)', () => {
  const ws = usePwaWorkspace();

  it('shows the supplier file and the record that uses it alike, at 390 and 1440 px, light and dark', async () => {
    const registry = ws.client('acme/registry', '--role', 'lead');
    await registry.outcome();
    const now = Date.now();
    createRecord(registry.doc, 'rec-gpt', { name: 'ChatGPT Enterprise' }, 'seed', now);
    saveAimsEntry(
      registry.doc,
      AIMS_SUPPLIERS,
      'sup-openai',
      {
        title: 'OpenAI',
        toolId: 'openai-chatgpt',
        recordIds: ['rec-gpt'],
        renewalDate: now - (now % DAY) + 20 * DAY,
        clause_auditRights: 'absent',
        clause_auditRightsNote: 'No audit right in the order form',
        instructionsLink: 'https://openai.com/policies/usage-policies/',
      },
      'seed',
      now,
    );
    await registry.acknowledged();

    const found: string[] = [];
    for (const width of [390, 1440]) {
      const context = await ws.browser().newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await ws.joinAsLead(page, '--label', 'Ana');
      for (const theme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
        await page.evaluate(() => (window.location.hash = '#/aims/aimsSuppliers'));
        const card = page.locator('#aims-aimsSuppliers .aims-entry').first();
        await expect.poll(() => card.textContent(), { timeout: 15_000 }).toContain('OpenAI');
        const badge = await card.locator('.aims-badge').textContent();
        expect(badge).toMatch(/^Renewal due \d{4}-\d\d-\d\d · 6 contract clauses not present$/);
        expect(await card.locator('a.vendor-fact-source').first().getAttribute('href')).toMatch(
          /^https:\/\/help\.openai\.com\//,
        );
        found.push(...(await problems(page, `${width} ${theme} supplier file`)));

        await page.evaluate(() => (window.location.hash = '#/inventory/rec-gpt'));
        const panel = page.locator('.record-suppliers');
        await expect.poll(() => panel.textContent(), { timeout: 10_000 }).toContain('OpenAI');
        expect(await panel.locator('.aims-badge').textContent()).toBe(badge);
        found.push(...(await problems(page, `${width} ${theme} record`)));
      }
      await context.close();
    }
    expect(found).toEqual([]);
  }, 300_000);
});
