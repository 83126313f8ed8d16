// A suggested risk tier from the use profile, on the workspace's tier scheme (default: Tier 1/2/3
// of ../shared/reference/iso-42001.md). The product suggests with its reasons; a lead confirms or
// overrides it with a reason of their own (brief, decision 7).
import { ART_6_3_CONDITIONS, parseEuAiActProfile } from './eu-ai-act-profile.ts';
import { classifyValidProfile, type EuAiActResult } from './eu-ai-act.ts';

export interface TierDefinition {
  id: string;
  name: string;
  description: string;
}

/** A workspace's tiers, most severe first. Names, number and descriptions are the workspace's. */
export interface TierScheme {
  tiers: readonly TierDefinition[];
}

export const DEFAULT_TIER_SCHEME: TierScheme = {
  tiers: [
    {
      id: 'tier-1',
      name: 'Tier 1',
      description:
        'High risk: directly affects decisions about people (diagnosis, treatment, credit, hiring…)',
    },
    {
      id: 'tier-2',
      name: 'Tier 2',
      description: 'Supports a workflow, but a person makes the final decision',
    },
    { id: 'tier-3', name: 'Tier 3', description: 'Operational and administrative tools' },
  ],
};

/**
 * The severity a profile points to, on the default scheme's three levels: `high` is Tier 1,
 * `medium` Tier 2, `low` Tier 3.
 */
export type TierLevel = 'high' | 'medium' | 'low';

export interface TierSuggestion {
  /** The suggested tier, from the scheme given. */
  tier: TierDefinition;
  level: TierLevel;
  /** Why, one sentence each, with the citations they rest on. Keep them with the decision. */
  reasons: string[];
  /** The EU AI Act classification the suggestion rests on. */
  euAiAct: EuAiActResult;
}

export class TierSchemeError extends Error {
  override name = 'TierSchemeError';
}

/** A workspace's scheme has 1–9 tiers; longer names and descriptions are refused. */
export const MAX_TIERS = 9;
export const MAX_TIER_NAME = 60;
export const MAX_TIER_DESCRIPTION = 1000;
/** Tier ids are kept on records' decisions (shared/documents/registry): short and URL-safe. */
export const TIER_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Where a level lands on a scheme of `count` tiers, most severe first: `high` on the first,
 * `low` on the last, `medium` on the middle one (the more severe of two middles). The ends mean
 * the same on every scheme — "the most severe" and "routine" — so a routine tool is never
 * lifted into a middle tier just because a workspace has more tiers (docs/classification.md).
 */
export function tierIndexForLevel(level: TierLevel, count: number): number {
  if (level === 'high') return 0;
  return level === 'low' ? count - 1 : Math.floor((count - 1) / 2);
}

/**
 * Suggests a tier for a use profile (the same profile as classifyEuAiAct; throws a ProfileError
 * when it is invalid, a TierSchemeError when the scheme is):
 * - high (Tier 1): a prohibited practice or a high-risk system under the EU AI Act;
 * - medium (Tier 2): an Annex III use taken out of high-risk by the Art. 6(3) derogation, a system
 *   that profiles natural persons, or one with Art. 50 transparency duties;
 * - low (Tier 3): everything else.
 * On a scheme other than three tiers, `high` is its first tier, `low` its last, and `medium` the
 * middle one (the more severe of two middles).
 */
