import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CONCERNS, addConcern, readConcerns, type ReportConcern } from './index.ts';

const concern: ReportConcern = {
  id: 'c1',
  host: 'chatgpt.com',
  toolKey: 'chatgpt',
  toolName: 'ChatGPT',
  what: 'It invented a refund policy',
  createdAt: Date.UTC(2027, 0, 5, 10),
};

describe('concerns in the report document', () => {
  it('stores a concern once and reads it back', () => {
    const doc = new Y.Doc();
    addConcern(doc, concern);
    addConcern(doc, { ...concern, what: 'changed' }); // a resend is a no-op
    expect(readConcerns(doc)).toEqual([concern]);
  });

  it('refuses a blank concern or a bad host and changes nothing', () => {
    const doc = new Y.Doc();
    expect(() => addConcern(doc, { ...concern, what: '  ' })).toThrow(/what happened/);
    expect(() => addConcern(doc, { ...concern, host: 'a.com/x' })).toThrow(/hostname/);
    expect(doc.getMap(CONCERNS).size).toBe(0);
  });

  it('skips entries of the wrong shape and lists them', () => {
    const doc = new Y.Doc();
    addConcern(doc, concern);
    doc.getMap<unknown>(CONCERNS).set('c2', 'text');
    doc.getMap<unknown>(CONCERNS).set('c3', { toolName: 'X' });
    const problems: string[] = [];
    expect(readConcerns(doc, problems).map((c) => c.id)).toEqual(['c1']);
    expect(problems.join('\n')).toMatch(/c2: not a concern/);
    expect(problems.join('\n')).toMatch(/c3: unreadable concern/);
  });
});
