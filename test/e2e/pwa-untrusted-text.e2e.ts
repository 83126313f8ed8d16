import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setWorkspaceTool } from '../../shared/documents/policy/index.ts';
import { addFlag, recordSightings } from '../../shared/documents/report/index.ts';
import { hasChromium } from './harness/browser.ts';
import { usePwaWorkspace, watchPage } from './harness/pwa-workspace.ts';

// Every payload, if it ever ran, would set window.__pwned.
const NAMES = [
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload="window.__pwned=2">',
  '<script>window.__pwned=3</script>',
  'javascript:window.__pwned=4//',
];
const PURPOSE = '<a href="javascript:window.__pwned=5">summarise</a><iframe srcdoc="x">';
const NOTE = "{{constructor.constructor('window.__pwned=6')()}}<style>*{display:none}</style>";
const hostOf = (i: number) => `evil-${i}.example`;
const toolOf = (i: number) => `evil-${i}`;

const pwned = (page: Page) =>
  page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

describe.skipIf(!hasChromium())('untrusted text in the PWA (end to end)', () => {
  const ws = usePwaWorkspace();

  it('shows hostile tool names, purposes and hosts literally and runs none of them', async () => {
    // A report cannot name a tool (docs/sync.md H16): names come from the catalog, so hostile
    // names reach the PWA through the workspace's own catalog, which a lead writes (W/policy).
    const relay = ws.relay();
    const policy = ws.client('acme/policy', '--role', 'lead');
    NAMES.forEach((name, i) =>
      setWorkspaceTool(policy.doc, { id: toolOf(i), name, hosts: [hostOf(i)] }),
    );
    await policy.acknowledged();
    // A member's extension reports those tools, with hostile flags.
    const report = ws.client('acme/reports/r1', '--role', 'member', '--reporter', 'r1');
    const at = Date.now();
    recordSightings(
      report.doc,
      NAMES.map((name, i) => ({
        toolKey: toolOf(i),
        name,
        category: 'other' as const,
        host: hostOf(i),
        signal: 'visit' as const,
        at,
      })),
    );
    NAMES.forEach((name, i) =>
      addFlag(report.doc, {
        id: `flag-${i}`,
        toolKey: toolOf(i),
        host: hostOf(i),
        name,
        purpose: PURPOSE,
        dataCategories: ['confidential'],
        note: NOTE,
        createdAt: at,
      }),
    );
    await report.acknowledged();

    const context = await ws.browser().newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    // Errors, dialogs and violations the page reports: none may mention the Content Security Policy.
    const problems = watchPage(page, { errors: true, csp: true, dialogs: true });
    await ws.joinAsLead(page);
    const rows = page.locator('.inbox-table tbody tr');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(NAMES.length);

    // The inbox: every name and purpose is text, and no element came out of them.
    const names = await page.locator('.inbox-table tbody th button.link').allTextContents();
    expect(names.sort()).toEqual([...NAMES].sort());
    expect(await page.locator('.inbox-table').textContent()).toContain(`For: ${PURPOSE}`);
    const injected = 'img[src="x"], svg[onload], script:not([src]), iframe, a[href^="javascript"]';
    expect(await page.locator(injected).count()).toBe(0);

    // The detail panel of each tool, with its hosts and purposes.
    for (const [i, name] of NAMES.entries()) {
      await page.locator(`tr[data-tool-key="${toolOf(i)}"] button.link`).click();
      const panel = page.locator('aside.detail-panel');
      await expect.poll(() => panel.locator('h2').textContent()).toBe(name);
      expect(await panel.textContent()).toContain(hostOf(i));
      expect(await panel.locator('li').allTextContents()).toEqual([PURPOSE]);
    }

    // A record opened from the last one, then found again through the palette.
    await page.keyboard.press('o');
    await page.getByRole('button', { name: 'Create record' }).click();
    await expect.poll(() => page.getByRole('status').last().textContent()).toContain('Opened');
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.getByRole('combobox').fill('pwned');
    // Each option's label (a tool's option adds its vendor and category as a detail after it).
    const labels = palette.locator('[role="option"] .palette-label');
    await expect.poll(() => labels.allTextContents()).toEqual(expect.arrayContaining(NAMES));
    expect(await palette.locator(injected).count()).toBe(0);
    await palette.getByRole('option', { name: NAMES[3]!, exact: true }).last().click();
    await expect.poll(() => page.url()).toMatch(/#\/inventory\/[\w-]+$/);
    await expect.poll(() => page.locator('h1').textContent()).toBe(NAMES[3]);

    // Served by the service worker from its cache, the page keeps a nonce that matches its policy.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null))
      .toBe(relay.url + '/sw.js');
    await expect.poll(() => page.locator('h1').textContent()).toBe(NAMES[3]);
    await page.keyboard.press('Control+k');
    await expect.poll(() => palette.isVisible()).toBe(true);
    await page.keyboard.press('Escape');

    await page.waitForTimeout(300);
    expect(await pwned(page)).toBeUndefined();
    expect(await page.locator(injected).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
