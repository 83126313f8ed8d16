// The EU AI Act category of an AI system from its use profile, with the legal basis and what
// follows from it. Tests in the order of ../shared/reference/eu-ai-act.md, the first that applies
// wins: prohibited (Art. 5) → high-risk (Art. 6) → transparency (Art. 50) → minimal. The product
// suggests; a person confirms or overrides (brief, decision 7). The words, roles and dates of the
// duties are data (./rules/); which duties a system owes is decided here.
import {
  ANNEX_III_POINTS,
  ART_25_TRIGGERS,
  ART_6_3_CONDITIONS,
  DEPRECATED_ANNEX_III_POINTS,
  PROHIBITED_PRACTICES,
  deprecatedFieldsIn,
  parseEuAiActProfile,
  type EuAiActProfile,
  type ProfileRole,
} from './eu-ai-act-profile.ts';
import { friaRule, type DeployerContext } from './fria-rule.ts';
import { APPLICATION_DATES, type DateKey } from './rules/dates.ts';
import { OBLIGATIONS, type BoundRole, type ObligationId } from './rules/obligations.ts';
import { RULES_VERSION } from './rules/version.ts';

export const EU_AI_ACT_CATEGORIES = ['prohibited', 'high-risk', 'transparency', 'minimal'] as const;
export type EuAiActCategory = (typeof EU_AI_ACT_CATEGORIES)[number];

/** What one citation of the basis means for this system, in words a person can check. */
export interface BasisExplanation {
  citation: string;
  text: string;
}

/** One duty the system's classification brings, with whom it binds and from when. */
export interface Duty {
  /** The rules entry it comes from (rules/obligations.ts). */
  id: ObligationId;
  citation: string;
  text: string;
  binds: BoundRole;
  /** YYYY-MM-DD: the first day it applies. */
  appliesFrom: string;
}

export interface RoleFinding {
  /** The role the profile states (default `deployer`). */
  declared: ProfileRole;
  /** The role the law gives it, after Art. 25(1) (or Art. 3(3) for its own name). */
  effective: ProfileRole;
  /** The citations a change of role rests on; empty when none. */
  basis: string[];
}

export interface EuAiActResult {
  category: EuAiActCategory;
  /** The citations the category rests on, e.g. `Art. 5(1)(f)`, `Annex III 4(a)`, `Art. 6(3)`, `Art. 50(1)`. */
  basis: string[];
  /** What follows, one short line each, starting with its article. */
  obligations: string[];
  /** Every duty with the role it binds and the day it applies from (provider's and deployer's). */
  duties: Duty[];
  /** The organisation's role for the system. */
  role: RoleFinding;
  /** One per basis item, in the same order. */
  explanations: BasisExplanation[];
  /** Rules that were weighed without changing the category (a refused derogation, an unused answer). */
  notes: string[];
  /** The version of the rules data the result was computed under (rules/version.ts). */
  rulesVersion: string;
}

const ART_4 =
  'Art. 4: AI literacy — take measures to support the AI literacy of the staff and others who use or operate the system (no specific level is required)';
const ART_5 =
  'Art. 5: prohibited practice — the system may not be placed on the market, put into service or used for this practice; stop its use';
const ART_26 =
  "Art. 26: deployer duties — use it according to the provider's instructions, assign human oversight, keep input data relevant, monitor it and report risks and serious incidents to the provider and the authority (26(5)), keep its logs for at least 6 months, inform the workers and their representatives before using it at work, register its use if a public authority (26(8)), use the provider's information for the DPIA (26(9)), cooperate with the authorities";
const ART_26_11 =
  'Art. 26(11): inform the people it makes or helps make decisions about that they are subject to a high-risk AI system';
const ART_86 =
  "Art. 86: on request, explain to a person affected by a decision based on its output the system's role and the main elements of the decision";
const ART_27_REQUIRED =
  'Art. 27: fundamental-rights impact assessment (FRIA) before first use, notified to the market-surveillance authority — required of this deployer; record it in the ISO 42001 impact assessment (6.1.4)';
const ART_27_PUBLIC =
  'Art. 27: fundamental-rights impact assessment (FRIA) before first use, notified to the market-surveillance authority, if the deployer is a body governed by public law or a private entity providing public services; record it in the ISO 42001 impact assessment (6.1.4)';
const ART_6_4 =
  'Art. 6(4): the provider relying on the derogation must document its assessment, and register itself and the system in the EU database under Art. 49(2) — ask it for the assessment and check the registration';
