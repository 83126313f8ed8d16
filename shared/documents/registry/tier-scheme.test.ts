import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_TIER_SCHEME, TierSchemeError, suggestTier } from '../../classification/index.ts';
import { seededRandom } from '../../../test/helpers/seeded-random.ts';
import { META } from '../schema/version.ts';
import { SCHEMA_VERSION } from './schema.ts';
import {
  MAX_STORED_TIERS,
  TIER_SCHEME,
  findTier,
  moveTier,
  readTierScheme,
  removeTier,
  resetTierScheme,
  setTier,
} from './tier-scheme.ts';

const AT = Date.UTC(2026, 2, 10, 12);
const BY = { by: 'lead-1', at: AT };
const names = (doc: Y.Doc) => readTierScheme(doc).scheme.tiers.map((t) => t.name);
const ids = (doc: Y.Doc) => readTierScheme(doc).scheme.tiers.map((t) => t.id);
const state = (doc: Y.Doc) => Y.encodeStateAsUpdate(doc);

function sync(from: Y.Doc, to = new Y.Doc()): Y.Doc {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from));
  return to;
}
function merge(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
}

describe('the tier scheme: reading', () => {
  it('is the default scheme itself while nothing is stored', () => {
    const read = readTierScheme(new Y.Doc());
    expect(read).toEqual({
      scheme: DEFAULT_TIER_SCHEME,
      isDefault: true,
      removed: [],
      problems: [],
    });
    expect(read.scheme).toBe(DEFAULT_TIER_SCHEME);
  });

  it('skips and reports hostile shapes, keeping the readable tiers in rank order', () => {
    const doc = new Y.Doc();
    setTier(doc, { id: 'tier-4', name: 'Tier 4', description: 'Experiments' }, BY);
    const map = doc.getMap<unknown>(TIER_SCHEME);
    map.set('not an id!.name', 'X');
    map.set('tier-x.colour', 'red');
    map.set('tier-y.name', 42);
    map.set('tier-y.rank', 0);
    map.set('tier-z.name', new Y.Map());
    map.set('tier-2.name', 'x'.repeat(61)); // too long: the default name shows
    map.set('tier-3.rank', 'first');
    map.set('tier-1.removed', 'yes');
    const read = readTierScheme(doc);
    expect(read.scheme.tiers.map((t) => [t.id, t.name])).toEqual([
      ['tier-1', 'Tier 1'],
      ['tier-2', 'Tier 2'],
      ['tier-4', 'Tier 4'],
      ['tier-3', 'Tier 3'],
    ]);
    expect(read.isDefault).toBe(false);
    expect(read.problems).toEqual([
      `${TIER_SCHEME}: "not an id!.name" is not a tier's field; ignored`,
      `${TIER_SCHEME}: "tier-x.colour" is not a tier's field; ignored`,
      `${TIER_SCHEME}."tier-1.removed": expected true or false, got a string`,
      `${TIER_SCHEME}."tier-2.name": expected at most 60 characters, got 61`,
      `${TIER_SCHEME}."tier-3.rank": expected a number, got a string`,
      `${TIER_SCHEME}."tier-y.name": expected a string, got 42`,
      `${TIER_SCHEME}.tier-y: no readable name; skipped`,
      `${TIER_SCHEME}."tier-z.name": expected a string, got a YMap`,
      `${TIER_SCHEME}.tier-z: no readable name; skipped`,
    ]);
  });

  it('falls back to the default scheme when the stored one is unusable, saying so', () => {
    const doc = new Y.Doc();
    doc.getArray(TIER_SCHEME).insert(0, ['junk']);
    const wrongType = readTierScheme(doc);
    expect(wrongType.scheme).toBe(DEFAULT_TIER_SCHEME);
    expect(wrongType.problems).toEqual([`${TIER_SCHEME}: expected a map, found another type`]);
    expect(() => setTier(doc, { id: 'a', name: 'A', description: '' }, BY)).toThrow(/another type/);

    const broken = new Y.Doc();
    broken.getMap(TIER_SCHEME).set('tier-1', 'high');
    broken.getMap(TIER_SCHEME).set('t9.rank', 1);
    const read = readTierScheme(broken);
    expect(read.isDefault).toBe(true);
    expect(read.scheme).toBe(DEFAULT_TIER_SCHEME);
    expect(read.problems.at(-1)).toMatch(/no tier left in the scheme; the default scheme applies/);
  });

  it('never shows more than 9 tiers; the rest are listed with the removed ones', () => {
    const doc = new Y.Doc();
    const map = doc.getMap<unknown>(TIER_SCHEME);
    for (let i = 0; i < 12; i++) {
      map.set(`t${i}.name`, `T${i}`);
      map.set(`t${i}.rank`, i);
    }
    const read = readTierScheme(doc);
    expect(read.scheme.tiers).toHaveLength(9);
    expect(read.removed.map((t) => t.id)).toEqual(['t10', 't11', 't9']);
    expect(read.problems).toEqual([
      `${TIER_SCHEME}: more than 9 tiers (edited at once?); t9, t10, t11 left out`,
    ]);
  });

  it('reads at most MAX_STORED_TIERS stored tiers', () => {
    const doc = new Y.Doc();
    const map = doc.getMap<unknown>(TIER_SCHEME);
    doc.transact(() => {
      for (let i = 0; i < MAX_STORED_TIERS + 50; i++) {
        map.set(`t${String(i).padStart(3, '0')}.name`, `T${i}`);
        map.set(`t${String(i).padStart(3, '0')}.rank`, i);
      }
    });
    const read = readTierScheme(doc);
    expect(read.problems[0]).toBe(
      `${TIER_SCHEME}: more than ${MAX_STORED_TIERS} stored tiers; the rest are ignored`,
    );
    expect(read.problems[1]).toMatch(/more than 9 tiers .* t009, t010/);
    expect(read.scheme.tiers).toHaveLength(9);
    expect(read.removed).toHaveLength(MAX_STORED_TIERS - 9);
    expect(() => setTier(doc, { id: 'one-more', name: 'More', description: '' }, BY)).toThrow(
      /at most 9 tiers/,
    );
    // Not a tier's field: the first few are named, the rest counted.
    const junk = new Y.Doc();
    for (let i = 0; i < 50; i++) junk.getMap(TIER_SCHEME).set(`junk${i}`, i);
    const junkRead = readTierScheme(junk).problems;
    expect(junkRead).toHaveLength(7);
    expect(junkRead[5]).toBe(`${TIER_SCHEME}: 45 more keys ignored`);
  });
});

