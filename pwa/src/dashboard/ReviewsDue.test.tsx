import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createRecord,
  decideTier,
  indexAssessment,
  recordApproval,
  removeTier,
  saveRisk,
  type RiskFields,
} from '../../../shared/documents/registry/index.ts';
import { cleanup, render } from '../test-support/render.tsx';
import { ReviewsDue } from './ReviewsDue.tsx';
import { cardLabelProblems } from '../ui/table-cards.test-support.ts';

afterEach(cleanup);

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 2, 11, 12);
const HOSTILE = '<img src=x onerror="globalThis.pwned=1">';

const risk: RiskFields = {
  systemIds: ['rec-hire'],
  source: 'algorithmic-bias',
  description: 'Ranks women lower',
  likelihood: 4,
  impact: 5,
  treatment: 'mitigate',
  controls: [],
  status: 'open',
};

function approve(doc: Y.Doc, assessmentId: string, at: number) {
  recordApproval(doc, {
    assessmentId,
    versionId: 'v1',
    versionName: 'Version 1',
    number: 1,
    by: 'lead',
    role: 'lead',
    at,
    contentSha256: 'a'.repeat(64),
  });
}

function registryDoc(): Y.Doc {
  const doc = new Y.Doc();
  createRecord(doc, 'rec-hire', { name: HOSTILE }, 'lead', NOW);
  createRecord(doc, 'rec-chat', { name: 'Chat helper' }, 'lead', NOW);
  decideTier(doc, 'rec-hire', { suggested: 'tier-1', decided: 'tier-1', by: 'lead', at: NOW });
  decideTier(doc, 'rec-chat', { suggested: 'tier-2', decided: 'tier-2', by: 'lead', at: NOW });
  const listed = (id: string, recordId: string, title: string, createdAt: number) =>
    indexAssessment(doc, { id, recordId, kind: 'risk', title, createdAt, createdBy: 'lead' });
  listed('asm-hire', 'rec-hire', `Risk of ${HOSTILE}`, NOW - 300 * DAY);
  listed('asm-chat', 'rec-chat', 'Chat impact', NOW - 300 * DAY);
  listed('asm-gone', 'rec-gone', 'Orphan', NOW - 10 * DAY);
  // Tier 1 every 6 months: signed 2025-08-01, due 2026-02-01, overdue.
  approve(doc, 'asm-hire', Date.UTC(2025, 7, 1));
  // Tier 2 every 12 months: signed 2025-05-01, due 2026-05-01, within 90 days.
  approve(doc, 'asm-chat', Date.UTC(2025, 4, 1));
  saveRisk(doc, 'k-late', { ...risk, dueDate: Date.UTC(2026, 2, 1) }, 'lead', NOW);
  saveRisk(
    doc,
    'k-soon',
    { ...risk, description: HOSTILE, dueDate: Date.UTC(2026, 2, 20) },
    'lead',
    NOW,
  );
  saveRisk(
    doc,
    'k-closed',
    { ...risk, status: 'closed', dueDate: Date.UTC(2026, 0, 1) },
    'lead',
    NOW,
  );
  saveRisk(doc, 'k-far', { ...risk, dueDate: Date.UTC(2026, 6, 1) }, 'lead', NOW);
  return doc;
}

const cells = (row: Element) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent);

function tables(view: HTMLElement) {
  const [reviews, risks] = [...view.querySelectorAll('table')];
  return {
    reviews: [...reviews!.querySelectorAll('tbody tr')],
    risks: [...risks!.querySelectorAll('tbody tr')],
  };
}

describe('reviews due on the dashboard', () => {
  it('lists overdue reviews, then the next 90 days, then first sign-offs, as a table', async () => {
    const view = await render(<ReviewsDue registry={registryDoc()} now={() => NOW} />);
    expect(view.querySelector('h2')!.textContent).toBe('Reviews due');
    const headers = [...view.querySelectorAll('table')[0]!.querySelectorAll('thead th')];
    expect(headers.map((th) => th.textContent)).toEqual([
      'Assessment',
      'AI system',
      'Tier',
      'Last sign-off',
      'Next review',
      'Status',
    ]);
    expect(tables(view).reviews.map(cells)).toEqual([
      [
        `Risk of ${HOSTILE}`,
        HOSTILE,
        'Tier 1',
        '2025-08-01',
        '2026-02-01 (every 6 months)',
        'Overdue by 38 days',
      ],
      [
        'Chat impact',
        'Chat helper',
        'Tier 2',
        '2025-05-01',
        '2026-05-01 (every 12 months)',
        'Due in 51 days',
      ],
      [
        'Orphan',
        'Unknown record rec-gone',
        'Not tiered',
        'Never signed off',
        'After the first sign-off',
        'First sign-off pending',
      ],
    ]);
    const [hire, , orphan] = tables(view).reviews;
    expect([...hire!.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      '#/assessments/asm-hire',
      '#/inventory/rec-hire',
    ]);
    // On a phone each row is a card that names every value's column.
    expect(cardLabelProblems(view.querySelectorAll('table')[0]!)).toEqual([]);
    // An unknown record is not linked: there is no page to go to.
    expect(orphan!.querySelectorAll('a')).toHaveLength(1);
    // Untrusted text stays text.
    expect(view.querySelector('img')).toBeNull();
  });

  it('lists open risks past due or due within 30 days, linked to the register', async () => {
    const view = await render(<ReviewsDue registry={registryDoc()} now={() => NOW} />);
    const { risks } = tables(view);
    expect(risks.map(cells)).toEqual([
      ['Ranks women lower', '2026-03-01', 'Overdue by 10 days'],
      [HOSTILE, '2026-03-20', 'Due in 9 days'],
    ]);
    expect(risks[0]!.querySelector('a')!.getAttribute('href')).toBe(
      '#/risks?status=active&sort=due',
    );
    expect(cardLabelProblems(view.querySelectorAll('table')[1]!)).toEqual([]);
    expect(view.querySelector('img')).toBeNull();
  });

  it('follows the registry: a sign-off, a removed tier', async () => {
    const doc = registryDoc();
    const view = await render(<ReviewsDue registry={doc} now={() => NOW} />);
    // Re-signed today: the next review is six months away, beyond the horizon.
    await act(async () =>
      recordApproval(doc, {
        assessmentId: 'asm-hire',
        versionId: 'v2',
        versionName: 'Version 2',
        number: 2,
        by: 'lead',
        role: 'lead',
        at: NOW,
        contentSha256: 'b'.repeat(64),
      }),
    );
    expect(tables(view).reviews.map((row) => cells(row)[0])).toEqual(['Chat impact', 'Orphan']);
    expect(view.textContent).toContain('1 more assessment is due for review later than 90 days');
    // Tier 2 removed from the scheme: reviewed every 6 months, so overdue now.
    await act(async () => removeTier(doc, 'tier-2', { by: 'lead', at: NOW }));
    expect(cells(tables(view).reviews[0]!)).toEqual([
      'Chat impact',
      'Chat helper',
      'Tier 2 (no longer in the scheme)',
      '2025-05-01',
      '2025-11-01 (every 6 months)',
      'Overdue by 130 days',
    ]);
  });

  it('says so when there is nothing to review', async () => {
    const view = await render(<ReviewsDue registry={new Y.Doc()} now={() => NOW} />);
    expect(view.textContent).toContain('No assessments yet.');
    expect(view.textContent).toContain('No open risk is past its due date');
    expect(view.querySelector('table')).toBeNull();
  });
});
