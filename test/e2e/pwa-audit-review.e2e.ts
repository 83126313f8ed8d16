import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addTopManagement } from '../../shared/documents/aims/fixture.test-support.ts';
import {
  AIMS_FINDINGS,
  AIMS_NONCONFORMITIES,
  readAimsRegister,
  readManagementReviews,
} from '../../shared/documents/aims/index.ts';
import { createRecord } from '../../shared/documents/registry/index.ts';
import { waitFor } from '../helpers/relay-client.ts';
import { hasChromium } from './harness/browser.ts';
import { seriousViolations, usePwaWorkspace } from './harness/pwa-workspace.ts';

const FINDING = 'Recruiters without AI-literacy training';

/** Axe's serious or critical findings on the page, by rule and where. */
async function violations(page: Page) {
  return (await seriousViolations(page)).map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);
}

const overflows = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

// ISO/IEC 42001 9.2 → 10.2 → 9.3 in a real browser against the real relay: a lead plans an audit
// (an auditor from the audited area is refused), records a nonconformity finding (its corrective
// action entry is raised in the 10.2 register), and top management approves the management
// review that sees it; the frozen review is what the relay holds.
describe.skipIf(!hasChromium())('internal audit to management review (end to end)', () => {
  const ws = usePwaWorkspace();

  it('plans an audit, records a nonconformity finding, approves the review that sees it', async () => {
    const registry = ws.client('acme/registry', '--role', 'lead');
    await registry.outcome();
    createRecord(registry.doc, 'rec-1', { name: 'HireRank', owner: 'Dana' }, 'seed', Date.now());
    addTopManagement(registry.doc, ['Maria'], Date.now());
    await registry.acknowledged();

    const context = await ws.browser().newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await ws.joinAsLead(page, '--label', 'Maria');
    await page.evaluate(() => (window.location.hash = '#/aims/aimsAudits'));
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 })
      .toBe('Management system');

    await page.getByRole('button', { name: 'New audit' }).click();
    const audit = page.getByRole('dialog');
    await audit.getByLabel('Audit (required)', { exact: true }).fill('HR use of AI');
    await audit.getByLabel('7.2 Competence', { exact: true }).check();
    await audit.getByLabel('HireRank').check();
    await audit.getByLabel('Audit criteria (required)').fill('Clause 7.2; the AI policy');
    await audit.getByLabel('Auditor (required)').fill('Dana');
    await audit.getByRole('button', { name: 'Add audit' }).click();
    await expect.poll(() => audit.textContent()).toContain('may not audit their own area');
    await audit.getByLabel('Auditor (required)').fill('Omar');
    await audit.getByRole('button', { name: 'Add audit' }).click();
    await expect.poll(() => audit.count()).toBe(0);

    await page.getByRole('button', { name: 'New finding' }).click();
    const finding = page.getByRole('dialog');
    await finding.getByLabel('Finding (required)').fill(FINDING);
    await finding.getByLabel('HR use of AI').check();
    await finding.getByLabel('Kind (required)').selectOption('minor-nonconformity');
    await finding.getByLabel('7.2 Competence', { exact: true }).check();
    await finding.getByLabel('Evidence (required)').fill('Training records: 2 of 6 have none');
    await finding.getByRole('button', { name: 'Add finding' }).click();
    await expect.poll(() => finding.count()).toBe(0);

    // At the relay: the finding links the nonconformity it raised, found by internal audit.
    await waitFor(
      () => readAimsRegister(registry.doc, AIMS_NONCONFORMITIES).entries.length === 1,
      'the nonconformity at the relay',
    );
    const [nc] = readAimsRegister(registry.doc, AIMS_NONCONFORMITIES).entries;
    expect(nc).toMatchObject({
      values: { title: FINDING, source: 'internal-audit', status: 'open' },
      updatedBy: 'Maria',
    });
    expect(
      readAimsRegister(registry.doc, AIMS_FINDINGS).entries[0]?.values.nonconformityIds,
    ).toEqual([nc!.id]);
    const ncSection = page.locator('#aims-aimsNonconformities');
    await expect.poll(() => ncSection.textContent()).toContain('From an audit finding');

    await page.getByRole('button', { name: 'New management review' }).click();
    const review = page.getByRole('dialog');
    await review.getByLabel('Review (required)').fill('Management review Q4 2026');
    await review.getByLabel('Held on').fill('2026-12-07');
    await review.getByLabel('Decisions').fill('Fund AI-literacy training for HR');
    await review.getByRole('button', { name: 'Add management review' }).click();
    await expect.poll(() => review.count()).toBe(0);
    const reviews = page.locator('#aims-aimsReviews');
    await expect.poll(() => reviews.textContent()).toContain(`raised: ${FINDING}`);
    expect(await violations(page)).toEqual([]);
    await reviews.getByRole('button', { name: 'Approve and freeze' }).click();

    await waitFor(
      () => readManagementReviews(registry.doc).reviews[0]?.state === 'approved',
      'the approved review at the relay',
    );
    const [approved] = readManagementReviews(registry.doc).reviews;
    expect(approved).toMatchObject({ approvedBy: 'Maria' });
    expect(approved?.inputs?.nonconformities).toMatchObject({ open: 1, raised: [FINDING] });
    expect(approved?.inputs?.audits.findings['minor-nonconformity']).toBe(1);
    await expect.poll(() => reviews.textContent()).toContain('Approved by Maria');
    expect(await reviews.getByRole('button', { name: /^Edit management review/ }).count()).toBe(0);

    // A phone, dark: the page with its checklists and inputs fits.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await overflows(page)).toBe(false);
    expect(await violations(page)).toEqual([]);
    await context.close();
  });
});