const ART_2_2 =
  'Art. 2(2): an Annex I Section B product — only Art. 6(1), Arts 102–109 and 112 (and 60a as amended) apply; its requirements reach it through the sectoral product legislation';
const ART_95 = 'Art. 95: voluntary codes of conduct may be followed (no binding duty)';

interface Art50Duty {
  citation: string;
  obligation: string;
  text: string;
  duty: ObligationId;
}

const ART_50 = {
  interacts: {
    citation: 'Art. 50(1)',
    duty: 'art-50-1',
    obligation:
      'Art. 50(1): make clear to the people who interact with the system that it is an AI system, unless that is obvious (provider)',
    text: 'It interacts directly with people, who must be told that they are dealing with an AI system.',
  },
  synthetic: {
    citation: 'Art. 50(2)',
    duty: 'art-50-2',
    obligation:
      'Art. 50(2): mark synthetic audio, image, video or text outputs as artificially generated, in a machine-readable way (provider)',
    text: 'It generates synthetic audio, images, video or text, whose outputs must be marked as machine-generated.',
  },
  exposure: {
    citation: 'Art. 50(3)',
    duty: 'art-50-3',
    obligation:
      'Art. 50(3): inform the people exposed to the emotion recognition or biometric categorisation (deployer)',
    text: 'It recognises emotions or categorises people by biometric data, so the people exposed must be informed.',
  },
  deepFake: {
    citation: 'Art. 50(4)',
    duty: 'art-50-4-deep-fake',
    obligation:
      'Art. 50(4): disclose that deep-fake content is artificially generated or manipulated (deployer)',
    text: 'It makes deep fakes, which must be disclosed as artificially generated or manipulated.',
  },
  publicText: {
    citation: 'Art. 50(4)',
    duty: 'art-50-4-text',
    obligation:
      'Art. 50(4): disclose that text published to inform the public on matters of public interest is AI-generated, unless a person reviewed it under editorial responsibility (deployer)',
    text: 'It generates text published to inform the public on matters of public interest, which must be disclosed as AI-generated unless a person reviewed it under editorial responsibility.',
  },
} as const satisfies Record<string, Art50Duty>;

const ALL_ANNEX_III = [...ANNEX_III_POINTS, ...DEPRECATED_ANNEX_III_POINTS];
const RULE = new Map(OBLIGATIONS.map((rule) => [rule.id as ObligationId, rule]));

/** A duty from its rules entry; `day` for the entries whose day depends on the classification. */
function duty(id: ObligationId, day?: string, citation?: string, extra?: string): Duty {
  const rule = RULE.get(id)!;
  const appliesFrom =
    rule.appliesFrom === 'by-classification' ? day! : APPLICATION_DATES[rule.appliesFrom].date;
  return {
    id,
    citation: citation ?? rule.citation,
    text: extra ? `${rule.text}: ${extra}` : rule.text,
    binds: rule.binds,
    appliesFrom,
  };
}
const dateOf = (key: DateKey) => APPLICATION_DATES[key].date;

/**
 * The Annex III values the answers amount to: the points ticked, plus 1(c) for an emotion-recognition
 * system and 1(b) for categorisation by sensitive or protected attributes (the law puts every such
 * system in those points, whatever was ticked).
 */
export function annexIIIAnswers(p: EuAiActProfile): string[] {
  const values = new Set<string>(p.annexIII);
  if (p.emotionRecognition) values.add('biometrics.emotion-recognition');
  if (p.biometricCategorisation === 'sensitive-or-protected-attributes')
    values.add('biometrics.categorisation');
  return ALL_ANNEX_III.filter((x) => values.has(x.value)).map((x) => x.value);
}

/** Whether the Art. 6(3) derogation takes the profile's Annex III uses out of high-risk. */
export function derogationHolds(p: EuAiActProfile): boolean {
  return annexIIIAnswers(p).length > 0 && p.art63.length > 0 && !p.profilesNaturalPersons;
}

/** The Annex III points that make the system high-risk under Art. 6(2): none when the derogation holds. */
export function highRiskAnnexIIIPoints(p: EuAiActProfile): string[] {
  return derogationHolds(p) ? [] : annexIIIAnswers(p);
}

/**
 * Classifies an AI system under the EU AI Act from its use profile (see eu-ai-act-profile.ts).
 * Throws a ProfileError listing every problem when the profile is not valid. `deployer` is what the
 * workspace says about itself (Art. 27); without it, the FRIA duty is given with its condition.
 */
