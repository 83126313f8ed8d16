import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { saveRisk } from '../registry/risks.ts';
import { addTopManagement } from './fixture.test-support.ts';
import {
  AIMS_AUDITS,
  AIMS_FINDINGS,
  AIMS_ISSUES,
  AIMS_NONCONFORMITIES,
  AIMS_OBJECTIVES,
  AIMS_REVIEW_ACTIONS,
  AIMS_REVIEWS,
  aimsCounts,
  approveManagementReview,
  deleteAimsEntry,
  gatherReviewInputs,
  readAimsRegister,
  readManagementReviews,
  saveAimsEntry,
} from './index.ts';

const DAY = 86_400_000;
const AT = Date.UTC(2026, 11, 1);

// A review as ISO/IEC 42001 9.3 lists its inputs (/work/shared/reference/iso-42001.md); content
// from the demo organisation: the EU AI Act's AI-literacy duty (Regulation (EU) 2024/1689 Art. 4)
// as an external issue, an HR audit finding a training gap.
const review = {
  title: 'Management review Q4 2026',
  heldAt: AT,
  attendees: ['Ana', 'Carl'],
  decisions: 'Fund AI-literacy training for HR; keep the CV screener under human review',
};

function workspace() {
  const doc = new Y.Doc();
  addTopManagement(doc, ['Carl'], AT - 30 * DAY);
  saveAimsEntry(
    doc,
    AIMS_ISSUES,
    'iss-1',
    { kind: 'external', title: 'AI literacy duty applies', source: 'EU AI Act Art. 4' },
    'Ana',
    AT - 20 * DAY,
  );
  saveAimsEntry(
    doc,
    AIMS_AUDITS,
    'aud-1',
    {
      title: 'HR audit',
      criteria: 'Clause 7.2',
      auditor: 'Omar',
      status: 'done',
      heldAt: AT - 10 * DAY,
      conclusion: 'Training gaps',
    },
    'Ana',
    AT - 10 * DAY,
  );
  saveAimsEntry(
    doc,
    AIMS_FINDINGS,
    'f-1',
    {
      title: 'Recruiters untrained',
      auditIds: ['aud-1'],
      kind: 'minor-nonconformity',
      evidence: 'Training records',
      foundAt: AT - 10 * DAY,
    },
    'Ana',
    AT - 10 * DAY,
  );
  saveAimsEntry(
    doc,
    AIMS_FINDINGS,
    'f-2',
    {
      title: 'Share the HR checklist with Sales',
      auditIds: ['aud-1'],
      kind: 'opportunity',
      evidence: 'Interview',
      foundAt: AT - 10 * DAY,
    },
    'Ana',
    AT - 10 * DAY,
  );
  saveAimsEntry(
    doc,
    AIMS_OBJECTIVES,
    'obj-1',
    {
      annexC: 'Fairness',
      title: 'Fair shortlists',
      measure: 'ratio',
      target: '0.8',
      status: 'at-risk',
    },
    'Ana',
    AT - 10 * DAY,
  );
  saveRisk(
    doc,
    'risk-1',
    {
      systemIds: [],
      source: 'algorithmic-bias',
      description: 'Shortlists disfavour older applicants',
      likelihood: 4,
      impact: 4,
      treatment: 'mitigate',
      controls: [],
      status: 'treating',
    },
    'Ana',
    AT - 5 * DAY,
  );
  return doc;
}

