import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ProfileError, RULES_VERSION } from '../../classification/index.ts';
import {
  CLASSIFICATION,
  decideEuAiActCategory,
  decideTier,
  setUseProfile,
} from './classification.ts';
import { readRegistry } from './read.ts';
import { createRecord } from './records.ts';
import { RECORDS } from './schema.ts';

const AT = Date.UTC(2026, 2, 10, 12);

function aRecord(): Y.Doc {
  const doc = new Y.Doc();
  createRecord(doc, 'rec-1', { name: 'Screener' }, 'lead-1', AT);
  return doc;
}

function sync(from: Y.Doc): Y.Doc {
  const to = new Y.Doc();
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from));
  return to;
}

const recordOf = (doc: Y.Doc) => readRegistry(doc).records.get('rec-1')!;
const classificationMap = (doc: Y.Doc) =>
  (doc.getMap(RECORDS).get('rec-1') as Y.Map<unknown>).get(CLASSIFICATION) as Y.Map<unknown>;

describe('record classification', () => {
  it('stores the profile answers with the suggested category and its basis', () => {
    const doc = aRecord();
    expect(
      setUseProfile(
        doc,
        'rec-1',
        { annexIII: ['employment.recruitment'], interactsWithPeople: true, deepFake: false },
        'lead-2',
        AT + 5,
      ),
    ).toBe(true);
    const read = readRegistry(sync(doc));
    expect(read.problems).toEqual([]);
    const record = read.records.get('rec-1')!;
    expect(record.classification?.profile).toMatchObject({
      annexIII: ['employment.recruitment'],
      interactsWithPeople: true,
      deepFake: false,
      prohibitedPractices: [],
    });
    // With the version of the rules it was suggested under (shared/classification/rules).
    expect(record.classification?.suggested).toEqual({
      category: 'high-risk',
      basis: ['Annex III 4(a)'],
      rulesVersion: RULES_VERSION,
    });
    expect(record.classification?.answeredBy).toBe('lead-2');
    expect(record.updatedAt).toBe(AT + 5);
    // Only the answers given are stored, as JSON values.
    const stored = classificationMap(doc).get('profile') as Y.Map<unknown>;
    expect(Object.fromEntries(stored.entries())).toEqual({
      annexIII: ['employment.recruitment'],
      interactsWithPeople: true,
    });
    // The same answers again change nothing.
    expect(
      setUseProfile(
        doc,
        'rec-1',
        { interactsWithPeople: true, annexIII: ['employment.recruitment'] },
        'x',
        AT + 9,
      ),
    ).toBe(false);
    expect(recordOf(doc).updatedAt).toBe(AT + 5);
  });

  it('removes answers taken back and refuses an invalid profile, changing nothing', () => {
    const doc = aRecord();
    setUseProfile(doc, 'rec-1', { deepFake: true, interactsWithPeople: true }, 'lead-1', AT);
    setUseProfile(doc, 'rec-1', { deepFake: true }, 'lead-1', AT + 1);
    // A deep fake: Art. 50(2) marking by the provider, Art. 50(4) disclosure by the deployer.
    expect(recordOf(doc).classification?.suggested).toEqual({
      category: 'transparency',
      basis: ['Art. 50(2)', 'Art. 50(4)'],
      rulesVersion: RULES_VERSION,
    });
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => setUseProfile(doc, 'rec-1', { colour: 'red' }, 'lead-1', AT + 2)).toThrow(
      ProfileError,
    );
    expect(() => setUseProfile(doc, 'nope', {}, 'lead-1', AT + 2)).toThrow(/no record/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('keeps a confirmation, and an override with its reason', () => {
    const doc = aRecord();
    setUseProfile(doc, 'rec-1', { annexIII: ['employment.recruitment'] }, 'lead-1', AT);
    decideEuAiActCategory(doc, 'rec-1', {
      category: 'high-risk',
      confirmed: true,
      by: 'lead-1',
      at: AT + 1,
    });
    expect(recordOf(doc).classification?.decision).toEqual({
      category: 'high-risk',
      confirmed: true,
      by: 'lead-1',
      at: AT + 1,
    });
    decideEuAiActCategory(doc, 'rec-1', {
      category: 'minimal',
      confirmed: false,
      overrideReason: 'Only used to draft job ads; a person screens every candidate.',
      by: 'lead-2',
      at: AT + 2,
    });
    expect(recordOf(sync(doc)).classification?.decision).toEqual({
      category: 'minimal',
      confirmed: false,
      overrideReason: 'Only used to draft job ads; a person screens every candidate.',
      by: 'lead-2',
      at: AT + 2,
    });
  });

  it('refuses an override without a reason, a confirmation of another category, no profile', () => {
    const doc = aRecord();
    const decide = (decision: Partial<Parameters<typeof decideEuAiActCategory>[2]>) =>
      decideEuAiActCategory(doc, 'rec-1', {
        category: 'minimal',
        confirmed: false,
        by: 'lead-1',
        at: AT,
        ...decision,
      });
    expect(() => decide({ overrideReason: 'x' })).toThrow(/use profile first/);
    setUseProfile(doc, 'rec-1', { annexIII: ['employment.recruitment'] }, 'lead-1', AT);
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => decide({})).toThrow(/override reason/);
    expect(() => decide({ overrideReason: '   ' })).toThrow(/blank/);
    expect(() => decide({ confirmed: true })).toThrow(/confirms the suggestion/);
    expect(() => decide({ category: 'bogus' as never, overrideReason: 'x' })).toThrow(/category/);
    expect(() => decide({ overrideReason: 'ok', by: '' })).toThrow(/by/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('keeps the tier decision; another tier than suggested needs a reason', () => {
    const doc = aRecord();
    decideTier(doc, 'rec-1', {
      suggested: 'tier-1',
      decided: 'tier-1',
      suggestedReasons: ['EU AI Act: a high-risk system (Annex III 4(a)).'],
      by: 'lead-1',
      at: AT,
    });
    expect(recordOf(doc).classification?.tier).toEqual({
      suggested: 'tier-1',
      decided: 'tier-1',
      suggestedReasons: ['EU AI Act: a high-risk system (Annex III 4(a)).'],
      by: 'lead-1',
      at: AT,
    });
    expect(() =>
      decideTier(doc, 'rec-1', { suggested: 'tier-1', decided: 'tier-2', by: 'l', at: AT }),
    ).toThrow(/reason/);
    decideTier(doc, 'rec-1', {
      suggested: 'tier-1',
      decided: 'tier-2',
      reason: 'A person reviews every output.',
      by: 'lead-2',
      at: AT + 1,
    });
    expect(recordOf(sync(doc)).classification?.tier).toMatchObject({
      decided: 'tier-2',
      reason: 'A person reviews every output.',
    });
  });

  it('skips and reports hostile shapes, keeping what is readable', () => {
    const doc = aRecord();
    setUseProfile(doc, 'rec-1', { deepFake: true }, 'lead-1', AT);
    const map = classificationMap(doc);
    const profile = map.get('profile') as Y.Map<unknown>;
    profile.set('colour', '<script>alert(1)</script>');
    map.set('suggested', { category: 'high-risk', basis: 'Annex III' });
    map.set('decision', { category: 'minimal', confirmed: false, by: 'x', at: AT });
    map.set('tier', ['tier-1']);
    map.set('answeredAt', 'yesterday');
    const record = recordOf(doc);
    expect(record.name).toBe('Screener');
    expect(record.classification).toEqual({ answeredBy: 'lead-1' });
    const problems = readRegistry(doc).problems.join('\n');
    expect(problems).toMatch(/classification\.profile: unknown field "colour"/);
    expect(problems).toMatch(/classification\.profile: not a valid use profile; skipped/);
    expect(problems).toMatch(/classification\.suggested: its basis is not a list/);
    expect(problems).toMatch(/classification\.decision: an override without a readable reason/);
    expect(problems).toMatch(/classification\.tier: expected an object/);
    expect(problems).toMatch(/classification\.answeredAt/);

    // Not a map at all: reported, and the record is still read.
    (doc.getMap(RECORDS).get('rec-1') as Y.Map<unknown>).set(CLASSIFICATION, 'high-risk');
    const again = readRegistry(doc);
    expect(again.records.get('rec-1')?.classification).toBeUndefined();
    expect(again.problems.join('\n')).toMatch(/rec-1\.classification: expected a map/);
  });

  it('a record never classified has no classification key', () => {
    expect('classification' in recordOf(aRecord())).toBe(false);
  });
});
