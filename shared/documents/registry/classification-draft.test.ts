import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setDraftAnswer, setDraftChoice } from './classification-draft.ts';
import { createRecord, readRegistryRecord } from './records.ts';

const AT = Date.UTC(2026, 11, 7, 9);

function registry() {
  const doc = new Y.Doc();
  createRecord(doc, 'rec-1', { name: 'HireRank' }, 'lead-0', AT);
  return doc;
}
const draftOf = (doc: Y.Doc) => readRegistryRecord(doc, 'rec-1')!.classification?.draft;

describe('classification draft (docs/sync.md RC2)', () => {
  it('keeps a choice the moment it is given, and an unanswered choice clears it', () => {
    const doc = registry();
    expect(setDraftChoice(doc, 'rec-1', 'annexISection', 'B', 'lead-a', AT)).toBe(true);
    expect(setDraftChoice(doc, 'rec-1', 'role', 'provider', 'lead-a', AT)).toBe(true);
    expect(setDraftChoice(doc, 'rec-1', 'role', 'provider', 'lead-a', AT + 1)).toBe(false);
    expect(draftOf(doc)).toMatchObject({
      pending: true,
      by: 'lead-a',
      at: AT,
      profile: { role: 'provider', annexISection: 'B' },
    });
    setDraftChoice(doc, 'rec-1', 'annexISection', undefined, 'lead-b', AT + 2);
    expect(draftOf(doc)?.profile.annexISection).toBeUndefined();
    expect(draftOf(doc)?.by).toBe('lead-b');
  });

  it('refuses a question that is not a choice, or a value the question does not allow, changing nothing', () => {
    const doc = registry();
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => setDraftChoice(doc, 'rec-1', 'deepFake', 'yes', 'lead-a', AT)).toThrow(
      /not a choice/,
    );
    expect(() => setDraftChoice(doc, 'rec-1', 'role', 'importer', 'lead-a', AT)).toThrow(
      /not an answer to role/,
    );
    expect(() => setDraftChoice(doc, 'rec-9', 'role', 'provider', 'lead-a', AT)).toThrow(
      /no record rec-9/,
    );
    expect(() =>
      setDraftAnswer(doc, 'rec-1', { question: 'role', on: true }, 'lead-a', AT),
    ).toThrow(/not a yes\/no question/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});
