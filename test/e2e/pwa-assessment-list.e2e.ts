import { describe, expect, it } from 'vitest';
import { AI_RISK_ASSESSMENT, startAssessment } from '../../shared/assessments/index.ts';
import { readAssessment, setSectionStatus } from '../../shared/documents/assessment/index.ts';
import {
  createRecord,
  indexAssessment,
  readRegistryRecord,
} from '../../shared/documents/registry/index.ts';
import { hasChromium } from './harness/browser.ts';
import { usePwaWorkspace, watchPage } from './harness/pwa-workspace.ts';

const LISTED = 200;

// docs/pwa.md, "Progress": the list opens only the documents of the rows on screen, and what it
// shows is what the assessment's page shows.
describe.skipIf(!hasChromium())('the assessment list at scale (end to end)', () => {
  const ws = usePwaWorkspace();

  it(`lists ${LISTED} assessments opening only the rows in view, each agreeing with its page`, async () => {
    const registry = ws.client('acme/registry', '--role', 'lead');
    await registry.outcome();
    const at = Date.now();
    createRecord(registry.doc, 'rec-1', { name: 'HireRank' }, 'dana', at);
    // The oldest (listed last) is a real assessment with one section done; the others are index
    // entries whose documents nobody has written yet.
    const oldest = ws.client('acme/assessment/a-oldest', '--role', 'lead');
    await oldest.outcome();
    const record = readRegistryRecord(registry.doc, 'rec-1')!;
    startAssessment(oldest.doc, { template: AI_RISK_ASSESSMENT, record }, 'dana', at);
    const outline = readAssessment(oldest.doc).meta!.outline;
    setSectionStatus(oldest.doc, outline[0]!.id, 'done', 'dana', at);
    await oldest.acknowledged();
    for (let i = 0; i < LISTED; i++) {
      indexAssessment(registry.doc, {
        id: i === 0 ? 'a-oldest' : `a-${i}`,
        recordId: 'rec-1',
        kind: 'risk',
        title: i === 0 ? 'The oldest assessment' : `Assessment ${i}`,
        createdAt: at - 1_000 + i,
        createdBy: 'dana',
      });
    }
    await registry.acknowledged();

    const context = await ws.browser().newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const problems = watchPage(page, { errors: true, csp: true });
    await ws.joinAsLead(page);
    await page.evaluate(() => (window.location.hash = '#/assessments'));
    const progress = page.locator('td[data-label="Progress"]');
    await expect.poll(() => progress.count(), { timeout: 15_000 }).toBe(LISTED);
    await expect
      .poll(() => progress.first().textContent(), { timeout: 15_000 })
      .toBe('Not on this device yet');

    // Only the rows on screen (and 200 px around) read their documents; the rest say so. (The
    // rows' own holds: the notification feed holds every listed assessment on its own, 2 s after
    // the first screen, NTF-UI4, so the browser's count of open documents is not the list's.)
    await page.waitForTimeout(2_500); // past the start of the feed's holds
    const texts = await progress.allTextContents();
    const read = texts.filter((text) => text !== 'Not read yet').length;
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(40); // 18 rows fit 900 px and its 200 px margins
    expect(texts.at(-1)).toBe('Not read yet');

    // Scrolled to the end, the last row reads its document: the same count as its page.
    await progress.last().scrollIntoViewIfNeeded();
    const words = `1 of ${outline.length} sections done`;
    // Generous: the notification feed is syncing all 200 documents on the same socket meanwhile
    // (NTF-UI4), which on a loaded machine took longer than 15 s (CI).
    await expect.poll(() => progress.last().textContent(), { timeout: 60_000 }).toBe(words);
    await page.getByRole('link', { name: 'The oldest assessment' }).click();
    await expect
      .poll(() => page.locator('.assessment-progress').first().textContent(), { timeout: 15_000 })
      .toBe(words);
    expect(problems).toEqual([]);
    await context.close();
  });
});