describe('the tier scheme: writing', () => {
  it('edits a default tier storing only the ranks and what differs from the default', () => {
    const doc = new Y.Doc();
    expect(setTier(doc, { ...DEFAULT_TIER_SCHEME.tiers[1]! }, BY)).toBe('unchanged');
    expect(state(doc)).toEqual(state(new Y.Doc()));
    expect(
      setTier(doc, { id: 'tier-1', name: 'Critical', description: 'Decides about people' }, BY),
    ).toBe('changed');
    const read = readTierScheme(sync(doc));
    expect(read.isDefault).toBe(false);
    expect(read.problems).toEqual([]);
    expect(read.scheme.tiers.map((t) => t.name)).toEqual(['Critical', 'Tier 2', 'Tier 3']);
    expect(Object.fromEntries(doc.getMap(TIER_SCHEME).entries())).toEqual({
      'tier-1.rank': 0,
      'tier-2.rank': 1,
      'tier-3.rank': 2,
      'tier-1.name': 'Critical',
      'tier-1.description': 'Decides about people',
      'tier-1.updatedBy': 'lead-1',
      'tier-1.updatedAt': AT,
    });
    expect(doc.getMap(META).get('schemaVersion')).toBe(SCHEMA_VERSION);
  });

  it('adds tiers at the end, moves, removes and resets them', () => {
    const doc = new Y.Doc();
    expect(setTier(doc, { id: 'tier-4', name: 'Tier 4', description: '' }, BY)).toBe('added');
    expect(ids(doc)).toEqual(['tier-1', 'tier-2', 'tier-3', 'tier-4']);
    moveTier(doc, 'tier-4', 0, BY);
    expect(ids(doc)).toEqual(['tier-4', 'tier-1', 'tier-2', 'tier-3']);
    moveTier(doc, 'tier-2', 3, BY);
    expect(ids(doc)).toEqual(['tier-4', 'tier-1', 'tier-3', 'tier-2']);
    removeTier(doc, 'tier-1', BY);
    const read = readTierScheme(doc);
    expect(read.scheme.tiers.map((t) => t.id)).toEqual(['tier-4', 'tier-3', 'tier-2']);
    expect(read.removed).toEqual([DEFAULT_TIER_SCHEME.tiers[0]]);
    expect(findTier(read, 'tier-1')).toEqual({ tier: read.removed[0], current: false });
    expect(findTier(read, 'tier-4')?.current).toBe(true);
    expect(findTier(read, 'never')).toBeUndefined();

    resetTierScheme(doc, BY);
    const reset = readTierScheme(doc);
    expect(reset.scheme).toEqual(DEFAULT_TIER_SCHEME);
    expect(reset.removed.map((t) => [t.id, t.name])).toEqual([['tier-4', 'Tier 4']]);
    // Only what differs is written: a reset of the default changes nothing.
    const before = state(doc);
    resetTierScheme(doc, { by: 'lead-2', at: AT + 1 });
    expect(state(doc)).toEqual(before);
  });

  it('refuses bad input with a clear error and changes nothing', () => {
    const doc = new Y.Doc();
    setTier(doc, { id: 'tier-4', name: 'Tier 4', description: '' }, BY);
    const before = state(doc);
    const refused: Array<[() => unknown, RegExp]> = [
      [() => setTier(doc, { id: '', name: 'A', description: '' }, BY), /needs an id/],
      [() => setTier(doc, { id: 'a b', name: 'A', description: '' }, BY), /letters, digits/],
      [() => setTier(doc, { id: 'a', name: '  ', description: '' }, BY), /needs a name/],
      [() => setTier(doc, { id: 'a', name: 'x'.repeat(61), description: '' }, BY), /at most 60/],
      [
        () => setTier(doc, { id: 'a', name: 'A', description: 'd'.repeat(1001) }, BY),
        /at most 1000/,
      ],
      [() => setTier(doc, { id: 'a', name: 'A' } as never, BY), /needs a description/],
      [() => setTier(doc, { id: 'a', name: 'tier 2', description: '' }, BY), /already named/],
      [() => setTier(doc, { id: 'a', name: 'A', description: '' }, { by: '', at: AT }), /by/],
      [() => setTier(doc, { id: 'a', name: 'A', description: '' }, { by: 'x', at: -1 }), /at/],
      [() => removeTier(doc, 'nope', BY), /no tier "nope"/],
      [() => moveTier(doc, 'tier-1', 4, BY), /position from 1 to 4/],
      [() => moveTier(doc, 'tier-1', 1.5, BY), /position/],
      [() => moveTier(doc, 'nope', 0, BY), /no tier/],
    ];
    for (const [write, message] of refused) {
      expect(write).toThrow(message);
      expect(state(doc)).toEqual(before);
    }
    expect(() => setTier(doc, { id: 'a', name: 'A', description: '' }, BY)).not.toThrow();
  });

  it('keeps between 1 and 9 tiers, and never revives a removed one', () => {
    const doc = new Y.Doc();
    for (let i = 4; i <= 9; i++) setTier(doc, { id: `t${i}`, name: `T${i}`, description: '' }, BY);
    expect(() => setTier(doc, { id: 't10', name: 'T10', description: '' }, BY)).toThrow(
      TierSchemeError,
    );
    expect(ids(doc)).toHaveLength(9);
    for (const id of ids(doc).slice(1)) removeTier(doc, id, BY);
    expect(names(doc)).toEqual(['Tier 1']);
    expect(() => removeTier(doc, 'tier-1', BY)).toThrow(/at least one tier/);
    expect(() => setTier(doc, { id: 't4', name: 'Back', description: '' }, BY)).toThrow(
      /was removed/,
    );
  });

  it('refuses to write a registry from a newer version', () => {
    const doc = new Y.Doc();
    doc.getMap(META).set('schemaVersion', SCHEMA_VERSION + 1);
    const before = state(doc);
    expect(() => setTier(doc, { id: 'a', name: 'A', description: '' }, BY)).toThrow(/newer/);
    expect(state(doc)).toEqual(before);
  });
});

