import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PROPOSED_CONCERNS, readProposedConcerns, writeReporterConcerns } from './index.ts';

const AT = Date.UTC(2027, 0, 5, 10);
const c = (id: string, what = 'Wrong answer') => ({ id, toolName: 'ChatGPT', what, createdAt: AT });

describe('concerns copied into the discoveries document (I9)', () => {
  it('holds exactly each reporter’s concerns, writing only differences', () => {
    const doc = new Y.Doc();
    expect(writeReporterConcerns(doc, 'r1', [c('a'), c('b')])).toBe(true);
    expect(writeReporterConcerns(doc, 'r2', [c('a')])).toBe(true);
    expect(writeReporterConcerns(doc, 'r1', [c('a'), c('b')])).toBe(false);
    expect(writeReporterConcerns(doc, 'r1', [c('b', 'Edited')])).toBe(true);
    expect(readProposedConcerns(doc).map((p) => [p.key, p.what])).toEqual([
      ['r1.b', 'Edited'],
      ['r2.a', 'Wrong answer'],
    ]);
  });

  it('skips keys and values of the wrong shape and lists them', () => {
    const doc = new Y.Doc();
    writeReporterConcerns(doc, 'r1', [c('a')]);
    doc.getMap<unknown>(PROPOSED_CONCERNS).set('no-dot', c('x'));
    doc.getMap<unknown>(PROPOSED_CONCERNS).set('r1.b', 42);
    const problems: string[] = [];
    expect(readProposedConcerns(doc, problems).map((p) => p.key)).toEqual(['r1.a']);
    expect(problems).toHaveLength(2);
  });
});