export function classifyEuAiAct(profile: unknown, deployer: DeployerContext = {}): EuAiActResult {
  const result = classifyValidProfile(parseEuAiActProfile(profile), deployer);
  result.notes.push(...deprecatedFieldsIn(profile));
  return result;
}

/** The same, for a profile that parseEuAiActProfile has already checked. */
export function classifyValidProfile(
  p: EuAiActProfile,
  deployer: DeployerContext = {},
): EuAiActResult {
  const category = categorise(p, deployer);
  const role = roleFinding(p, category.category === 'high-risk');
  if (role.effective !== role.declared)
    category.notes.push(
      `${role.basis.join(', ')}: the organisation is the provider of this system as well as its deployer, so the provider duties are its own.`,
    );
  else if (p.art25.length > 0 && role.declared === 'deployer')
    category.notes.push(
      'Art. 25(1): a substantial modification or a changed intended purpose makes a deployer the provider only of a high-risk system; this one is not high-risk.',
    );
  return { ...category, role, rulesVersion: RULES_VERSION };
}

type Categorised = Omit<EuAiActResult, 'role' | 'rulesVersion'>;

function literacy(): Duty[] {
  return [duty('art-4-provider'), duty('art-4-deployer')];
}

function categorise(p: EuAiActProfile, deployer: DeployerContext): Categorised {
  // 1. Prohibited practices (Art. 5): each practice to its point, each with its own day.
  const practiceValues = new Set<string>(p.prohibitedPractices);
  if (p.biometricCategorisation === 'prohibited-traits')
    practiceValues.add('biometric-categorisation-sensitive');
  if (practiceValues.size > 0) {
    const practices = PROHIBITED_PRACTICES.filter((x) => practiceValues.has(x.value));
    const duties = practices.flatMap((x) => [
      duty('art-5-provider', dateOf(x.appliesFrom), x.citation, x.label),
      duty('art-5-deployer', dateOf(x.appliesFrom), x.citation, x.label),
    ]);
    const notes: string[] = [];
    if (p.biometricCategorisation === 'prohibited-traits')
      notes.push(
        'Art. 5(1)(g): the biometric categorisation answer (it infers race, political opinions, trade-union membership, beliefs, sex life or sexual orientation) is the prohibited practice itself.',
      );
    return {
      category: 'prohibited',
      basis: practices.map((x) => x.citation),
      obligations: [ART_5, ART_4],
      duties: [...duties, ...literacy()],
      explanations: practices.map((x) => ({
        citation: x.citation,
        text: `Prohibited practice: ${x.label}${x.appliesFrom === 'prohibitions-2025' ? '' : ` (prohibited from ${dateOf(x.appliesFrom)})`}.`,
      })),
      notes,
    };
  }

  const notes: string[] = [];
  const annexIIIValues = annexIIIAnswers(p);
  const annexIII = ALL_ANNEX_III.filter((x) => annexIIIValues.includes(x.value));
  const annexIIIText = annexIII.map((x) => x.citation).join(', ');
  const conditions = ART_6_3_CONDITIONS.filter((x) => p.art63.includes(x.value));
  const conditionsText = conditions.map((x) => `${x.label} (${x.citation})`).join('; ');
  const derogation = derogationHolds(p);
  if (conditions.length > 0 && annexIII.length === 0)
    notes.push(
      'Art. 6(3): the derogation conditions given change nothing — the derogation concerns Annex III systems only, and no Annex III point is given.',
    );
  if (annexIII.length > 0 && conditions.length > 0 && p.profilesNaturalPersons)
    notes.push(
      `Art. 6(3): the derogation claimed — ${conditionsText} — does not apply, because the system profiles natural persons: an Annex III system that profiles natural persons is always high-risk.`,
    );
  if (p.emotionRecognition)
    notes.push(
      'Art. 5(1)(f): emotion recognition in the workplace or in education institutions, other than for medical or safety reasons, is prohibited — if it is used there, tick that practice.',
    );
  if (!p.annexISafetyComponent && p.annexISection !== undefined)
    notes.push(
      'Annex I section: the answer changes nothing, because the system is not a safety component of an Annex I product.',
    );

  const transparency = transparencyDuties(p);
  const sectionB = p.annexISafetyComponent && p.annexISection === 'B';

  // 2. High-risk (Art. 6): Annex I products, then Annex III points unless the derogation holds.
  if (p.annexISafetyComponent || (annexIII.length > 0 && !derogation)) {
    const explanations: BasisExplanation[] = [];
    if (p.annexISafetyComponent)
      explanations.push({
        citation: 'Art. 6(1)',
        text: `High-risk under Art. 6(1): a safety component of a product (or itself a product) covered by the Union harmonisation legislation in Annex I${sectionB ? ' Section B' : ' Section A'} that needs a third-party conformity assessment.${p.annexISection === undefined ? ' (Section not given: treated as Section A.)' : ''}`,
      });
    if (derogation)
      notes.push(
        `Art. 6(3): the derogation — ${conditionsText} — takes ${annexIIIText} out of high-risk, but not Art. 6(1): the system stays high-risk as an Annex I product.`,
      );
    else
      for (const point of annexIII)
        explanations.push({
          citation: point.citation,
          text: `High-risk under Art. 6(2): ${point.label}.${impliedBy(p, point.value)}`,
        });
    const highRiskPoints = derogation ? [] : annexIII.map((x) => x.value);

    // Annex I Section B alone: Art. 2(2) leaves only Art. 6(1), 102–109 and 112.
    if (sectionB && highRiskPoints.length === 0) {
      notes.push(
        'Art. 2(2): for an Annex I Section B product, the provider and deployer duties of this Regulation (Art. 4, 16, 26, 27, 50 …) do not apply directly; they come through the sectoral legislation.',
      );
      explanations.push({
        citation: 'Art. 2(2)',
        text: 'Annex I Section B: only Art. 6(1), Arts 102–109 and 112 of the Regulation apply to it.',
      });
      return {
        category: 'high-risk',
        basis: explanations.map((x) => x.citation),
        obligations: [ART_2_2],
        duties: [],
        explanations,
        notes,
      };
    }

    const day = highRiskPoints.length > 0 ? dateOf('annex-iii') : dateOf('annex-i');
    if (highRiskPoints.length > 0 && p.annexISafetyComponent)
      notes.push(
        `Dates: high-risk both as an Annex III system and as an Annex I product — the duties are dated from the Annex III day (${dateOf('annex-iii')}), the earlier.`,
      );
    const annexIIIRegime = highRiskPoints.length > 0;
    const notPoint2 = highRiskPoints.some((x) => x !== 'critical-infrastructure');
    const fria = friaRule(highRiskPoints, deployer);
    const obligations = [ART_26];
    const duties: Duty[] = [duty('art-16', day)];
    if (annexIIIRegime && notPoint2) duties.push(duty('art-49-1', day));
    duties.push(duty('art-73', day));
    duties.push(
      duty('art-26-1', day),
      duty('art-26-2', day),
      duty('art-26-4', day),
      duty('art-26-5', day),
      duty('art-26-6', day),
      duty('art-26-7', day),
      duty('art-26-8', day),
      duty('art-26-9', day),
    );
    if (annexIIIRegime) {
      duties.push(duty('art-26-11', day));
      obligations.push(ART_26_11);
    }
    duties.push(duty('art-26-12', day));
    if (fria.required !== 'no') {
      const friaDuty = duty('art-27', day);
      if (fria.required === 'unknown')
        friaDuty.text = `if the deployer is a body governed by public law or a private entity providing public services: ${friaDuty.text}`;
      duties.push(friaDuty);
      obligations.push(fria.required === 'yes' ? ART_27_REQUIRED : ART_27_PUBLIC);
    }
    if (annexIIIRegime && notPoint2) {
      duties.push(duty('art-86', day));
      obligations.push(ART_86);
    }
    duties.push(...transparency.flatMap((x) => x.duties));
    obligations.push(...transparency.map((x) => x.obligation), ART_4);
    return {
      category: 'high-risk',
      basis: explanations.map((x) => x.citation),
      obligations,
      duties: [...duties, ...literacy()],
      explanations,
      notes,
    };
  }

  const explanations: BasisExplanation[] = [];
  const obligations: string[] = [];
  const duties: Duty[] = [];
  if (derogation) {
    explanations.push({
      citation: 'Art. 6(3)',
      text: `Not high-risk by the Art. 6(3) derogation: ${annexIIIText} would make it high-risk under Art. 6(2), but ${conditionsText}, and it does not profile natural persons.`,
    });
    obligations.push(ART_6_4);
    duties.push(duty('art-6-4'), duty('art-49-2'));
  }

  // 3. Transparency obligations (Art. 50).
  for (const item of transparency) {
    const same = explanations.find((x) => x.citation === item.citation);
    if (same) same.text += ` ${item.text}`;
    else explanations.push({ citation: item.citation, text: item.text });
    obligations.push(item.obligation);
    duties.push(...item.duties);
  }
  obligations.push(ART_4);
  duties.push(...literacy());

  // 4. Minimal risk: everything else.
  const category = transparency.length > 0 ? 'transparency' : 'minimal';
  if (category === 'minimal') {
    obligations.push(ART_95);
    if (!derogation)
      notes.push(
        'No prohibited practice (Art. 5), high-risk use (Art. 6) or transparency duty (Art. 50) follows from the answers given: minimal risk.',
      );
  }
  return {
    category,
    basis: explanations.map((x) => x.citation),
    obligations,
    duties,
    explanations,
    notes,
  };
}

