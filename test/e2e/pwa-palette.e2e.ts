import { beforeAll, describe, expect, it } from 'vitest';
import { createRecord, saveRisk } from '../../shared/documents/registry/index.ts';
import { waitFor } from '../helpers/relay-client.ts';
import { hasChromium } from './harness/browser.ts';
import { seriousViolations, usePwaWorkspace } from './harness/pwa-workspace.ts';

describe.skipIf(!hasChromium())('the command palette (end to end)', () => {
  const ws = usePwaWorkspace();

  beforeAll(async () => {
    // A lead's registry: one system and one risk on it (written through the real relay).
    const lead = ws.client('acme/registry', '--role', 'lead');
    await waitFor(() => lead.provider.synced, 'the lead’s first sync', 10_000);
    createRecord(lead.doc, 'rec-hire', { name: 'HireRank' }, 'lead-1', Date.now());
    saveRisk(
      lead.doc,
      'risk-bias',
      {
        systemIds: ['rec-hire'],
        source: 'algorithmic-bias',
        description: 'Ranks some groups of applicants lower',
        likelihood: 3,
        impact: 5,
        treatment: 'mitigate',
        controls: [],
        status: 'open',
      },
      'lead-1',
      Date.now(),
    );
  });

  it('reaches a risk by "risk" and a tool the workspace has not seen, from the keyboard alone', async () => {
    const context = await ws.browser().newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await ws.joinAsLead(page);
    // The register numbers the risk when a lead opens it.
    await page.goto(page.url().replace(/#.*$/, '#/risks'));
    // The page's chunk loads first (the default poll of 1 s was too short for a loaded machine).
    await expect
      .poll(() => page.locator('td.risk-ref').first().textContent(), { timeout: 10_000 })
      .toBe('R-001');

    await page.keyboard.press('Control+k');
    const input = page.getByRole('combobox');
    await expect.poll(() => input.isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.type('risk');
    const listbox = page.getByRole('listbox');
    await expect
      .poll(() => listbox.getByRole('option', { name: /R-001 Ranks some groups/ }).isVisible())
      .toBe(true);
    expect(await listbox.getByRole('option').first().textContent()).toBe('Go to Risks');
    // Down to the risk, Enter: the register opens it.
    for (;;) {
      const active = await listbox.locator('[aria-selected="true"]').textContent();
      if (active?.startsWith('R-001')) break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('dialog').locator('textarea').first().inputValue())
      .toBe('Ranks some groups of applicants lower');
    await page.keyboard.press('Escape');

    // A catalog tool nobody here uses: the tool catalog says so.
    await page.keyboard.press('Control+k');
    await page.keyboard.type('perplexity');
    await expect
      .poll(() =>
        page
          .getByRole('option', { name: /^Perplexity/ })
          .first()
          .isVisible(),
      )
      .toBe(true);
    await page
      .getByRole('option', { name: /^Perplexity/ })
      .first()
      .click();
    await expect.poll(() => page.url()).toMatch(/#\/tools\/perplexity$/);
    await expect
      .poll(() => page.locator('.catalog-detail').textContent())
      .toContain('Not detected in this workspace yet.');
    await context.close();
  });
});