export function suggestTier(
  profile: unknown,
  scheme: TierScheme = DEFAULT_TIER_SCHEME,
): TierSuggestion {
  checkTierScheme(scheme);
  const p = parseEuAiActProfile(profile);
  const euAiAct = classifyValidProfile(p);
  const basis = euAiAct.basis.join(', ');
  const high: string[] = [];
  const medium: string[] = [];

  if (euAiAct.category === 'prohibited')
    high.push(
      `EU AI Act: a prohibited practice (${basis}) — it must not be used; treat it as high risk until it is retired.`,
    );
  if (euAiAct.category === 'high-risk')
    high.push(
      `EU AI Act: a high-risk system (${basis}), which bears on people's safety or rights.`,
    );
  if (euAiAct.basis.includes('Art. 6(3)')) {
    const conditions = ART_6_3_CONDITIONS.filter((x) => p.art63.includes(x.value))
      .map((x) => x.label)
      .join('; ');
    medium.push(
      `EU AI Act: an Annex III use taken out of high-risk by the Art. 6(3) derogation (${conditions}): it supports the work, a person decides.`,
    );
  }
  if (p.profilesNaturalPersons && high.length === 0)
    medium.push(
      'It profiles natural persons: check whether its output feeds decisions about people (then Tier 1).',
    );
  // Art. 50 duties are a reason, not a tier: the tier follows the system's impact on decisions
  // about people, and a chatbot or an image generator supports none (domain review E13).
  const art50 = euAiAct.obligations.filter((x) => x.startsWith('Art. 50('));
  const art50Reason =
    art50.length > 0
      ? `EU AI Act: transparency duties (${[...new Set(art50.map((x) => x.slice(0, x.indexOf(':'))))].join(', ')}): its output reaches people, who must be told it is AI — a duty to disclose, not a decision about people, so it does not raise the tier.`
      : undefined;

  const level: TierLevel = high.length > 0 ? 'high' : medium.length > 0 ? 'medium' : 'low';
  const reasons =
    level === 'high'
      ? high
      : level === 'medium'
        ? medium
        : art50Reason
          ? [
              'No prohibited practice, high-risk use or profiling of people in its use profile: an operational or administrative tool.',
              art50Reason,
            ]
          : [
              'No prohibited practice, high-risk use, profiling of people or transparency duty in its use profile: an operational or administrative tool.',
            ];
  const count = scheme.tiers.length;
  const tier = scheme.tiers[tierIndexForLevel(level, count)]!;
  const meant = DEFAULT_TIER_SCHEME.tiers[tierIndexForLevel(level, 3)]!;
  // Say how it mapped, unless the workspace's tier is the default one unchanged.
  const unchanged =
    count === 3 &&
    tier.id === meant.id &&
    tier.name === meant.name &&
    tier.description === meant.description;
  if (!unchanged) {
    reasons.push(
      `On this workspace's scheme (${count} tier${count === 1 ? '' : 's'}, most severe first), the default ${meant.name} (“${meant.description}”) maps to ${tier.name}.`,
    );
  }
  return { tier: { ...tier }, level, reasons, euAiAct };
}

/** Throws a TierSchemeError saying what is wrong with a scheme (1–9 valid tiers, unique ids). */
export function checkTierScheme(scheme: TierScheme): void {
  const tiers = (scheme as Partial<TierScheme> | null)?.tiers;
  if (!Array.isArray(tiers) || tiers.length === 0)
    throw new TierSchemeError('a tier scheme needs at least one tier');
  if (tiers.length > MAX_TIERS)
    throw new TierSchemeError(`a tier scheme has at most ${MAX_TIERS} tiers, got ${tiers.length}`);
  const ids = new Set<string>();
  tiers.forEach((tier: Partial<TierDefinition> | null, index) => {
    checkTier(tier, `tier ${index + 1}`);
    if (ids.has(tier.id))
      throw new TierSchemeError(`tier id ${JSON.stringify(tier.id)} is used twice`);
    ids.add(tier.id);
  });
}

/** Throws a TierSchemeError unless `tier` is a tier a scheme can hold; `what` names it. */
export function checkTier(
  tier: Partial<TierDefinition> | null | undefined,
  what: string,
): asserts tier is TierDefinition {
  if (typeof tier?.id !== 'string' || tier.id.trim() === '')
    throw new TierSchemeError(`${what} needs an id`);
  if (!TIER_ID_PATTERN.test(tier.id))
    throw new TierSchemeError(`${what}: its id must be 1–64 letters, digits, - or _`);
  if (typeof tier.name !== 'string' || tier.name.trim() === '')
    throw new TierSchemeError(`${what} needs a name`);
  if (tier.name.length > MAX_TIER_NAME)
    throw new TierSchemeError(`${what}: a name has at most ${MAX_TIER_NAME} characters`);
  if (typeof tier.description !== 'string')
    throw new TierSchemeError(`${what} needs a description (it may be empty)`);
  if (tier.description.length > MAX_TIER_DESCRIPTION)
    throw new TierSchemeError(
      `${what}: a description has at most ${MAX_TIER_DESCRIPTION} characters`,
    );
}
