import { describe, expect, it } from 'vitest';
import { ProfileError, type EuAiActProfileInput } from './eu-ai-act-profile.ts';
import { DEFAULT_TIER_SCHEME, suggestTier, TierSchemeError, type TierScheme } from './tiers.ts';

describe('the default tier scheme', () => {
  it('is Tier 1/2/3 of the ISO 42001 reference, most severe first', () => {
    expect(DEFAULT_TIER_SCHEME.tiers.map((t) => [t.id, t.name])).toEqual([
      ['tier-1', 'Tier 1'],
      ['tier-2', 'Tier 2'],
      ['tier-3', 'Tier 3'],
    ]);
    expect(DEFAULT_TIER_SCHEME.tiers[0]!.description).toMatch(/decisions about people/);
    expect(DEFAULT_TIER_SCHEME.tiers[1]!.description).toMatch(/a person makes the final decision/);
    expect(DEFAULT_TIER_SCHEME.tiers[2]!.description).toMatch(/Operational and administrative/);
  });
});

describe('suggestTier', () => {
  it.each<[string, EuAiActProfileInput, string, RegExp]>([
    [
      'a prohibited practice',
      { prohibitedPractices: ['social-scoring'] },
      'tier-1',
      /prohibited practice \(Art\. 5\(1\)\(c\)\)/,
    ],
    [
      'an Annex III use',
      { annexIII: ['employment.recruitment'] },
      'tier-1',
      /high-risk system \(Annex III 4\(a\)\)/,
    ],
    [
      'an Annex I product',
      { annexISafetyComponent: true },
      'tier-1',
      /high-risk system \(Art\. 6\(1\)\)/,
    ],
    [
      'an Annex III use that profiles, despite a derogation',
      {
        annexIII: ['essential-services.creditworthiness'],
        art63: ['preparatory-task'],
        profilesNaturalPersons: true,
      },
      'tier-1',
      /high-risk system \(Annex III 5\(b\)\)/,
    ],
    [
      'an Annex III use under the Art. 6(3) derogation',
      { annexIII: ['employment.recruitment'], art63: ['preparatory-task'] },
      'tier-2',
      /Art\. 6\(3\) derogation \(it only performs a preparatory task to an assessment\)/,
    ],
    [
      'profiling people outside Annex III',
      { profilesNaturalPersons: true },
      'tier-2',
      /profiles natural persons/,
    ],
    // Domain review E13: Art. 50 is a reason, not a tier — tiers follow decision impact.
    [
      'a chat assistant',
      { interactsWithPeople: true, generatesSyntheticContent: true },
      'tier-3',
      /transparency duties \(Art\. 50\(1\), Art\. 50\(2\)\).*does not raise the tier/,
    ],
    ['deep fakes', { deepFake: true }, 'tier-3', /Art\. 50\(2\), Art\. 50\(4\)/],
    ['an empty profile', {}, 'tier-3', /operational or administrative tool/],
  ])('%s → %s', (_name, profile, tierId, reason) => {
    const suggestion = suggestTier(profile);
    expect(suggestion.tier.id).toBe(tierId);
    expect(suggestion.reasons.some((r) => reason.test(r))).toBe(true);
    expect(suggestion.euAiAct.category).toBeDefined();
  });

  it('keeps every reason that points to the suggested tier, and only those', () => {
    const tier2 = suggestTier({
      annexIII: ['education.evaluation'],
      art63: ['improves-completed-human-activity'],
      interactsWithPeople: true,
    });
    expect(tier2.level).toBe('medium');
    // The derogation points to Tier 2; the Art. 50 duty points to no tier (review E13).
    expect(tier2.reasons).toHaveLength(1);
    const tier1 = suggestTier({
      annexIII: ['migration'],
      interactsWithPeople: true,
      profilesNaturalPersons: true,
    });
    expect(tier1.reasons).toEqual([expect.stringMatching(/high-risk system \(Annex III 7\)/)]);
  });

  it('carries the EU AI Act classification it rests on', () => {
    expect(suggestTier({ annexIII: ['migration'] }).euAiAct).toMatchObject({
      category: 'high-risk',
      basis: ['Annex III 7'],
    });
  });

  it('rejects an invalid profile with the same ProfileError as the classifier', () => {
    expect(() => suggestTier({ annexIII: ['nope'] })).toThrow(ProfileError);
    expect(() => suggestTier(null)).toThrow(ProfileError);
  });

  it('returns a copy of the tier, so the scheme cannot be changed through it', () => {
    const suggestion = suggestTier({});
    suggestion.tier.name = 'changed';
    expect(DEFAULT_TIER_SCHEME.tiers[2]!.name).toBe('Tier 3');
  });
});

describe("suggestTier on a workspace's own scheme", () => {
  const scheme = (...names: string[]): TierScheme => ({
    tiers: names.map((name, i) => ({ id: `t${i}`, name, description: `${name} systems` })),
  });
  const high = { annexIII: ['migration'] } as const;
  const medium = { profilesNaturalPersons: true };
  const low = {};

  it.each([
    [['Critical'], ['Critical', 'Critical', 'Critical']],
    [
      ['High', 'Low'],
      ['High', 'High', 'Low'],
    ],
    [
      ['A', 'B', 'C'],
      ['A', 'B', 'C'],
    ],
    [
      ['A', 'B', 'C', 'D'],
      ['A', 'B', 'D'],
    ],
    [
      ['A', 'B', 'C', 'D', 'E'],
      ['A', 'C', 'E'],
    ],
  ])('%j maps high, medium, low to %j', (names, expected) => {
    const custom = scheme(...names);
    expect([high, medium, low].map((p) => suggestTier(p, custom).tier.name)).toEqual(expected);
  });

  it('says how the default tier mapped onto the workspace scheme', () => {
    const suggestion = suggestTier(medium, scheme('Red', 'Green'));
    expect(suggestion.reasons.at(-1)).toMatch(
      /2 tiers, most severe first.*default Tier 2.*maps to Red/,
    );
  });

  it.each<[string, unknown, RegExp]>([
    ['no tiers', { tiers: [] }, /at least one tier/],
    ['no tiers at all', {}, /at least one tier/],
    ['null', null, /at least one tier/],
    [
      'a tier without an id',
      { tiers: [{ id: ' ', name: 'A', description: '' }] },
      /tier 1 needs an id/,
    ],
    [
      'a tier without a name',
      { tiers: [{ id: 'a', name: '', description: '' }] },
      /tier 1 needs a name/,
    ],
    [
      'a tier without a description',
      { tiers: [{ id: 'a', name: 'A' }] },
      /tier 1 needs a description/,
    ],
    [
      'two tiers with one id',
      {
        tiers: [
          { id: 'a', name: 'A', description: '' },
          { id: 'a', name: 'B', description: '' },
        ],
      },
      /"a" is used twice/,
    ],
  ])('rejects a scheme with %s', (_name, bad, message) => {
    expect(() => suggestTier({}, bad as TierScheme)).toThrow(TierSchemeError);
    expect(() => suggestTier({}, bad as TierScheme)).toThrow(message);
  });
});
