import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readAssessment } from '../../../shared/documents/assessment/index.ts';
import {
  createRecord,
  decideTier,
  indexAssessment,
  readAssessmentIndex,
  recordApproval,
  setUseProfile,
  updateGovernance,
} from '../../../shared/documents/registry/index.ts';
import { AT, dialog, renderAssessmentList } from '../assessments/assessment-list.test-support.tsx';
import { ReviewsDue } from '../dashboard/ReviewsDue.tsx';
import { button, choose, cleanup, click, render } from '../test-support/render.tsx';

const DAY = 86_400_000;
afterEach(cleanup);

/** A registry with one high-risk Annex III 4(a) system (recruitment), suggested, not yet decided. */
function recruitmentRegistry(publicBody: boolean | null): Y.Doc {
  const registry = new Y.Doc();
  createRecord(registry, 'r1', { name: 'HireRank', purpose: 'Ranks job applicants' }, 'Dana', AT);
  setUseProfile(registry, 'r1', { annexIII: ['employment.recruitment'] }, 'Dana', AT);
  updateGovernance(registry, { publicBodyOrPublicService: publicBody }, { by: 'Dana', at: AT });
  return registry;
}

async function createImpactAssessment(registry: Y.Doc) {
  const { view, stored } = await renderAssessmentList('lead', registry);
  await click(button(view, 'New assessment'));
  await choose(dialog().querySelector('select'), 'r1');
  await click(
    dialog().querySelector<HTMLInputElement>('input[value="ai-system-impact-assessment"]'),
  );
  const note = dialog().querySelector('[role="note"]')?.textContent ?? '';
  await click(button(dialog(), 'Create assessment'));
  const [listed] = readAssessmentIndex(registry).assessments;
  const outline = readAssessment(stored[listed!.id]!).meta!.outline.map((s) => s.id);
  return { note, outline };
}

describe('governance settings in use', () => {
  it('adds the FRIA sections to a public body’s impact assessment of an Annex III 4(a) system', async () => {
    const { note, outline } = await createImpactAssessment(recruitmentRegistry(true));
    expect(note).toMatch(
      /^The fundamental-rights impact assessment \(FRIA\) sections will be added\./,
    );
    expect(note).toContain('body governed by public law or provides public services');
    expect(note).toContain('(Art. 27(1))');
    expect(outline).toContain('fria-basis');
  });

  it('leaves them out for a private deployer, and says why while unanswered', async () => {
    const privateDeployer = await createImpactAssessment(recruitmentRegistry(false));
    expect(privateDeployer.note).toMatch(/^No FRIA sections will be added\./);
    expect(privateDeployer.outline).not.toContain('fria-basis');
    cleanup();
    const unanswered = await createImpactAssessment(recruitmentRegistry(null));
    expect(unanswered.note).toMatch(/until the workspace answers the public-body question/);
    expect(unanswered.outline).not.toContain('fria-basis');
  });

  it('lists reviews due by the workspace’s own interval on the dashboard', async () => {
    const registry = new Y.Doc();
    createRecord(registry, 'r1', { name: 'HireRank' }, 'Dana', AT);
    decideTier(registry, 'r1', { suggested: 'tier-3', decided: 'tier-3', by: 'Dana', at: AT });
    indexAssessment(registry, {
      id: 'a1',
      recordId: 'r1',
      kind: 'risk',
      title: 'Risk of HireRank',
      createdAt: AT,
      createdBy: 'Dana',
    });
    recordApproval(registry, {
      assessmentId: 'a1',
      versionId: 'v1',
      versionName: 'Version 1',
      number: 1,
      by: 'Dana',
      role: 'lead',
      at: AT,
      contentSha256: '0'.repeat(64),
    });
    // Tier 3 reviews every 24 months by default: 100 days on, nothing is due in 90 days.
    const now = () => AT + 100 * DAY;
    const view = await render(<ReviewsDue registry={registry} now={now} />);
    expect(view.querySelector('tbody')).toBeNull();
    // Every 3 months: overdue since 2026-06-10.
    await act(async () => {
      updateGovernance(registry, { reviewMonths: { 'tier-3': 3 } }, { by: 'Dana', at: AT });
    });
    const row = view.querySelector('tbody')?.textContent;
    expect(row).toContain('2026-06-10');
    expect(row).toMatch(/Overdue by 8 days/);
  });
});
