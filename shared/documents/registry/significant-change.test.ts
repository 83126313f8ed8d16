import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { indexAssessment, readAssessmentIndex } from './assessment-index.ts';
import { setUseProfile } from './classification.ts';
import { createRecord, updateRecord } from './records.ts';
import {
  CHANGE_MARKS,
  CHANGE_REVIEWS,
  pendingChangeReviews,
  readChangeMarks,
  reviewSignificantChange,
  reviewedChanges,
} from './significant-change.ts';

/**
 * Rules CHG1–CHG6 (docs/assessments.md, "Significant change triggers re-assessment"), on real
 * Y.Docs; the offline cases exchange their updates only afterwards.
 */

const AT = Date.UTC(2026, 10, 2, 9);
const HOUR = 3_600_000;

function exchange(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

/** A record with a risk and an impact assessment, started an hour after it was made. */
function assessedRecord(): Y.Doc {
  const doc = new Y.Doc();
  createRecord(
    doc,
    'rec-1',
    { name: 'HireRank', model: 'gpt-4o', provider: 'OpenAI', purpose: 'Ranks CVs' },
    'lead-a',
    AT,
  );
  for (const [id, kind] of [
    ['as-risk', 'risk'],
    ['as-impact', 'impact'],
  ] as const) {
    indexAssessment(doc, {
      id,
      recordId: 'rec-1',
      kind,
      title: `${kind} of HireRank`,
      createdAt: AT + HOUR,
      createdBy: 'lead-a',
    });
  }
  return doc;
}

const pending = (doc: Y.Doc) =>
  pendingChangeReviews(readChangeMarks(doc), readAssessmentIndex(doc).assessments);

describe('significant change triggers re-assessment', () => {
  it('CHG1: a change of model marks every assessment of the record, with the difference', () => {
    const doc = assessedRecord();
    updateRecord(doc, 'rec-1', { model: 'gpt-4.1' }, 'lead-b', AT + 2 * HOUR);
    const due = pending(doc);
    expect(due.map((row) => row.assessment.id).sort()).toEqual(['as-impact', 'as-risk']);
    for (const row of due) {
      expect(row.marks).toHaveLength(1);
      expect(row.marks[0]).toMatchObject({
        recordId: 'rec-1',
        by: 'lead-b',
        at: AT + 2 * HOUR,
        changes: [{ field: 'model', from: 'gpt-4o', to: 'gpt-4.1' }],
      });
    }
    expect(readChangeMarks(doc).problems).toEqual([]);
  });

  it('CHG1: provider, purpose, data categories and use-profile answers are significant; owner is not', () => {
    const doc = assessedRecord();
    updateRecord(doc, 'rec-1', { owner: 'Dana', userCount: 40 }, 'lead-b', AT + 2 * HOUR);
    expect(pending(doc)).toEqual([]);
    updateRecord(
      doc,
      'rec-1',
      { provider: 'Azure OpenAI', dataCategories: ['personal'], owner: 'Eli' },
      'lead-b',
      AT + 3 * HOUR,
    );
    updateRecord(doc, 'rec-1', { purpose: 'Ranks and rejects CVs' }, 'lead-b', AT + 4 * HOUR);
    setUseProfile(doc, 'rec-1', { annexIII: ['employment.recruitment'] }, 'lead-b', AT + 5 * HOUR);
    const [row] = pending(doc);
    expect(row!.marks.map((mark) => mark.changes)).toEqual([
      [
        { field: 'dataCategories', from: [], to: ['personal'] },
        { field: 'provider', from: 'OpenAI', to: 'Azure OpenAI' },
      ],
      [{ field: 'purpose', from: 'Ranks CVs', to: 'Ranks and rejects CVs' }],
      [{ field: 'classification', from: [], to: ['annexIII: employment.recruitment'] }],
    ]);
    // Answers changed again: from the old answer to the new one.
    setUseProfile(
      doc,
      'rec-1',
      { annexIII: ['employment.work-decisions'] },
      'lead-b',
      AT + 6 * HOUR,
    );
    expect(pending(doc)[0]!.marks.at(-1)!.changes).toEqual([
      {
        field: 'classification',
        from: ['annexIII: employment.recruitment'],
        to: ['annexIII: employment.work-decisions'],
      },
    ]);
  });

  it('CHG1: a multi-valued answer changes value by value', () => {
    const doc = assessedRecord();
    const profile = (annexIII: string[], hours: number) =>
      setUseProfile(doc, 'rec-1', { annexIII }, 'lead-b', AT + hours * HOUR);
    profile(['employment.recruitment', 'employment.work-decisions'], 2);
    profile(['employment.recruitment'], 3);
    expect(pending(doc)[0]!.marks.at(-1)!.changes).toEqual([
      { field: 'classification', from: ['annexIII: employment.work-decisions'], to: [] },
    ]);
  });

  it('CHG1: a record nobody has assessed gets no mark', () => {
    const doc = new Y.Doc();
    createRecord(doc, 'rec-2', { name: 'Notes bot', model: 'a' }, 'lead-a', AT);
    updateRecord(doc, 'rec-2', { model: 'b' }, 'lead-a', AT + HOUR);
    expect(doc.getMap(CHANGE_MARKS).size).toBe(0);
  });

  it('CHG2: two leads changing the model offline each leave a mark; both stay due', () => {
    const a = assessedRecord();
    const b = new Y.Doc();
    exchange(a, b);
    updateRecord(a, 'rec-1', { model: 'gpt-4.1' }, 'lead-a', AT + 2 * HOUR);
    updateRecord(b, 'rec-1', { model: 'claude-sonnet' }, 'lead-b', AT + 2 * HOUR);
    exchange(a, b);
    for (const doc of [a, b]) {
      const [row] = pending(doc).filter((r) => r.assessment.id === 'as-risk');
      expect(row!.marks.map((m) => [m.by, m.changes[0]!.to]).sort()).toEqual([
        ['lead-a', 'gpt-4.1'],
        ['lead-b', 'claude-sonnet'],
      ]);
    }
    expect(pending(a)).toEqual(pending(b));
  });

  it('CHG2: an assessment started offline before the change reached its device is marked too', () => {
    const a = assessedRecord();
    const b = new Y.Doc();
    exchange(a, b);
    updateRecord(a, 'rec-1', { model: 'gpt-4.1' }, 'lead-a', AT + 3 * HOUR);
    indexAssessment(b, {
      id: 'as-late',
      recordId: 'rec-1',
      kind: 'risk',
      title: 'Second look',
      createdAt: AT + 2 * HOUR,
      createdBy: 'lead-b',
    });
    exchange(a, b);
    expect(pending(a).map((row) => row.assessment.id)).toContain('as-late');
    // One started after the change assessed the new model: not marked.
    indexAssessment(a, {
      id: 'as-new',
      recordId: 'rec-1',
      kind: 'risk',
      title: 'After',
      createdAt: AT + 4 * HOUR,
      createdBy: 'lead-a',
    });
    expect(pending(a).map((row) => row.assessment.id)).not.toContain('as-new');
  });

  it('CHG3: a review clears the marks it names for one assessment only, and keeps who and why', () => {
    const doc = assessedRecord();
    updateRecord(doc, 'rec-1', { model: 'gpt-4.1' }, 'lead-b', AT + 2 * HOUR);
    const { assessments } = readAssessmentIndex(doc);
    const markId = pending(doc)[0]!.marks[0]!.id;
    reviewSignificantChange(doc, assessments, {
      assessmentId: 'as-risk',
      markIds: [markId],
      outcome: 'dismissed',
      note: 'Same model family; the provider confirmed no change in behaviour.',
      by: 'lead-c',
      at: AT + 3 * HOUR,
    });
    expect(pending(doc).map((row) => row.assessment.id)).toEqual(['as-impact']);
    expect(reviewedChanges(readChangeMarks(doc), 'as-risk')).toMatchObject([
      { review: { by: 'lead-c', outcome: 'dismissed' }, mark: { id: markId } },
    ]);
  });

  it('CHG3: a review made offline does not clear a change it had not seen', () => {
    const a = assessedRecord();
    updateRecord(a, 'rec-1', { model: 'gpt-4.1' }, 'lead-a', AT + 2 * HOUR);
    const b = new Y.Doc();
    exchange(a, b);
    const seen = pending(b)[0]!.marks.map((m) => m.id);
    // Offline: A changes the purpose while B reviews what it had seen.
    updateRecord(a, 'rec-1', { purpose: 'Rejects CVs' }, 'lead-a', AT + 3 * HOUR);
    for (const assessmentId of ['as-risk', 'as-impact']) {
      reviewSignificantChange(b, readAssessmentIndex(b).assessments, {
        assessmentId,
        markIds: seen,
        outcome: 'reassessed',
        by: 'lead-b',
        at: AT + 4 * HOUR,
      });
    }
    exchange(a, b);
    for (const doc of [a, b]) {
      const due = pending(doc);
      expect(due).toHaveLength(2);
      for (const row of due) {
        expect(row.marks.map((m) => m.changes[0]!.field)).toEqual(['purpose']);
      }
    }
  });

  it('CHG3: bad input is refused with a clear error and changes nothing', () => {
    const doc = assessedRecord();
    updateRecord(doc, 'rec-1', { model: 'gpt-4.1' }, 'lead-b', AT + 2 * HOUR);
    const { assessments } = readAssessmentIndex(doc);
    const markId = pending(doc)[0]!.marks[0]!.id;
    const base = { assessmentId: 'as-risk', markIds: [markId], by: 'lead-c', at: AT + 3 * HOUR };
    const before = Y.encodeStateAsUpdate(doc);
    const review = (over: object) =>
      reviewSignificantChange(doc, assessments, { ...base, outcome: 'reassessed', ...over });
    expect(() => review({ outcome: 'dismissed' })).toThrow(/dismissal needs a reason/);
    expect(() => review({ outcome: 'dismissed', note: '   ' })).toThrow(/dismissal needs a reason/);
    expect(() => review({ outcome: 'ignored' })).toThrow(/outcome/);
    expect(() => review({ markIds: ['nope'] })).toThrow(/no significant change nope/);
    expect(() => review({ markIds: [] })).toThrow(/no change named/);
    expect(() => review({ assessmentId: 'other' })).toThrow(/no assessment other/);
    expect(() => review({ by: '' })).toThrow(/by/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(doc.getMap(CHANGE_REVIEWS).size).toBe(0);
  });

  it('CHG5: readers never trust the shape: unreadable marks and reviews are skipped and reported', () => {
    const doc = assessedRecord();
    updateRecord(doc, 'rec-1', { model: 'gpt-4.1' }, 'lead-b', AT + 2 * HOUR);
    const marks = doc.getMap<unknown>(CHANGE_MARKS);
    marks.set('bad-json', '{');
    marks.set(
      'bad-field',
      JSON.stringify({ r: 'rec-1', at: 1, by: 'x', c: [['owner', 'a', 'b']] }),
    );
    marks.set('not-a-string', 42);
    const reviews = doc.getMap<unknown>(CHANGE_REVIEWS);
    // A dismissal without its reason clears nothing.
    const markId = [...marks.keys()].find(
      (key) => !key.startsWith('bad') && key !== 'not-a-string',
    )!;
    reviews.set(`as-risk/${markId}`, JSON.stringify({ at: 1, by: 'x', o: 'dismissed' }));
    const read = readChangeMarks(doc);
    expect(read.marks.map((m) => m.id)).toEqual([markId]);
    expect(read.problems).toHaveLength(4);
    expect(pending(doc)).toHaveLength(2);
  });
});