describe('the tier scheme: two leads at once', () => {
  it('merges edits of different tiers made from the default, losing neither', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    setTier(a, { id: 'tier-2', name: 'Medium', description: 'A person decides' }, BY);
    setTier(b, { id: 'tier-1', name: 'Critical', description: 'Decides' }, { ...BY, by: 'l2' });
    merge(a, b);
    expect(names(a)).toEqual(['Critical', 'Medium', 'Tier 3']);
    expect(readTierScheme(b)).toEqual(readTierScheme(a));
    expect(readTierScheme(a).problems).toEqual([]);
  });

  it('merges a name and a description of the same tier, and a removal with an edit', () => {
    const a = new Y.Doc();
    setTier(a, { id: 'tier-4', name: 'Tier 4', description: '' }, BY);
    const b = sync(a);
    const routine = DEFAULT_TIER_SCHEME.tiers[2]!.description;
    setTier(a, { id: 'tier-3', name: 'Routine', description: routine }, BY);
    setTier(b, { id: 'tier-3', name: 'Tier 3', description: 'Admin tools' }, BY);
    removeTier(a, 'tier-4', BY);
    setTier(b, { id: 'tier-4', name: 'Pilots', description: '' }, BY);
    merge(a, b);
    const read = readTierScheme(a);
    expect(read).toEqual(readTierScheme(b));
    expect(read.scheme.tiers.map((t) => t.id)).toEqual(['tier-1', 'tier-2', 'tier-3']);
    expect(read.scheme.tiers[2]!.name).toBe('Routine');
    expect(read.scheme.tiers[2]!.description).toBe('Admin tools');
    expect(read.removed).toEqual([{ id: 'tier-4', name: 'Pilots', description: '' }]);
  });

  it('converges on one of two names given to the same tier at once', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    setTier(a, { id: 'tier-1', name: 'Critical', description: '' }, BY);
    setTier(b, { id: 'tier-1', name: 'Severe', description: '' }, BY);
    merge(a, b);
    expect(readTierScheme(a)).toEqual(readTierScheme(b));
    expect(['Critical', 'Severe']).toContain(names(a)[0]);
  });

  it('converges on one order when two leads add and move tiers at once', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.clientID = 1;
    b.clientID = 2;
    setTier(a, { id: 'tier-4', name: 'From A', description: '' }, BY);
    moveTier(a, 'tier-4', 0, BY);
    setTier(b, { id: 'tier-5', name: 'From B', description: '' }, BY);
    moveTier(b, 'tier-3', 0, BY);
    merge(a, b);
    const read = readTierScheme(a);
    expect(read).toEqual(readTierScheme(b));
    expect(read.problems).toEqual([]);
    expect(new Set(read.scheme.tiers.map((t) => t.id))).toEqual(
      new Set(['tier-1', 'tier-2', 'tier-3', 'tier-4', 'tier-5']),
    );
    // Still a valid scheme for the suggestion.
    expect(() => suggestTier({}, read.scheme)).not.toThrow();
  });

  it('falls back to the default when two leads remove the last two tiers at once', () => {
    const a = new Y.Doc();
    setTier(a, { id: 'tier-1', name: 'Only', description: '' }, BY);
    removeTier(a, 'tier-3', BY);
    const b = sync(a);
    removeTier(a, 'tier-1', BY);
    removeTier(b, 'tier-2', BY);
    merge(a, b);
    const read = readTierScheme(a);
    expect(read.scheme).toBe(DEFAULT_TIER_SCHEME);
    expect(read.problems.join()).toMatch(/default scheme applies/);
    // The next edit starts from a clean default.
    setTier(a, { id: 'tier-2', name: 'Middle', description: '' }, BY);
    expect(names(a)).toEqual(['Tier 1', 'Middle', 'Tier 3']);
  });
});

