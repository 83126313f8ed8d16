import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addTopManagement } from '../../shared/documents/aims/fixture.test-support.ts';
import {
  AIMS_OBJECTIVES,
  AIMS_SCOPE,
  readAiPolicy,
  readAimsRegister,
} from '../../shared/documents/aims/index.ts';
import { readPublishedAiPolicy } from '../../shared/documents/policy/index.ts';
import { createRecord } from '../../shared/documents/registry/index.ts';
import { waitFor } from '../helpers/relay-client.ts';
import { hasChromium } from './harness/browser.ts';
import { seriousViolations, usePwaWorkspace } from './harness/pwa-workspace.ts';

const SCOPE = 'AI systems used by HR and Customer Service at the EU sites';
const SUMMARY = 'Use only approved AI tools for work. Never paste personal data into one.';
const LINK = 'https://intranet.example.com/policies/ai';

/** Axe's serious or critical findings on the page, by rule and where. */
async function violations(page: Page) {
  return (await seriousViolations(page)).map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);
}

/** Whether the page, or an open dialog, is wider than the screen (a sideways scroll on a phone). */
const overflows = (page: Page) =>
  page.evaluate(() => {
    const dialog = document.querySelector<HTMLElement>('[role="dialog"]');
    const box = dialog?.getBoundingClientRect();
    return (
      document.documentElement.scrollWidth > window.innerWidth ||
      (box !== undefined && (box.left < 0 || box.right > window.innerWidth)) ||
      (dialog !== null && dialog.scrollWidth > dialog.clientWidth + 1)
    );
  });

describe.skipIf(!hasChromium())('the management system page (end to end)', () => {
  const ws = usePwaWorkspace();

  it('fills the scope and an objective, sees them at the relay and after a reload, at 1440 and 390 px, light and dark', async () => {
    const registry = ws.client('acme/registry', '--role', 'lead');
    await registry.outcome();
    createRecord(registry.doc, 'rec-1', { name: 'HireRank' }, 'seed', Date.now());
    await registry.acknowledged();

    const context = await ws.browser().newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await ws.joinAsLead(page, '--label', 'Ana');
    await page.evaluate(() => (window.location.hash = '#/aims'));
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 })
      .toBe('Management system');

    // The scope statement.
    await page.getByRole('button', { name: 'Write the scope statement' }).click();
    const scopeDialog = page.getByRole('dialog');
    await scopeDialog.getByLabel('Scope statement (required)').fill(SCOPE);
    await scopeDialog.getByLabel('Boundaries').fill('Excludes the research lab');
    await scopeDialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => scopeDialog.count()).toBe(0);

    // An objective from Annex C, linked to the record.
    await page.getByRole('button', { name: 'New objective' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('Annex C objective (required)').selectOption('Fairness');
    await form
      .getByLabel('Objective (required)', { exact: true })
      .fill('No unexplained gap in shortlisting');
    await form.getByLabel('Measure (required)').fill('Selection-rate ratio, quarterly');
    await form.getByLabel('Target (required)').fill('≥ 0.8');
    await form.getByLabel('Owner').fill('Dana');
    await form.getByLabel('Due date').fill('2027-03-31');
    await form.getByLabel('Status (required)').selectOption('on-track');
    await form.getByLabel('HireRank').check();
    await form.getByRole('button', { name: 'Add objective' }).click();
    await expect.poll(() => form.count()).toBe(0);

    // At the relay, as written, by the person the invitation names.
    await waitFor(
      () => readAimsRegister(registry.doc, AIMS_OBJECTIVES).entries.length === 1,
      'the objective at the relay',
    );
    expect(readAimsRegister(registry.doc, AIMS_OBJECTIVES).entries[0]).toMatchObject({
      values: { annexC: 'Fairness', target: '≥ 0.8', systemIds: ['rec-1'] },
      updatedBy: 'Ana',
    });
    expect(readAimsRegister(registry.doc, AIMS_SCOPE).entries[0]?.values.statement).toBe(SCOPE);

    // After a reload, both are there, from this device and the relay.
    await page.reload();
    const objectives = page.locator('#aims-aimsObjectives');
    await expect
      .poll(() => objectives.locator('.aims-entry h3').allTextContents(), { timeout: 15_000 })
      .toEqual(['No unexplained gap in shortlisting']);
    expect(await objectives.textContent()).toContain('HireRank');
    expect(await page.locator('#aims-aimsScope').textContent()).toContain(SCOPE);
    expect(await violations(page)).toEqual([]);
    expect(await overflows(page)).toBe(false);

    // A phone, dark.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await overflows(page)).toBe(false);
    expect(await violations(page)).toEqual([]);
    await page.getByRole('button', { name: /^Edit objective/ }).click();
    expect(await overflows(page)).toBe(false);
    expect(await violations(page)).toEqual([]);
    await context.close();
  });

  it('top management approves a policy draft in the browser, and the policy document at the relay carries it', async () => {
    const registry = ws.client('acme/registry', '--role', 'lead');
    const policy = ws.client('acme/policy', '--role', 'lead');
    await Promise.all([registry.outcome(), policy.outcome()]);
    addTopManagement(registry.doc, ['Maria'], Date.now());
    await registry.acknowledged();

    const context = await ws.browser().newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await ws.joinAsLead(page, '--label', 'Maria');
    await page.evaluate(() => (window.location.hash = '#/aims/aimsPolicy'));
    await page.getByRole('button', { name: 'New draft' }).click({ timeout: 15_000 });
    const form = page.getByRole('dialog');
    await form.getByLabel('Summary for employees (required)').fill(SUMMARY);
    await form.getByLabel('Link to the whole policy (https, required)').fill(LINK);
    await form.getByRole('button', { name: 'Save draft' }).click();
    await page.getByRole('button', { name: 'Approve and publish' }).click();

    await waitFor(
      () => readPublishedAiPolicy(policy.doc).policy?.number === 1,
      'the published policy at the relay',
    );
    expect(readPublishedAiPolicy(policy.doc).policy).toMatchObject({
      summary: SUMMARY,
      link: LINK,
      publishedBy: 'Maria',
    });
    expect(readAiPolicy(registry.doc).current).toMatchObject({ number: 1, approvedBy: 'Maria' });
    await expect
      .poll(() => page.locator('#aims-aimsPolicy').textContent())
      .toContain('Published to the browser extensions.');
    await context.close();
  });
});