function impliedBy(p: EuAiActProfile, value: string): string {
  if (p.annexIII.includes(value as never)) return '';
  if (value === 'biometrics.emotion-recognition')
    return ' (By the emotion-recognition answer: every emotion-recognition system is in Annex III 1(c).)';
  if (value === 'biometrics.categorisation')
    return ' (By the biometric-categorisation answer: it infers sensitive or protected attributes.)';
  return '';
}

interface TransparencyItem {
  citation: string;
  obligation: string;
  text: string;
  duties: Duty[];
}

function transparencyDuties(p: EuAiActProfile): TransparencyItem[] {
  const items: TransparencyItem[] = [];
  const add = (entry: Art50Duty, text: string = entry.text, more: Duty[] = []) =>
    items.push({
      citation: entry.citation,
      obligation: entry.obligation,
      text,
      duties: [duty(entry.duty), ...more],
    });
  if (p.interactsWithPeople) add(ART_50.interacts);
  // Art. 50(2) binds the provider of any system that generates synthetic content — a deep fake is
  // such content (Art. 3(60)), and "standard editing" cannot cover content made to look authentic.
  if (p.generatesSyntheticContent) add(ART_50.synthetic);
  else if (p.deepFake)
    add(
      ART_50.synthetic,
      'It makes deep fakes, which are synthetic content (Art. 3(60)): its provider must mark them as artificially generated, in a machine-readable way.',
    );
  const implied = ALL_ANNEX_III.filter(
    (x) =>
      (x.value === 'biometrics.categorisation' || x.value === 'biometrics.emotion-recognition') &&
      p.annexIII.includes(x.value as never),
  );
  if (p.emotionRecognition || p.biometricCategorisation !== undefined) add(ART_50.exposure);
  else if (implied.length > 0)
    add(
      ART_50.exposure,
      `${ART_50.exposure.text} (It is one by its Annex III answer: ${implied.map((x) => x.citation).join(', ')}.)`,
    );
  if (p.deepFake) add(ART_50.deepFake);
  if (p.publicInterestText) add(ART_50.publicText);
  return items;
}

