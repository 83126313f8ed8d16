import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './harness/browser.ts';
import { SECTIONS } from '../../pwa/src/router/sections.ts';
import { seededPages, seedGovernanceWorkspace } from './harness/governance-seed.ts';
import { seriousViolations, usePwaWorkspace, watchPage } from './harness/pwa-workspace.ts';

interface Finding {
  where: string;
  rule: string;
  impact: string;
  targets: string[];
}

/** axe on the page as it is now: the serious and critical violations, with their targets. */
async function audit(page: Page, where: string): Promise<Finding[]> {
  return (await seriousViolations(page)).map((v) => ({
    where,
    rule: `${v.id}: ${v.help}`,
    impact: v.impact ?? '',
    targets: v.nodes.map((node) => node.target.join(' ')),
  }));
}

describe.skipIf(!hasChromium())('accessibility of the PWA (end to end, axe)', () => {
  const ws = usePwaWorkspace();

  beforeAll(() => seedGovernanceWorkspace(ws));

  it('has no serious or critical violations on any page, in the light and the dark theme', async () => {
    const context = await ws.browser().newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const csp = watchPage(page, { csp: true });
    await ws.joinAsLead(page);
    await expect
      .poll(() => page.getByRole('row', { name: /Claude/ }).isVisible(), { timeout: 15_000 })
      .toBe(true);

    const findings: Finding[] = [];
    // Every section of the navigation, and a record and an assessment.
    const pages: Array<[string, string, string]> = [
      ...SECTIONS.map((s): [string, string, string] => [s.path, `#/${s.path}`, s.heading]),
      ...seededPages.map((p): [string, string, string] => [p.name, p.hash, p.heading]),
    ];
    for (const theme of ['light', 'dark'] as const) {
      if (theme === 'light') await page.emulateMedia({ colorScheme: 'light' });
      else {
        // Dark through the top bar's switch (the system stays light): the device's choice wins.
        await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
        await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark');
      }
      for (const [name, hash, heading] of pages) {
        await page.evaluate((h) => (window.location.hash = h), hash);
        await expect
          .poll(() => page.locator('h1').first().textContent(), { timeout: 10_000 })
          .toContain(heading);
        await page.waitForTimeout(150); // lazy charts and transitions settle
        findings.push(...(await audit(page, `${name} (${theme})`)));
      }
      // The inbox with a tool's details open, then the open command palette.
      await page.evaluate(() => (window.location.hash = '#/inbox'));
      await page.getByRole('button', { name: 'Claude' }).click();
      await expect.poll(() => page.locator('aside h2').textContent()).toBe('Claude');
      await page.keyboard.press('x'); // ticked: the bulk actions show
      await expect.poll(() => page.getByText('1 selected').isVisible()).toBe(true);
      findings.push(...(await audit(page, `inbox details and selection (${theme})`)));
      await page.keyboard.press('x');
      await page.keyboard.press('Control+k');
      await expect
        .poll(() => page.getByRole('dialog', { name: 'Command palette' }).isVisible())
        .toBe(true);
      await page.keyboard.type('cla');
      findings.push(...(await audit(page, `command palette (${theme})`)));
      await page.keyboard.press('Escape');
    }
    if (findings.length > 0) console.log(JSON.stringify(findings, null, 2));
    expect(findings).toEqual([]);
    expect(csp).toEqual([]);
    await context.close();
  }, 300_000);
});