describe('management review (9.3)', () => {
  it('gathers its inputs live from the registers, through their readers', () => {
    const doc = workspace();
    const inputs = gatherReviewInputs(doc, AT);
    expect(inputs.since).toBeNull();
    expect(inputs.issues).toEqual({ total: 1, changed: ['AI literacy duty applies'] });
    expect(inputs.audits).toEqual({
      held: ['HR audit'],
      findings: {
        'major-nonconformity': 0,
        'minor-nonconformity': 1,
        observation: 0,
        opportunity: 1,
      },
    });
    expect(inputs.opportunities).toEqual(['Share the HR checklist with Sales']);
    expect(inputs.objectives).toEqual({ 'at-risk': 1 });
    expect(inputs.risks).toMatchObject({ notClosed: 1, byBand: { high: 1 } });
    expect(inputs.monitoring).toMatchObject({ available: true, raised: 0, bySystem: [] });
    // The nonconformity the finding raised, counted as the dashboard counts it (one rule).
    const ncs = readAimsRegister(doc, AIMS_NONCONFORMITIES).entries;
    const counts = aimsCounts(ncs, AT);
    expect(inputs.nonconformities).toMatchObject({
      open: counts.openNonconformities,
      overdueActions: counts.overdueActions,
    });
    expect(inputs.nonconformities.open).toBe(1);
    expect(inputs.nonconformities.raised).toEqual(['Recruiters untrained']);
  });

  it('MR2, MR3: only top management approves, once held and decided; the inputs freeze', () => {
    const doc = workspace();
    saveAimsEntry(doc, AIMS_REVIEWS, 'rev-1', { title: review.title }, 'Ana', AT);
    expect(() => approveManagementReview(doc, 'rev-1', 'Carl', AT)).toThrow(
      /held and its decisions/,
    );
    saveAimsEntry(doc, AIMS_REVIEWS, 'rev-1', review, 'Ana', AT);
    expect(() => approveManagementReview(doc, 'rev-1', 'Ana', AT)).toThrow(/top-management/);
    expect(readManagementReviews(doc).reviews[0]?.state).toBe('draft');

    const approved = approveManagementReview(doc, 'rev-1', 'Carl', AT + 1);
    expect(approved.state).toBe('approved');
    // A nonconformity raised after the approval does not change what the review saw.
    saveAimsEntry(
      doc,
      AIMS_NONCONFORMITIES,
      'nc-2',
      { title: 'Late', source: 'other', status: 'open' },
      'Ana',
      AT + 2,
    );
    const [read] = readManagementReviews(doc).reviews;
    expect(read).toMatchObject({ state: 'approved', approvedBy: 'Carl', approvedAt: AT + 1 });
    expect(read?.inputs).toEqual(approved.inputs);
    expect(read?.inputs?.nonconformities.open).toBe(1);
    expect(gatherReviewInputs(doc, AT + 2).nonconformities.open).toBe(2);
    expect(() => approveManagementReview(doc, 'rev-1', 'Carl', AT + 3)).toThrow(/already/);
  });

  it('MR1: an approved review is never edited nor removed; a change behind the writer shows as altered', () => {
    const doc = workspace();
    saveAimsEntry(doc, AIMS_REVIEWS, 'rev-1', review, 'Ana', AT);
    approveManagementReview(doc, 'rev-1', 'Carl', AT + 1);
    expect(() =>
      saveAimsEntry(doc, AIMS_REVIEWS, 'rev-1', { ...review, decisions: 'None' }, 'Ana', AT + 2),
    ).toThrow(/approved management review cannot be changed/);
    expect(() => deleteAimsEntry(doc, AIMS_REVIEWS, 'rev-1')).toThrow(
      /cannot be changed or removed/,
    );
    expect(readManagementReviews(doc).reviews[0]?.state).toBe('approved');

    // A modified client writes the decisions directly; the digest no longer matches.
    const map = doc.getMap<Y.Map<unknown>>(AIMS_REVIEWS.id).get('rev-1')!;
    map.set('decisions', 'Nothing to do');
    const { reviews, problems } = readManagementReviews(doc);
    expect(reviews[0]?.state).toBe('altered');
    expect(problems.join('\n')).toMatch(/rev-1: approval does not match/);
    // So are frozen inputs rewritten.
    const other = workspace();
    saveAimsEntry(other, AIMS_REVIEWS, 'rev-1', review, 'Ana', AT);
    approveManagementReview(other, 'rev-1', 'Carl', AT + 1);
    const frozen = other.getMap<Y.Map<unknown>>(AIMS_REVIEWS.id).get('rev-1')!;
    frozen.set('inputs', String(frozen.get('inputs')).replace('"open":1', '"open":0'));
    expect(readManagementReviews(other).reviews[0]?.state).toBe('altered');
  });

  it('the next review starts from the previous one: its actions and what changed since', () => {
    const doc = workspace();
    saveAimsEntry(doc, AIMS_REVIEWS, 'rev-1', review, 'Ana', AT);
    approveManagementReview(doc, 'rev-1', 'Carl', AT + 1);
    for (const [id, status, due] of [
      ['act-1', 'done', AT + 10 * DAY],
      ['act-2', 'open', AT + 10 * DAY],
      ['act-3', 'in-progress', AT + 90 * DAY],
    ] as const) {
      saveAimsEntry(
        doc,
        AIMS_REVIEW_ACTIONS,
        id,
        { title: `Action ${id}`, reviewIds: ['rev-1'], status, dueDate: due },
        'Ana',
        AT + 2,
      );
    }
    const next = AT + 30 * DAY;
    saveAimsEntry(doc, AIMS_REVIEWS, 'rev-2', { title: 'Q1 2027' }, 'Ana', next);
    const inputs = gatherReviewInputs(doc, next, 'rev-2');
    expect(inputs.since).toBe('2026-12-01');
    expect(inputs.previousActions).toMatchObject({
      done: 1,
      open: 1,
      'in-progress': 1,
      overdue: 1,
    });
    expect(inputs.previousActions.pending).toEqual(['Action act-2', 'Action act-3']);
    // Nothing in issues or audits changed since the previous review.
    expect(inputs.issues.changed).toEqual([]);
    expect(inputs.audits.held).toEqual([]);
  });
});
