import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  createRecord,
  indexAssessment,
  pendingChangeReviews,
  readAssessmentIndex,
  readChangeMarks,
  reviewSignificantChange,
} from '../../shared/documents/registry/index.ts';
import { waitFor } from '../helpers/relay-client.ts';
import { hasChromium } from './harness/browser.ts';
import { cuttableContext } from './harness/cuttable-context.ts';
import { usePwaWorkspace } from './harness/pwa-workspace.ts';

/**
 * CHG1–CHG4 (docs/assessments.md) in a real browser through the real relay: two leads change a
 * record's model and purpose, one of them offline; both changes mark the assessment, both marks
 * reach every device, and a lead's review clears them on each.
 */

const status = (page: Page) => page.getByRole('status', { name: 'connection' }).textContent();
const marks = (page: Page) => page.locator('.change-marks li').allTextContents();

describe.skipIf(!hasChromium())('a significant change, made offline and online at once', () => {
  const ws = usePwaWorkspace();

  async function openRecord(context: BrowserContext, label: string): Promise<Page> {
    const page = await context.newPage();
    await ws.joinAsLead(page, '--label', label);
    await expect.poll(() => status(page), { timeout: 15_000 }).toBe('online');
    await page.goto(`${ws.relay().url}/#/inventory/rec-1`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 })
      .toBe('HireRank');
    return page;
  }

  it('marks the assessment for both changes on every device until a lead reviews them', async () => {
    const registry = ws.client('acme/registry', '--role', 'lead');
    const at = Date.now() - 60_000;
    createRecord(registry.doc, 'rec-1', { name: 'HireRank', model: 'gpt-4o' }, 'admin', at);
    indexAssessment(registry.doc, {
      id: 'as-1',
      recordId: 'rec-1',
      kind: 'impact',
      title: 'Impact of HireRank',
      createdAt: at,
      createdBy: 'admin',
    });
    await registry.acknowledged();

    const a = await ws.browser().newContext();
    const b = await cuttableContext(ws.browser());
    const pageA = await openRecord(a, 'Ana');
    const pageB = await openRecord(b.context, 'Ben');
    expect(await marks(pageA)).toEqual([]);

    await pageB.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await b.setOffline(true);
    await expect.poll(() => status(pageB)).toBe('offline');

    // Held by its element: while it holds a draft, the field's name says so.
    const purpose = (await pageA.getByLabel('Purpose', { exact: true }).elementHandle())!;
    await purpose.fill('Ranks and rejects CVs');
    await purpose.press('Control+Enter');
    await pageB.getByLabel('Model', { exact: true }).fill('claude-sonnet');
    await pageB.getByLabel('Model', { exact: true }).press('Enter');
    // Each device marks its own change at once, offline too.
    await expect
      .poll(() => marks(pageA))
      .toEqual([expect.stringContaining('Purpose: (none) → “Ranks and rejects CVs”')]);
    await expect
      .poll(() => marks(pageB))
      .toEqual([expect.stringContaining('Model: “gpt-4o” → “claude-sonnet”')]);
    await expect
      .poll(() => pageB.getByText('Review due: significant change').first().textContent())
      .toContain('impact assessment and FRIA');

    await b.setOffline(false);
    for (const page of [pageA, pageB]) {
      await expect.poll(async () => (await marks(page)).length, { timeout: 20_000 }).toBe(2);
    }
    const pending = () =>
      pendingChangeReviews(
        readChangeMarks(registry.doc),
        readAssessmentIndex(registry.doc).assessments,
      );
    await waitFor(() => pending()[0]?.marks.length === 2, 'both marks at the relay');

    // The dashboard lists the same changes.
    await pageA.goto(`${ws.relay().url}/#/dashboard`);
    await expect.poll(() => marks(pageA), { timeout: 15_000 }).toHaveLength(2);

    // A lead's review (here through the relay) clears both, on every device.
    reviewSignificantChange(registry.doc, readAssessmentIndex(registry.doc).assessments, {
      assessmentId: 'as-1',
      markIds: pending()[0]!.marks.map((mark) => mark.id),
      outcome: 'reassessed',
      by: 'admin',
      at: Date.now(),
    });
    await registry.acknowledged();
    await expect
      .poll(() => pageA.getByText('No assessment has a significant change waiting').count(), {
        timeout: 15_000,
      })
      .toBe(1);
    await expect.poll(() => marks(pageB), { timeout: 15_000 }).toEqual([]);
  });
});
