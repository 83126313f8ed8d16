import { beforeAll, describe, expect, it } from 'vitest';
import {
  createRecord,
  readDutyTracker,
  setUseProfile,
} from '../../shared/documents/registry/index.ts';
import { waitFor, type TestClient } from '../helpers/relay-client.ts';
import { hasChromium } from './harness/browser.ts';
import { seriousViolations, usePwaWorkspace } from './harness/pwa-workspace.ts';

// The day the test reads the duties on: after the 2026 prohibitions applied (2 Dec 2026), before
// the Annex III high-risk regime (2 Dec 2027, Art. 113 as amended by the Digital Omnibus on AI).
const TODAY = new Date('2026-12-07T10:00:00Z');

describe.skipIf(!hasChromium())('EU AI Act duties on a record (end to end)', () => {
  const workspace = usePwaWorkspace();
  let registry: TestClient;

  beforeAll(async () => {
    registry = workspace.client('acme/registry', '--role', 'lead');
    await registry.outcome();
    const at = TODAY.getTime();
    registry.doc.transact(() => {
      createRecord(registry.doc, 'rec-hire', { name: 'HireRank' }, 'seed', at);
      setUseProfile(registry.doc, 'rec-hire', { annexIII: ['employment.recruitment'] }, 'seed', at);
    });
    await registry.acknowledged();
  });

  it('shows when each duty applies and tracks one to the relay, at 390 px in the dark theme', async () => {
    const context = await workspace.browser().newContext({
      viewport: { width: 390, height: 844 },
      colorScheme: 'dark',
    });
    const page = await context.newPage();
    await page.clock.setFixedTime(TODAY);
    await workspace.joinAsLead(page);
    await page.evaluate(() => (window.location.hash = '#/inventory/rec-hire'));
    await expect
      .poll(() => page.locator('h1').first().textContent(), { timeout: 15_000 })
      .toBe('HireRank');

    // The classification panel: ours first, each with when it applies; the provider's to ask for.
    const panel = page.locator('.duties-by-time');
    await expect.poll(() => panel.textContent()).toMatch(/from 2 Dec 2027\s*Art\. 26\(6\)/);
    expect(await panel.textContent()).toMatch(/applies now\s*Art\. 4 \(deployer\)/);
    expect(await panel.textContent()).toMatch(/What to ask of the provider/);

    // The tracker: Art. 26(2) done, with its owner and evidence, reaches the relay.
    const row = page
      .locator('.tracked-duty')
      .filter({ has: page.locator('cite', { hasText: /^Art\. 26\(2\)$/ }) });
    await row.getByRole('combobox', { name: /^Status/ }).selectOption('done');
    await row.getByRole('textbox', { name: /^Owner/ }).fill('Dana (HR)');
    await row
      .getByRole('textbox', { name: /people named for human oversight/ })
      .fill('Dana and Lee');
    await row.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => row.getByRole('status').textContent()).toBe('Saved.');
    await waitFor(
      () =>
        readDutyTracker(registry.doc).byRecord.get('rec-hire')?.get('art-26-2')?.status === 'done',
      'the tracked duty at the relay',
    );

    // The duties and the tracker fit 390 px: nothing in them reaches past the viewport. (The top
    // bar and the record's fields are wider than 390 px on their own: not this feature's.)
    const past = await page.evaluate(() =>
      [...document.querySelectorAll('.duties-by-time *, .duty-tracker *, .profile-choice *')]
        .filter((el) => el.getBoundingClientRect().right > 390.5)
        .map((el) => `${el.tagName}.${el.className}`),
    );
    expect(past).toEqual([]);
    // And passes axe in the dark theme.
    expect(await seriousViolations(page)).toEqual([]);

    // The dashboard counts the open duties: 12 of the 13 remain, all due before 2 Dec 2027.
    await page.evaluate(() => (window.location.hash = '#/dashboard'));
    const duties = page.locator('.duties-due');
    await expect
      .poll(() => duties.textContent(), { timeout: 15_000 })
      .toMatch(/Due before 2 Dec 2027\s*12/);
    await context.close();
  });
});
