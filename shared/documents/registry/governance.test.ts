import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_TIER_SCHEME } from '../../classification/index.ts';
import { friaRequirement, nextReview } from '../../assessments/index.ts';
import {
  approvalsRequiredFor,
  GOVERNANCE,
  readGovernance,
  updateGovernance,
} from './governance.ts';
import { MAX_STORED_TIERS } from './tier-scheme.ts';

const AT = Date.UTC(2026, 2, 10, 12);
const BY = { by: 'lead-1', at: AT };
const state = (doc: Y.Doc) => Y.encodeStateAsUpdate(doc);

function merge(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
}
const plain = (doc: Y.Doc) => {
  const { reviewMonths, approvalsRequired, ...rest } = readGovernance(doc);
  const own = { ...approvalsRequired };
  return {
    ...rest,
    reviewMonths: { ...reviewMonths },
    ...(Object.keys(own).length > 0 ? { approvalsRequired: own } : {}),
  };
};

describe('governance settings: writing', () => {
  it('reads as not answered and no own intervals while nothing is stored', () => {
    expect(plain(new Y.Doc())).toEqual({ reviewMonths: {}, problems: [] });
  });

  it('stores the public-body answer and intervals, stamps the change, and clears with null', () => {
    const doc = new Y.Doc();
    expect(
      updateGovernance(
        doc,
        { publicBodyOrPublicService: true, reviewMonths: { 'tier-1': 3, 'tier-3': 36 } },
        BY,
      ),
    ).toBe(true);
    expect(plain(doc)).toEqual({
      publicBodyOrPublicService: true,
      reviewMonths: { 'tier-1': 3, 'tier-3': 36 },
      updatedBy: 'lead-1',
      updatedAt: AT,
      problems: [],
    });
    // Unchanged values write nothing, not even the stamp.
    const before = state(doc);
    expect(
      updateGovernance(doc, { publicBodyOrPublicService: true }, { by: 'x', at: AT + 1 }),
    ).toBe(false);
    expect(state(doc)).toEqual(before);
    updateGovernance(
      doc,
      { publicBodyOrPublicService: null, reviewMonths: { 'tier-1': null } },
      { by: 'lead-2', at: AT + 5 },
    );
    expect(plain(doc)).toEqual({
      reviewMonths: { 'tier-3': 36 },
      updatedBy: 'lead-2',
      updatedAt: AT + 5,
      problems: [],
    });
  });

  it('S5: stores the approvals a tier needs (0–5), clears with null, keeps other keys', () => {
    const doc = new Y.Doc();
    updateGovernance(doc, { approvalsRequired: { 'tier-1': 2, 'tier-3': 0 } }, BY);
    expect(plain(doc).approvalsRequired).toEqual({ 'tier-1': 2, 'tier-3': 0 });
    updateGovernance(doc, { approvalsRequired: { 'tier-1': null } }, BY);
    expect(plain(doc).approvalsRequired).toEqual({ 'tier-3': 0 });
    expect(plain(doc).problems).toEqual([]);
    const before = state(doc);
    for (const count of [-1, 6, 1.5, '2']) {
      expect(() =>
        updateGovernance(doc, { approvalsRequired: { 'tier-1': count as number } }, BY),
      ).toThrow(/whole number from 0 to 5/);
    }
    expect(state(doc)).toEqual(before);
    expect(approvalsRequiredFor(readGovernance(doc), 'tier-3', 'tier-1')).toBe(0);
    expect(approvalsRequiredFor(readGovernance(doc), 'tier-2', 'tier-1')).toBe(1);
    // An undecided tier counts as the most severe.
    updateGovernance(doc, { approvalsRequired: { 'tier-1': 3 } }, BY);
    expect(approvalsRequiredFor(readGovernance(doc), undefined, 'tier-1')).toBe(3);
  });

  it('refuses bad input with a clear error, changing nothing', () => {
    const doc = new Y.Doc();
    updateGovernance(doc, { reviewMonths: { 'tier-2': 12 } }, BY);
    const before = state(doc);
    const bad: [unknown, unknown, RegExp][] = [
      [{ publicBodyOrPublicService: 'yes' }, BY, /true, false or not answered/],
      [{ reviewMonths: { 'tier-1': 0 } }, BY, /whole number of months from 1 to 60/],
      [{ reviewMonths: { 'tier-1': 61 } }, BY, /from 1 to 60/],
      [{ reviewMonths: { 'tier-1': 2.5 } }, BY, /whole number/],
      [{ reviewMonths: { 'tier-1': '6' } }, BY, /whole number/],
      [{ reviewMonths: { 'not a tier!': 6 } }, BY, /is not a tier id/],
      // A valid field beside a bad one is not written either.
      [{ publicBodyOrPublicService: true, reviewMonths: { 'tier-1': -1 } }, BY, /from 1 to 60/],
      [{ publicBodyOrPublicService: true }, { by: '', at: AT }, /by must be 1–200/],
      [{ publicBodyOrPublicService: true }, { by: 'lead', at: -1 }, /epoch milliseconds/],
      [null, BY, /nothing to change/],
    ];
    for (const [change, stamp, message] of bad) {
      expect(() => updateGovernance(doc, change as never, stamp as never)).toThrow(message);
      expect(state(doc)).toEqual(before);
    }
  });

  it('refuses to write over another type, and past the cap of stored intervals', () => {
    const other = new Y.Doc();
    other.getArray(GOVERNANCE).insert(0, ['junk']);
    expect(() => updateGovernance(other, { publicBodyOrPublicService: true }, BY)).toThrow(
      /holds another type/,
    );
    const doc = new Y.Doc();
    const many = Object.fromEntries(
      Array.from({ length: MAX_STORED_TIERS }, (_, i) => [`t-${i}`, 6]),
    );
    updateGovernance(doc, { reviewMonths: many }, BY);
    const before = state(doc);
    expect(() => updateGovernance(doc, { reviewMonths: { extra: 6 } }, BY)).toThrow(/no more fit/);
    expect(state(doc)).toEqual(before);
    // Changing one already stored still works.
    expect(updateGovernance(doc, { reviewMonths: { 't-0': 7 } }, BY)).toBe(true);
  });
});

