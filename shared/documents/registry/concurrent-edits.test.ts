import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seededRandom } from '../../../test/helpers/seeded-random.ts';
import { CATEGORIES } from '../../catalog/schema.ts';
import { DATA_CATEGORIES } from '../schema/values.ts';
import { setDraftAnswer } from './classification-draft.ts';
import { decideEuAiActCategory, setUseProfile } from './classification.ts';
import { historyWords } from './history-words.ts';
import { addNote, readRecordLogs } from './notes.ts';
import { readRegistry } from './read.ts';
import { createRecord, readRegistryRecord, resolveField, updateRecord } from './records.ts';
import { LIFECYCLES, type RecordPatch } from './schema.ts';

/**
 * Rule RC1 (docs/sync.md): two leads edit the same record offline, on real Y.Docs that exchange
 * their updates only afterwards. Whatever field they both change, nothing either of them wrote
 * is lost without a trace: text, choices and numbers keep both values as a conflict a lead
 * settles; sets merge item by item; notes, draft answers and decisions all stay.
 */

const AT = Date.UTC(2026, 4, 4, 9);
const WORDS = ['screens CVs', 'drafts emails', 'summarises calls', 'ranks leads', 'answers IT'];

function exchange(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

function twoLeads(seed: number) {
  const a = new Y.Doc();
  createRecord(a, 'rec-1', { name: 'HireRank', owner: 'Dana', userCount: 5 }, 'lead-a', AT);
  const b = new Y.Doc();
  exchange(a, b);
  return { a, b, random: seededRandom(seed) };
}

type Random = ReturnType<typeof seededRandom>;

/** One value per kind of single-valued field, different for each writer. */
function aValue(random: Random, field: string, writer: string): string | number {
  switch (field) {
    case 'category':
      return random.pick(CATEGORIES);
    case 'lifecycle':
      return random.pick(LIFECYCLES);
    case 'userCount':
      return random.int(1000) * 2 + (writer === 'a' ? 0 : 1); // never equal across writers
    default:
      return `${random.pick(WORDS)} (${writer}${random.int(100)})`;
  }
}

const SINGLE = [
  'name',
  'vendor',
  'purpose',
  'owner',
  'model',
  'provider',
  'category',
  'lifecycle',
  'userCount',
] as const;

describe('two leads editing one record offline (rule RC1)', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`keeps both writers' values of every single-valued field (seed ${seed})`, () => {
      const { a, b, random } = twoLeads(seed);
      for (const field of SINGLE) {
        const fromA = aValue(random, field, 'a');
        let fromB = aValue(random, field, 'b');
        if (fromB === fromA) {
          const choices: readonly string[] = field === 'category' ? CATEGORIES : LIFECYCLES;
          fromB = choices.find((value) => value !== fromA)!;
        }
        updateRecord(a, 'rec-1', { [field]: fromA } as RecordPatch, 'lead-a', AT + 1);
        updateRecord(b, 'rec-1', { [field]: fromB } as RecordPatch, 'lead-b', AT + 2);
        exchange(a, b);
        const record = readRegistryRecord(a, 'rec-1')!;
        const both = record.conflicts?.[field] ?? [];
        expect([...both].sort()).toEqual([fromA, fromB].sort());
        // Both replicas agree on what they show.
        expect(readRegistryRecord(b, 'rec-1')).toEqual(record);
        // Both edits are in the history, whole.
        const told = readRecordLogs(a, 'rec-1').history.flatMap((e) => e.changes ?? []);
        expect(told).toContainEqual(expect.objectContaining({ field, to: fromA }));
        expect(told).toContainEqual(expect.objectContaining({ field, to: fromB }));
        // A lead settles it; afterwards one value, and the choice is in the history.
        resolveField(b, 'rec-1', field, fromA, 'lead-b', AT + 3);
        exchange(a, b);
        const settled = readRegistryRecord(a, 'rec-1')!;
        expect(settled.conflicts?.[field]).toBeUndefined();
        expect(settled[field]).toBe(fromA);
        const [last] = readRecordLogs(a, 'rec-1').history;
        expect(last).toMatchObject({ action: 'resolved', by: 'lead-b' });
      }
    });
  }

  it('keeps a clear that raced a new value as a conflict, not a silent win', () => {
    const { a, b } = twoLeads(7);
    updateRecord(a, 'rec-1', { owner: null }, 'lead-a', AT + 1);
    updateRecord(b, 'rec-1', { owner: 'Sam' }, 'lead-b', AT + 1);
    exchange(a, b);
    const both = readRegistryRecord(a, 'rec-1')!.conflicts?.owner;
    expect(both).toHaveLength(2);
    expect(both).toEqual(expect.arrayContaining([undefined, 'Sam']));
  });

  it('does not call two writers who wrote the same value a conflict', () => {
    const { a, b } = twoLeads(8);
    updateRecord(a, 'rec-1', { vendor: 'Rank Ltd' }, 'lead-a', AT + 1);
    updateRecord(b, 'rec-1', { vendor: 'Rank Ltd' }, 'lead-b', AT + 1);
    exchange(a, b);
    const record = readRegistryRecord(a, 'rec-1')!;
    expect(record.vendor).toBe('Rank Ltd');
    expect(record.conflicts).toBeUndefined();
  });

  it('merges sets item by item, notes and draft answers entry by entry (seeded)', () => {
    const { a, b, random } = twoLeads(11);
    const departments = ['Sales', 'Legal', 'HR', 'Support', 'Finance'];
    const pickSome = <T>(items: readonly T[]) => items.filter(() => random.next() < 0.5);
    const depsA = pickSome(departments);
    const depsB = pickSome(departments);
    const dataA = pickSome(DATA_CATEGORIES);
    const dataB = pickSome(DATA_CATEGORIES);
    updateRecord(a, 'rec-1', { departments: depsA, dataCategories: dataA }, 'lead-a', AT + 1);
    updateRecord(b, 'rec-1', { departments: depsB, dataCategories: dataB }, 'lead-b', AT + 1);
    updateRecord(a, 'rec-1', { toolKeys: ['chatgpt'] }, 'lead-a', AT + 2);
    updateRecord(b, 'rec-1', { toolKeys: ['host:hirerank.example'] }, 'lead-b', AT + 2);
    addNote(a, 'rec-1', { id: 'na', kind: 'drift', text: 'Accuracy fell', by: 'lead-a', at: AT });
    addNote(b, 'rec-1', { id: 'nb', kind: 'performance', text: 'p95 1 s', by: 'lead-b', at: AT });
    const answer = (question: string, value?: string) => ({
      question,
      on: true,
      ...(value ? { value } : {}),
    });
    setDraftAnswer(a, 'rec-1', answer('annexIII', 'employment.recruitment'), 'lead-a', AT);
    setDraftAnswer(b, 'rec-1', answer('profilesNaturalPersons'), 'lead-b', AT);
    setDraftAnswer(b, 'rec-1', answer('annexIII', 'employment.work-decisions'), 'lead-b', AT);
    exchange(a, b);
    const record = readRegistryRecord(a, 'rec-1')!;
    // Each writer started from no items, so the merge is the union of what they added.
    expect(record.departments).toEqual([...new Set([...depsA, ...depsB])].sort());
    expect(record.dataCategories).toEqual([...new Set([...dataA, ...dataB])].sort());
    expect(record.toolKeys).toEqual(['chatgpt', 'host:hirerank.example']);
    expect(
      readRecordLogs(a, 'rec-1')
        .notes.map((n) => n.id)
        .sort(),
    ).toEqual(['na', 'nb']);
    const draft = record.classification?.draft?.profile;
    expect(draft?.annexIII.sort()).toEqual(['employment.recruitment', 'employment.work-decisions']);
    expect(draft?.profilesNaturalPersons).toBe(true);
    expect(readRegistry(b).records.get('rec-1')).toEqual(record);
  });

  it('keeps both leads’ concurrent decisions in the history, with their reasons', () => {
    const { a, b } = twoLeads(12);
    setUseProfile(a, 'rec-1', { annexIII: ['employment.recruitment'] }, 'lead-a', AT);
    exchange(a, b);
    decideEuAiActCategory(a, 'rec-1', {
      category: 'high-risk',
      confirmed: true,
      by: 'lead-a',
      at: AT + 1,
    });
    decideEuAiActCategory(b, 'rec-1', {
      category: 'minimal',
      confirmed: false,
      overrideReason: 'Drafts job ads only',
      by: 'lead-b',
      at: AT + 2,
    });
    exchange(a, b);
    const decisions = readRecordLogs(a, 'rec-1')
      .history.filter((e) => e.action === 'classified')
      .map((e) => historyWords(e).lines);
    expect(decisions).toEqual([
      ['EU AI Act category: (none) → “Minimal risk”', 'Reason: Drafts job ads only'],
      ['EU AI Act category: (none) → “High-risk”'],
    ]);
  });
});
