import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { INTERVIEW_LIST, listInterview, readInterviewList } from './interview-list.ts';

const AT = Date.UTC(2026, 11, 7, 12);

describe('the registry’s list of interviews (INT4)', () => {
  it('lists ids newest first, once, and refuses a bad id or time changing nothing', () => {
    const doc = new Y.Doc();
    listInterview(doc, 'legal-1', AT);
    listInterview(doc, 'ds-1', AT + 1000);
    listInterview(doc, 'legal-1', AT + 2000); // again: changes nothing
    expect(readInterviewList(doc)).toEqual({ ids: ['ds-1', 'legal-1'], problems: [] });
    expect(() => listInterview(doc, '../x', AT)).toThrow(/interview id/);
    expect(() => listInterview(doc, 'x', Number.NaN)).toThrow();
    expect(readInterviewList(doc).ids).toEqual(['ds-1', 'legal-1']);
  });

  it('skips and names a malformed entry instead of trusting it', () => {
    const doc = new Y.Doc();
    listInterview(doc, 'ok', AT);
    const map = doc.getMap<unknown>(INTERVIEW_LIST);
    map.set('bad value', AT);
    map.set('no-time', { title: 'not a time' });
    const read = readInterviewList(doc);
    expect(read.ids).toEqual(['ok']);
    expect(read.problems).toHaveLength(2);
  });
});
