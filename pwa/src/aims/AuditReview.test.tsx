import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  AIMS_COMPETENCES,
  AIMS_DOCUMENTS,
  AIMS_TRAINING,
  saveAimsEntry,
  AIMS_AUDITS,
  AIMS_FINDINGS,
  AIMS_NONCONFORMITIES,
  AIMS_REVIEWS,
  readAimsRegister,
  readManagementReviews,
} from '../../../shared/documents/aims/index.ts';
import { addTopManagement } from '../../../shared/documents/aims/fixture.test-support.ts';
import { addPerson, createRecord } from '../../../shared/documents/registry/index.ts';
import { button, choose, cleanup, click, field, render, type } from '../test-support/render.tsx';
import { ManagementSystem } from './ManagementSystem.tsx';
import { AimsDashboard } from './AimsDashboard.tsx';

const AT = Date.UTC(2026, 11, 7, 12);

const dialog = () => document.body.querySelector<HTMLElement>('[role="dialog"]')!;
const section = (view: HTMLElement, id: string) => view.querySelector<HTMLElement>(`#aims-${id}`)!;

afterEach(cleanup);

// The path a lead takes for 9.2 → 10.2 → 9.3: plan an audit, record a nonconformity finding (it
// raises its corrective-action entry), then hold and approve the management review that sees it.
describe('audit to management review on the page', () => {
  it('plans an audit, records a finding that raises a nonconformity, approves the review', async () => {
    const doc = new Y.Doc();
    createRecord(doc, 'r1', { name: 'HireRank', owner: 'Dana' }, 'Ana', AT);
    addTopManagement(doc, ['Ana'], AT);
    const view = await render(
      <ManagementSystem registry={doc} canEdit me="Ana" workspace="acme" now={() => AT} />,
    );

    await click(button(section(view, AIMS_AUDITS.id), 'New audit'));
    await type(field(dialog(), 'Audit (required)'), 'HR use of AI');
    await click(field(dialog(), '7.2 Competence'));
    await click(field(dialog(), 'HireRank'));
    await type(field(dialog(), 'Audit criteria'), 'Clause 7.2; the AI policy');
    await type(field(dialog(), 'Auditor'), 'Dana');
    await click(button(dialog(), 'Add audit'));
    // AUD1: Dana owns HireRank, so she may not audit it.
    expect(dialog().textContent).toContain('an auditor may not audit their own area');
    await type(field(dialog(), 'Auditor'), 'Omar');
    await click(button(dialog(), 'Add audit'));
    const audits = section(view, AIMS_AUDITS.id);
    expect(audits.textContent).toContain('Checklist: 1 requirement, 0 findings');
    expect(audits.textContent).toContain('7.2 Competence');

    await click(button(section(view, AIMS_FINDINGS.id), 'New finding'));
    await type(field(dialog(), 'Finding (required)'), 'Recruiters without AI-literacy training');
    await click(field(dialog(), 'HR use of AI'));
    await choose(field(dialog(), 'Kind'), 'minor-nonconformity');
    await click(field(dialog(), '7.2 Competence'));
    await type(field(dialog(), 'Evidence'), 'Training records: 2 of 6 recruiters have none');
    await click(button(dialog(), 'Add finding'));
    const [nc] = readAimsRegister(doc, AIMS_NONCONFORMITIES).entries;
    expect(nc?.values).toMatchObject({ source: 'internal-audit', status: 'open' });
    const ncCard = section(view, AIMS_NONCONFORMITIES.id).querySelector('.aims-entry')!;
    expect(ncCard.textContent).toContain('Recruiters without AI-literacy training');
    expect(ncCard.textContent).toContain('From an audit finding');
    expect(section(view, AIMS_FINDINGS.id).textContent).toContain(
      'Nonconformity (10.2)Recruiters without AI-literacy training',
    );

    await click(button(section(view, AIMS_REVIEWS.id), 'New management review'));
    await type(field(dialog(), 'Review (required)'), 'Management review Q4 2026');
    await type(field(dialog(), 'Held on'), '2026-12-07');
    await type(field(dialog(), 'Decisions'), 'Fund AI-literacy training for HR');
    await click(button(dialog(), 'Add management review'));
    const reviews = section(view, AIMS_REVIEWS.id);
    expect(reviews.textContent).toContain('Inputs, gathered now from the workspace');
    expect(reviews.textContent).toContain('raised: Recruiters without AI-literacy training');
    await click(button(reviews, 'Approve and freeze'));
    expect(readManagementReviews(doc).reviews[0]?.state).toBe('approved');
    expect(reviews.textContent).toContain('Approved by Ana on 2026-12-07; frozen.');
    expect(() => button(reviews, 'Edit management review: Management review Q4 2026')).toThrow();
  });
});

describe('competence and documents on the page and the dashboard', () => {
  it('counts the same training gaps and reviews due in both places', async () => {
    const DAY = 86_400_000;
    const doc = new Y.Doc();
    addTopManagement(doc, ['Ana', 'Ben'], AT);
    for (const name of ['Ana', 'Ben']) addPerson(doc, name, { from: 'added', by: 'Ana', at: AT });
    saveAimsEntry(
      doc,
      AIMS_COMPETENCES,
      'c-1',
      { title: 'AI literacy', roleIds: ['board'], course: 'AI literacy basics' },
      'Ana',
      AT,
    );
    const course = { course: 'AI literacy basics', completedAt: AT - 400 * DAY };
    saveAimsEntry(
      doc,
      AIMS_TRAINING,
      't-1',
      { person: 'Ana', ...course, expiresAt: AT - 30 * DAY },
      'Ana',
      AT,
    );
    saveAimsEntry(
      doc,
      AIMS_DOCUMENTS,
      'd-1',
      { title: 'Audit procedure', kind: 'procedure', status: 'draft', reviewDue: AT - 2 * DAY },
      'Ana',
      AT,
    );
    const page = await render(
      <ManagementSystem registry={doc} canEdit me="Ana" workspace="acme" now={() => AT} />,
    );
    const matrix = page.querySelector('[aria-label="Competence matrix"]')!;
    expect(matrix.textContent).toContain('Training expired');
    expect(matrix.textContent).toContain('Training missing');
    const gapsOnPage = matrix.querySelectorAll('.aims-badge').length;
    const dueOnPage = [...section(page, AIMS_DOCUMENTS.id).querySelectorAll('.aims-badge')].filter(
      (b) => b.textContent === 'Review due',
    ).length;
    cleanup();
    const board = await render(<AimsDashboard registry={doc} now={() => AT} />);
    const figure = (label: string) =>
      [...board.querySelectorAll('dt')].find((dt) => dt.textContent === label)?.nextElementSibling
        ?.textContent;
    expect(figure('Training expired or missing')).toBe(String(gapsOnPage));
    expect(gapsOnPage).toBe(2);
    expect(figure('Documents due for review')).toBe(String(dueOnPage));
    expect(dueOnPage).toBe(1);
  });
});
