import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { AI_RISK_ASSESSMENT, startAssessment } from '../../shared/assessments/index.ts';
import {
  appendParagraphs,
  readAssessment,
  sectionFragment,
  setReviewer,
  setSectionStatus,
  VERSIONS,
} from '../../shared/documents/assessment/index.ts';
import { setStatus } from '../../shared/documents/policy/index.ts';
import {
  createRecord,
  indexAssessment,
  readRegistry,
  saveRisk,
} from '../../shared/documents/registry/index.ts';
import type * as Y from 'yjs';
import { hasChromium } from './harness/browser.ts';
import { usePwaWorkspace } from './harness/pwa-workspace.ts';

// Issue 14, findings 3 and 4, in the browser: a lead cannot sign off alone; a named reviewer
// approves; what a contributor changes after the approval reads "changed after approval" on
// screen and in the export; the draft exports after a version; the SoA lists the risk's control.

const versionRow = (page: Page) => page.locator('.workflow-versions tbody tr').first();

describe.skipIf(!hasChromium())('sign-off in the PWA (end to end)', () => {
  const ws = usePwaWorkspace();

  beforeAll(async () => {
    const at = Date.now();
    const registry = ws.client('acme/registry', '--role', 'lead');
    await registry.outcome();
    createRecord(registry.doc, 'rec-1', { name: 'HireRank', owner: 'Dana (HR)' }, 'Dana', at);
    saveRisk(
      registry.doc,
      'risk-1',
      {
        systemIds: ['rec-1'],
        source: 'algorithmic-bias',
        description: 'Ranks some applicants lower for their accent',
        likelihood: 3,
        impact: 5,
        treatment: 'mitigate',
        controls: ['A.5.4'],
        status: 'treating',
      },
      'Dana',
      at,
    );
    const assessment = ws.client('acme/assessment/a1', '--role', 'lead');
    await assessment.outcome();
    const doc = assessment.doc;
    const record = readRegistry(registry.doc).records.get('rec-1')!;
    startAssessment(doc, { template: AI_RISK_ASSESSMENT, record }, 'Dana', at);
    for (const id of ['owners', 'treatment', 'decision']) {
      appendParagraphs(sectionFragment(doc, id, [])!, [`What we decided about ${id}.`]);
    }
    setReviewer(doc, 'Ben', true);
    for (const section of readAssessment(doc).meta!.outline) {
      setSectionStatus(doc, section.id, 'done', 'Dana', at);
    }
    indexAssessment(registry.doc, {
      id: 'a1',
      recordId: 'rec-1',
      kind: 'risk',
      title: readAssessment(doc).meta!.title,
      createdAt: at,
      createdBy: 'Dana',
    });
    // Two tools banned by the policy, neither made a record of.
    const policy = ws.client('acme/policy', '--role', 'lead');
    await policy.outcome();
    for (const tool of ['deepseek-chat', 'character-ai']) {
      setStatus(policy.doc, tool, {
        status: 'banned',
        guidance: 'Not allowed.',
        updatedBy: 'Dana',
        updatedAt: at,
      });
    }
    await Promise.all([registry.acknowledged(), assessment.acknowledged(), policy.acknowledged()]);
  });

  it('needs a reviewer’s approval, and shows a later change everywhere', async () => {
    const ana = await (await ws.browser().newContext({ acceptDownloads: true })).newPage();
    const ben = await (await ws.browser().newContext()).newPage();
    await ws.joinAsLead(ana, '--label', 'Ana');
    await ws.joinAsLead(ben, '--label', 'Ben');
    const url = `${ws.relay().url}/#/assessments/a1`;
    await ana.goto(url);
    await ben.goto(url);

    // Ana, a lead, cannot sign off alone.
    const signOff = ana.getByRole('button', { name: 'Sign off', exact: true });
    await expect
      .poll(() => ana.locator('.workflow-blockers').textContent(), { timeout: 15_000 })
      .toContain('needs 1 approval of this text from named reviewers other than you; it has 0');
    expect(await signOff.isDisabled()).toBe(true);
    // The register's view of the system is live beside the text.
    await expect
      .poll(() => ana.getByRole('group', { name: 'From the register' }).first().textContent())
      .toContain('HireRank');

    // Ben, the named reviewer, approves the text as it stands.
    await ben.getByRole('button', { name: 'Approve this text' }).click();
    await expect.poll(() => signOff.isDisabled(), { timeout: 15_000 }).toBe(false);
    await signOff.click();
    await ana.getByRole('button', { name: 'Sign off and freeze' }).click();
    await expect
      .poll(() => versionRow(ana).textContent(), { timeout: 15_000 })
      .toContain('Approved');

    // A contributor renames the approved version in the document (Yjs cannot stop a writer).
    const contributor = ws.client('acme/assessment/a1', '--role', 'contributor');
    await contributor.outcome();
    await expect.poll(() => contributor.doc.getMap(VERSIONS).size, { timeout: 15_000 }).toBe(1);
    const [version] = [...contributor.doc.getMap<Y.Map<unknown>>(VERSIONS).values()];
    version!.set('name', 'Final (board approved)');
    await contributor.acknowledged();
    await expect
      .poll(() => versionRow(ana).textContent(), { timeout: 15_000 })
      .toContain('Changed after approval');

    // The export of that version says so too.
    const [download] = await Promise.all([
      ana.waitForEvent('download'),
      ana.getByRole('button', { name: 'Export Markdown' }).click(),
    ]);
    const md = readFileSync((await download.path())!, 'utf8');
    expect(md).toContain('Final (board approved) (changed after approval: not approved)');
    expect(md).toContain('| Exported by | Ana (governance lead) |');

    // The current draft exports after a version exists.
    await ana.getByLabel('What').selectOption('draft');
    const [draft] = await Promise.all([
      ana.waitForEvent('download'),
      ana.getByRole('button', { name: 'Export Markdown' }).click(),
    ]);
    expect(draft.suggestedFilename()).toMatch(/-draft-\d{4}-\d{2}-\d{2}\.md$/);
    expect(readFileSync((await draft.path())!, 'utf8')).toContain('| Version | Draft after');

    // The SoA lists the risk as the reason for its control.
    await ana.goto(`${ws.relay().url}/#/soa`);
    const control = ana.getByRole('article', { name: /A\.5\.4/ });
    await expect.poll(() => control.textContent(), { timeout: 15_000 }).toContain('Risks (1)');
    expect(await control.textContent()).toContain('Ranks some applicants lower for their accent');

    // The record lists its risk beside its assessment.
    await ana.goto(`${ws.relay().url}/#/inventory/rec-1`);
    const links = ana.getByRole('region', { name: 'Assessments and risks' });
    await expect
      .poll(() => links.textContent(), { timeout: 15_000 })
      .toContain('Ranks some applicants lower for their accent');

    // The dashboard counts the banned tools, not only records ("Banned 0" before).
    await ana.goto(`${ws.relay().url}/#/dashboard`);
    const tools = ana.locator('table', {
      has: ana.locator('caption', { hasText: 'Tools by policy status' }),
    });
    await expect
      .poll(
        () =>
          tools
            .locator('tr', { has: ana.locator('th', { hasText: 'Banned' }) })
            .locator('td')
            .textContent(),
        {
          timeout: 15_000,
        },
      )
      .toBe('2');
  });
});
