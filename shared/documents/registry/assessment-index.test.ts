import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ASSESSMENTS, indexAssessment, readAssessmentIndex } from './index.ts';

const entry = {
  id: 'asm-1',
  recordId: 'rec-1',
  kind: 'risk' as const,
  title: 'AI risk assessment: ChatGPT',
  createdAt: Date.UTC(2026, 2, 1),
  createdBy: 'Dana',
};

describe('the assessment index', () => {
  it('lists assessments newest first and reads back what was written', () => {
    const doc = new Y.Doc();
    indexAssessment(doc, entry);
    indexAssessment(doc, { ...entry, id: 'asm-2', kind: 'impact', createdAt: entry.createdAt + 1 });
    const { assessments, problems } = readAssessmentIndex(doc);
    expect(problems).toEqual([]);
    expect(assessments.map((a) => [a.id, a.kind])).toEqual([
      ['asm-2', 'impact'],
      ['asm-1', 'risk'],
    ]);
    expect(assessments[1]).toEqual(entry);
  });

  it('refuses bad input and a listed id, changing nothing', () => {
    const doc = new Y.Doc();
    indexAssessment(doc, entry);
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => indexAssessment(doc, entry)).toThrow(/already listed/);
    expect(() => indexAssessment(doc, { ...entry, id: 'a b' })).toThrow(/assessment id/);
    expect(() => indexAssessment(doc, { ...entry, id: 'x', title: '' })).toThrow(/title/);
    expect(() =>
      indexAssessment(doc, { ...entry, id: 'x', kind: 'other' as unknown as 'risk' }),
    ).toThrow(/kind/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('skips and reports entries of the wrong shape', () => {
    const doc = new Y.Doc();
    indexAssessment(doc, entry);
    const map = doc.getMap<unknown>(ASSESSMENTS);
    map.set('bad', 'not a map');
    const broken = new Y.Map<unknown>();
    map.set('asm-3', broken);
    broken.set('kind', 'risk');
    const { assessments, problems } = readAssessmentIndex(doc);
    expect(assessments.map((a) => a.id)).toEqual(['asm-1']);
    expect(problems.some((p) => p.includes('assessments.bad'))).toBe(true);
    expect(problems.some((p) => p.includes('asm-3'))).toBe(true);
  });
});