describe('governance settings: reading without trust', () => {
  it('skips and reports hostile shapes, keeping what is readable', () => {
    const doc = new Y.Doc();
    updateGovernance(doc, { reviewMonths: { 'tier-2': 9 } }, BY);
    const map = doc.getMap<unknown>(GOVERNANCE);
    map.set('publicBodyOrPublicService', 'yes');
    map.set('reviewMonths.tier-1', 0);
    map.set('reviewMonths.tier-3', '12');
    map.set('reviewMonths.tier-4', new Y.Map());
    map.set('reviewMonths.__proto__', 5);
    map.set('reviewMonths.bad id', 5);
    map.set('colour', 'red');
    map.set('updatedAt', 'yesterday');
    const read = readGovernance(doc);
    expect(read.publicBodyOrPublicService).toBeUndefined();
    expect(Object.entries(read.reviewMonths).sort()).toEqual([
      ['__proto__', 5],
      ['tier-2', 9],
    ]);
    expect(Object.getPrototypeOf(read.reviewMonths)).toBeNull();
    expect(read.updatedAt).toBeUndefined();
    expect(read.problems).toEqual([
      `${GOVERNANCE}.publicBodyOrPublicService: expected true or false, got a string`,
      `${GOVERNANCE}.updatedAt: expected a number, got a string`,
      `${GOVERNANCE}: "colour" is not a setting; ignored`,
      `${GOVERNANCE}: "reviewMonths.bad id" is not a setting; ignored`,
      `${GOVERNANCE}."reviewMonths.tier-1": expected a number in 1…60, got 0`,
      `${GOVERNANCE}."reviewMonths.tier-3": expected a number, got a string`,
      `${GOVERNANCE}."reviewMonths.tier-4": expected a number, got a YMap`,
    ]);
  });

  it('reads another type under the name as nothing set, saying so', () => {
    const doc = new Y.Doc();
    doc.getArray(GOVERNANCE).insert(0, ['junk']);
    const read = readGovernance(doc);
    expect(read.publicBodyOrPublicService).toBeUndefined();
    expect(read.problems).toEqual([`${GOVERNANCE}: expected a map, found another type`]);
  });
});

describe('governance settings: two leads at once', () => {
  it('merges edits of different fields made on two replicas', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    updateGovernance(a, { reviewMonths: { 'tier-1': 4 } }, BY);
    merge(a, b);
    updateGovernance(a, { publicBodyOrPublicService: false }, { by: 'lead-a', at: AT + 1 });
    updateGovernance(
      b,
      { reviewMonths: { 'tier-1': 3, 'tier-2': 18 } },
      { by: 'lead-b', at: AT + 2 },
    );
    merge(a, b);
    expect(plain(a)).toEqual(plain(b));
    expect(plain(a)).toMatchObject({
      publicBodyOrPublicService: false,
      reviewMonths: { 'tier-1': 3, 'tier-2': 18 },
      problems: [],
    });
  });
});

describe('governance settings: what they feed', () => {
  it('gives the FRIA rule its deployer and nextReview its custom months', () => {
    const doc = new Y.Doc();
    updateGovernance(doc, { publicBodyOrPublicService: true, reviewMonths: { 'tier-1': 3 } }, BY);
    const governance = readGovernance(doc);
    const classification = {
      profile: { annexIII: ['employment.recruitment'] },
      suggested: { category: 'high-risk' },
    } as never;
    expect(friaRequirement(classification, governance).required).toBe('yes');
    expect(friaRequirement(classification, {}).required).toBe('unknown');
    const due = nextReview({
      tierId: 'tier-1',
      scheme: DEFAULT_TIER_SCHEME,
      lastSignOffAt: AT,
      now: AT,
      custom: governance.reviewMonths,
    });
    expect(due.months).toBe(3);
    expect(due.dueAt).toBe(Date.UTC(2026, 5, 10, 12));
  });
});
