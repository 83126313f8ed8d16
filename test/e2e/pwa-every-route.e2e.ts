import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SECTIONS } from '../../pwa/src/router/sections.ts';
import { hasChromium } from './harness/browser.ts';
import { seededPages, seedGovernanceWorkspace } from './harness/governance-seed.ts';
import {
  horizontalOverflow,
  overflowingElements,
  sidewaysTables,
  unreachableControls,
} from './harness/layout-probe.ts';
import { seriousViolations, usePwaWorkspace, watchPage } from './harness/pwa-workspace.ts';
import { screenshotPath } from './harness/screenshots.ts';

/**
 * Issue 18's bar for every screen: each route of the navigation (read from the router's list, so
 * a section added later is covered) and a record and an assessment, on a phone (390 × 844) and a
 * desktop (1440 × 900), light and dark: the document is never wider than the screen, no table
 * scrolls sideways on the phone (it is cards there), every control can be scrolled into view and
 * is not covered, and axe finds nothing serious.
 */
const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1440, height: 900 },
] as const;
const THEMES = ['light', 'dark'] as const;
/** The routes whose look the README shows, at each size and theme (docs/screenshots). */
const SHOWN = new Set(['inbox', 'dashboard', 'inventory', 'record']);

const ROUTES = [
  ...SECTIONS.map((s) => ({ name: s.path, hash: `#/${s.path}`, heading: s.heading })),
  ...seededPages,
];

async function open(page: Page, hash: string, heading: string) {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await expect
    .poll(() => page.locator('h1').first().textContent(), { timeout: 10_000 })
    .toContain(heading);
  await page.waitForTimeout(150); // lazy charts and transitions settle
}

/** What is wrong with the page as it is now, one line each. */
async function problems(page: Page, where: string): Promise<string[]> {
  const found: string[] = [];
  const overflow = await horizontalOverflow(page);
  if (overflow > 0) {
    const culprits = (await overflowingElements(page)).join(', ');
    found.push(`${where}: document ${overflow}px wider than the viewport: ${culprits}`);
  }
  if (where.startsWith('phone')) {
    for (const table of await sidewaysTables(page))
      found.push(`${where}: scrolls sideways: ${table}`);
  }
  for (const u of await unreachableControls(page)) {
    found.push(`${where}: ${u.why}: ${u.control}${u.by ? ` under ${u.by}` : ''}`);
  }
  for (const v of await seriousViolations(page)) {
    const targets = v.nodes.map((n) => n.target.join(' ')).join(', ');
    found.push(`${where}: axe ${v.id} (${v.impact}): ${targets}`);
  }
  return found;
}

describe.skipIf(!hasChromium())('every route at every size and theme (end to end)', () => {
  const ws = usePwaWorkspace();
  beforeAll(() => seedGovernanceWorkspace(ws));

  for (const size of SIZES) {
    it(`has no overflow, unreachable control or axe violation at ${size.width}×${size.height}`, async () => {
      const context = await ws.browser().newContext({
        viewport: { width: size.width, height: size.height },
      });
      const page = await context.newPage();
      const csp = watchPage(page, { csp: true });
      await ws.joinAsLead(page);
      const found: string[] = [];
      for (const theme of THEMES) {
        // Reduced motion: the drawer is in place at once, not halfway through its slide.
        await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
        for (const route of ROUTES) {
          await open(page, route.hash, route.heading);
          found.push(...(await problems(page, `${size.name} ${theme} ${route.name}`)));
          if (SHOWN.has(route.name)) {
            await page.screenshot({
              path: screenshotPath(`pwa-${route.name}-${size.name}-${theme}`),
            });
          }
        }
        // A form dialog (a full-screen sheet on a phone).
        await open(page, '#/inventory', 'Inventory');
        await page.getByRole('button', { name: 'New record' }).click();
        await expect
          .poll(() => page.getByRole('dialog', { name: 'New record' }).isVisible())
          .toBe(true);
        found.push(...(await problems(page, `${size.name} ${theme} new record dialog`)));
        await page.keyboard.press('Escape');
        await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
        // The inbox with a tool's details open.
        await open(page, '#/inbox', 'Inbox');
        await page.getByRole('button', { name: 'Claude', exact: true }).click();
        await expect.poll(() => page.locator('aside h2').first().textContent()).toBe('Claude');
        found.push(...(await problems(page, `${size.name} ${theme} inbox details`)));
        await page.screenshot({ path: screenshotPath(`pwa-inbox-details-${size.name}-${theme}`) });
        if (size.name === 'phone') {
          await page.getByRole('button', { name: 'Close details' }).click();
          await page.getByRole('button', { name: 'Menu' }).click();
          await expect
            .poll(() => page.getByRole('button', { name: 'Sign out' }).isVisible())
            .toBe(true);
          found.push(...(await problems(page, `${size.name} ${theme} navigation drawer`)));
          await page.screenshot({ path: screenshotPath(`pwa-drawer-phone-${theme}`) });
          await page.keyboard.press('Escape');
        }
      }
      if (found.length > 0) console.log(found.join('\n'));
      expect(found).toEqual([]);
      expect(csp).toEqual([]);
      await context.close();
    }, 480_000);
  }
});