describe('the tier scheme: three leads editing at random', () => {
  it.each([1, 2, 3, 42, 2026])('seed %i: every replica converges on a valid scheme', (seed) => {
    const { next: random, pick } = seededRandom(seed);
    const leads = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
    let added = 0;
    for (let round = 0; round < 30; round++) {
      for (const doc of leads) {
        const tiers = readTierScheme(doc).scheme.tiers;
        const tier = pick(tiers);
        const change = { by: `lead-${doc.clientID}`, at: AT + round };
        try {
          switch (pick(['add', 'rename', 'move', 'remove', 'reset'] as const)) {
            case 'add':
              setTier(doc, { id: `t${added++}`, name: `New ${added}`, description: '' }, change);
              break;
            case 'rename':
              setTier(doc, { ...tier, name: `${tier.name.slice(0, 40)} ${round}` }, change);
              break;
            case 'move':
              moveTier(doc, tier.id, Math.floor(random() * tiers.length), change);
              break;
            case 'remove':
              removeTier(doc, tier.id, change);
              break;
            case 'reset':
              if (random() < 0.2) resetTierScheme(doc, change);
          }
        } catch (error) {
          // Refusals (a tenth tier, the last tier, a twin name) are fine; nothing else is.
          expect(error).toBeInstanceOf(TierSchemeError);
        }
      }
      // Sometimes everyone syncs, sometimes only two of them.
      if (random() < 0.5) merge(leads[0]!, leads[1]!);
      if (random() < 0.3) merge(leads[1]!, leads[2]!);
    }
    merge(leads[0]!, leads[1]!);
    merge(leads[1]!, leads[2]!);
    merge(leads[0]!, leads[1]!);
    const [first, ...rest] = leads.map(readTierScheme);
    for (const other of rest) expect(other).toEqual(first);
    const tiers = first!.scheme.tiers;
    expect(tiers.length).toBeGreaterThanOrEqual(1);
    expect(tiers.length).toBeLessThanOrEqual(9);
    expect(new Set(tiers.map((t) => t.id)).size).toBe(tiers.length);
    expect(() => suggestTier({ deepFake: true }, first!.scheme)).not.toThrow();
  });
});

describe('the suggestion on a workspace scheme', () => {
  it('says nothing about mapping on the default scheme, even when stored', () => {
    const doc = new Y.Doc();
    setTier(doc, { id: 'tier-4', name: 'Tier 4', description: '' }, BY);
    resetTierScheme(doc, BY);
    const suggestion = suggestTier({}, readTierScheme(doc).scheme);
    expect(suggestion.tier.id).toBe('tier-3');
    expect(suggestion.reasons).toHaveLength(1);
    setTier(doc, { id: 'tier-3', name: 'Routine', description: '' }, BY);
    expect(suggestTier({}, readTierScheme(doc).scheme).reasons.at(-1)).toMatch(
      /default Tier 3 .* maps to Routine/,
    );
  });
});