/**
 * The organisation's role for the system: as declared, unless Art. 25(1) makes a deployer the
 * provider of a high-risk system (its own name or trademark, a substantial modification, a changed
 * intended purpose), or — for a system that is not high-risk — Art. 3(3) does for its own name.
 */
function roleFinding(p: EuAiActProfile, highRisk: boolean): RoleFinding {
  const declared = p.role;
  const triggers = ART_25_TRIGGERS.filter((x) => p.art25.includes(x.value));
  if (declared !== 'deployer' || triggers.length === 0)
    return { declared, effective: declared, basis: [] };
  if (highRisk)
    return { declared, effective: 'provider-and-deployer', basis: triggers.map((x) => x.citation) };
  if (p.art25.includes('own-name-or-trademark'))
    return { declared, effective: 'provider-and-deployer', basis: ['Art. 3(3)'] };
  return { declared, effective: declared, basis: [] };
}

/** The roles a finding puts the organisation in. */
export function rolesOf(role: ProfileRole): BoundRole[] {
  if (role === 'provider') return ['provider'];
  if (role === 'provider-and-deployer') return ['provider', 'deployer'];
  return ['deployer'];
}

/**
 * The duties split for the workspace: its own (binding its effective role) first, then the others —
 * for a deployer, what to ask of the provider. The order within each keeps the classifier's.
 */
export function dutiesForWorkspace(result: Pick<EuAiActResult, 'duties' | 'role'>): {
  own: Duty[];
  others: Duty[];
} {
  const mine = new Set<BoundRole>(rolesOf(result.role.effective));
  return {
    own: result.duties.filter((d) => mine.has(d.binds)),
    others: result.duties.filter((d) => !mine.has(d.binds)),
  };
}
