import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { risksOfSystem } from '../../../shared/assessments/index.ts';
import { readAssessment } from '../../../shared/documents/assessment/index.ts';
import {
  createRecord,
  indexAssessment,
  readApprovals,
  readRegistry,
  readTierScheme,
  recordApproval,
  readRiskRegister,
  saveRisk,
  readAssessmentIndex,
} from '../../../shared/documents/registry/index.ts';
import { button, choose, cleanup, click, render } from '../test-support/render.tsx';
import { AT, dialog, renderAssessmentList } from './assessment-list.test-support.tsx';
import { RecordAssessments } from './RecordAssessments.tsx';
import { reviewsDue } from '../dashboard/reviews-due.ts';
import { cardLabelProblems } from '../ui/table-cards.test-support.ts';
import { formatDay } from '../inbox/inbox-rows.ts';

const DAY = 86_400_000;

afterEach(cleanup);

function registryDoc(): Y.Doc {
  const doc = new Y.Doc();
  createRecord(doc, 'r1', { name: 'HireRank', purpose: 'Ranks job applicants' }, 'Dana', AT);
  createRecord(doc, 'r2', { name: '<b>ChatGPT</b>' }, 'Dana', AT);
  return doc;
}

const renderList = (role: 'lead' | 'contributor', registry = registryDoc()) =>
  renderAssessmentList(role, registry);

describe('the assessments page', () => {
  it('lists the registry’s assessments, newest first, with their systems, as text', async () => {
    const registry = registryDoc();
    const entry = { recordId: 'r2', kind: 'risk' as const, createdBy: 'Dana' };
    indexAssessment(registry, { ...entry, id: 'a-old', title: 'Old one', createdAt: AT });
    indexAssessment(registry, { ...entry, id: 'a-new', title: '<i>New</i>', createdAt: AT + 5 });
    const { view } = await renderList('contributor', registry);
    const rows = [...view.querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => cell.textContent),
    );
    const rest = [
      'None',
      'Not read yet', // no row is on screen in a test's DOM (progress.test.tsx scrolls)
      'Not signed off yet',
      'After the first sign-off',
      '2026-03-10 by Dana',
    ];
    expect(rows).toEqual([
      ['<i>New</i>', 'AI risk assessment', '<b>ChatGPT</b>', ...rest],
      ['Old one', 'AI risk assessment', '<b>ChatGPT</b>', ...rest],
    ]);
    expect(view.querySelector('tbody a')?.getAttribute('href')).toBe('#/assessments/a-new');
    // On a phone each row is a card that names every value's column.
    expect(cardLabelProblems(view.querySelector('table'))).toEqual([]);
    expect(view.querySelector('i, b')).toBeNull();
    // Contributors read the registry only: creating is a lead's action.
    expect(() => button(view, 'New assessment')).toThrow();
  });

  it('shows each assessment’s system owner, sign-off and next review, as the dashboard lists it', async () => {
    const registry = registryDoc();
    createRecord(registry, 'r3', { name: 'Scorer', owner: 'Priya' }, 'Dana', AT);
    const entry = { id: 'a1', recordId: 'r3', kind: 'risk' as const, title: 'Scorer risks' };
    indexAssessment(registry, { ...entry, createdBy: 'Dana', createdAt: AT - 500 * DAY });
    const signedOff = AT - 400 * DAY; // longer ago than any tier's review interval
    recordApproval(registry, {
      assessmentId: 'a1',
      versionId: 'v1',
      versionName: 'First',
      number: 1,
      by: 'Dana',
      role: 'lead',
      at: signedOff,
      contentSha256: 'a'.repeat(64),
    });
    const { view } = await renderList('contributor', registry);
    const cells = [...view.querySelectorAll('tbody tr :is(th, td)')].map(
      (cell) => cell.textContent,
    );
    const dashboard = reviewsDue({
      assessments: readAssessmentIndex(registry).assessments,
      approvals: readApprovals(registry).approvals,
      records: readRegistry(registry).records,
      tierScheme: readTierScheme(registry),
      risks: [],
      now: AT + 1_000,
    }).reviews;
    expect(dashboard).toHaveLength(1);
    expect(dashboard[0]!.state).toBe('overdue');
    expect([cells[3], ...cells.slice(5, 7)]).toEqual([
      'Priya',
      `Signed off ${formatDay(signedOff)}`,
      `${formatDay(dashboard[0]!.review.dueAt!)} (overdue)`,
    ]);
  });

  it('creates an assessment and lists it, from a record and a template', async () => {
    const { view, registry, stored, visited } = await renderList('lead');
    await click(button(view, 'New assessment'));
    await click(button(dialog(), 'Create assessment'));
    expect(dialog().querySelector('[role="alert"]')?.textContent).toMatch(/Choose the AI system/);
    expect(readAssessmentIndex(registry).assessments).toEqual([]);

    await choose(dialog().querySelector('select'), 'r1');
    expect(dialog().querySelector('label[for]')?.textContent).toBe('System to assess');
    await click(
      dialog().querySelector<HTMLInputElement>('input[value="ai-system-impact-assessment"]'),
    );
    await click(button(dialog(), 'Create assessment'));

    const [listed] = readAssessmentIndex(registry).assessments;
    expect(listed).toMatchObject({ recordId: 'r1', kind: 'impact', createdBy: 'Dana' });
    expect(visited).toEqual([`#/assessments/${listed!.id}`]);
    const doc = stored[listed!.id]!;
    const { meta } = readAssessment(doc);
    expect(meta).toMatchObject({ kind: 'impact', recordId: 'r1', title: listed!.title });
    expect(meta!.title).toContain('HireRank');
    // The text is the assessors' own: the register's view of the system is live beside it (S8).
    expect(doc.getXmlFragment(`section:${meta!.outline[0]!.id}`).length).toBe(0);
    expect(view.querySelector('tbody')?.textContent).toContain('HireRank');
  });

  it('links a record’s assessments from its page', async () => {
    const registry = registryDoc();
    const base = { kind: 'impact' as const, createdAt: AT, createdBy: 'Dana' };
    indexAssessment(registry, { ...base, id: 'a1', recordId: 'r1', title: 'Impact of HireRank' });
    indexAssessment(registry, { ...base, id: 'a2', recordId: 'r2', title: 'Impact of ChatGPT' });
    const risk = {
      source: 'algorithmic-bias' as const,
      likelihood: 3,
      impact: 4,
      treatment: 'mitigate' as const,
      controls: ['A.5.4'],
      status: 'open' as const,
    };
    saveRisk(
      registry,
      'k1',
      { ...risk, systemIds: ['r1'], description: 'Ranks women lower' },
      'Dana',
      AT,
    );
    saveRisk(
      registry,
      'k2',
      { ...risk, systemIds: ['r2'], description: 'Leaks chats' },
      'Dana',
      AT,
    );
    const view = await render(<RecordAssessments registry={registry} recordId="r1" />);
    const links = [...view.querySelectorAll('a')].map((a) => [
      a.textContent,
      a.getAttribute('href'),
    ]);
    // Issue 14, finding 3: the record lists its risks, as the register names them.
    expect(links).toEqual([
      ['Impact of HireRank', '#/assessments/a1'],
      ['Ranks women lower', '#/risks'],
    ]);
    const listed = [...view.querySelectorAll('[aria-label="Risks"] li a')].map(
      (a) => a.textContent,
    );
    expect(listed).toEqual(
      risksOfSystem(readRiskRegister(registry).risks.values(), 'r1').map((r) => r.description),
    );
  });
});
