import { beforeAll, describe, expect, it } from 'vitest';
import { createRecord, readIncidentRegister } from '../../shared/documents/registry/index.ts';
import { waitFor, type TestClient } from '../helpers/relay-client.ts';
import { hasChromium } from './harness/browser.ts';
import { seriousViolations, usePwaWorkspace, watchPage } from './harness/pwa-workspace.ts';

describe.skipIf(!hasChromium())('AI incidents and their legal clocks (end to end)', () => {
  const workspace = usePwaWorkspace();
  let registry: TestClient;

  beforeAll(async () => {
    registry = workspace.client('acme/registry', '--role', 'lead');
    await registry.outcome();
    createRecord(registry.doc, 'rec-grid', { name: 'GridSense' }, 'seed', Date.now());
    await registry.acknowledged();
  });

  it('records a serious incident and shows its Art. 73(3) clock counting down, on the page and the dashboard', async () => {
    const context = await workspace.browser().newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors = watchPage(page, { errors: true });
    await workspace.joinAsLead(page);
    await expect
      .poll(() => page.locator('h1').first().textContent(), { timeout: 15_000 })
      .toBe('Inbox');
    await page.evaluate(() => (window.location.hash = '#/incidents'));
    await page.getByRole('button', { name: 'New incident' }).click();

    const form = page.getByRole('dialog');
    await form.getByLabel('Title (required)').fill('Load forecast froze during peak');
    await form.getByLabel(/Art\. 3\(49\)\(b\)/).check();
    await form.getByRole('button', { name: 'Add incident' }).click();

    // The incident's page: the provider now (Art. 26(5)), the authority within 2 days (Art. 73(3)).
    await expect
      .poll(() => page.locator('h1').first().textContent(), { timeout: 10_000 })
      .toBe('Load forecast froze during peak');
    const clocks = page.getByRole('list', { name: 'Reporting clocks' }).getByRole('listitem');
    await expect
      .poll(() => clocks.allTextContents())
      .toEqual([
        expect.stringMatching(
          /Provider of the system \(AI Act Art\. 26\(5\)\)due immediatelyimmediatelyDue now/,
        ),
        expect.stringMatching(
          /Market-surveillance authority \(AI Act Art\. 73\(3\)\)due .*(1 d 23 h|2 d 0 h) leftRunning/,
        ),
      ]);
    expect(await seriousViolations(page)).toEqual([]);
    // Nothing of the incident's page reaches past 390 px. (The shell's top bar does, today:
    // its theme switch and sign-out button; that is the shell's, not this page's.)
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('.incidents *')]
        .filter((element) => element.getBoundingClientRect().right > 390)
        .map((element) => element.tagName),
    );
    expect(wide).toEqual([]);

    // The relay holds it, with the lead's name and the Art. 3(49)(b) point.
    await waitFor(
      () => readIncidentRegister(registry.doc).incidents.size === 1,
      'the incident in acme/registry',
      10_000,
    );
    const [stored] = readIncidentRegister(registry.doc).incidents.values();
    expect(stored).toMatchObject({ systemId: 'rec-grid', serious: ['b'], kind: 'incident' });

    await page.evaluate(() => (window.location.hash = '#/dashboard'));
    await expect
      .poll(() => page.locator('.running-clocks').textContent(), { timeout: 15_000 })
      .toContain('2 clocks running');
    expect(errors).toEqual([]);
    await context.close();
  });
});
