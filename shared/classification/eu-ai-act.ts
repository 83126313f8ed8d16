// The EU AI Act category of an AI system from its use profile, with the legal basis and what
// follows from it. Tests in the order of ../shared/reference/eu-ai-act.md, the first that applies
// wins: prohibited (Art. 5) → high-risk (Art. 6) → transparency (Art. 50) → minimal. The product
// suggests; a person confirms or overrides (brief, decision 7).
import {
  ANNEX_III_POINTS,
  ART_6_3_CONDITIONS,
  PROHIBITED_PRACTICES,
  parseEuAiActProfile,
  type EuAiActProfile,
} from './eu-ai-act-profile.ts';

export const EU_AI_ACT_CATEGORIES = ['prohibited', 'high-risk', 'transparency', 'minimal'] as const;
export type EuAiActCategory = (typeof EU_AI_ACT_CATEGORIES)[number];

/** What one citation of the basis means for this system, in words a person can check. */
export interface BasisExplanation {
  citation: string;
  text: string;
}

export interface EuAiActResult {
  category: EuAiActCategory;
  /** The citations the category rests on, e.g. `Art. 5(1)(f)`, `Annex III 4(a)`, `Art. 6(3)`, `Art. 50(1)`. */
  basis: string[];
  /** What follows, one short line each, starting with its article. */
  obligations: string[];
  /** One per basis item, in the same order. */
  explanations: BasisExplanation[];
  /** Rules that were weighed without changing the category (a refused derogation, an unused answer). */
  notes: string[];
}

const ART_4 =
  'Art. 4: AI literacy — ensure that the staff who use or operate the system have sufficient AI literacy';
const ART_5 =
  'Art. 5: prohibited practice — the system may not be placed on the market, put into service or used for this practice; stop its use';
const ART_26 =
  "Art. 26: deployer duties — use it according to the provider's instructions, assign human oversight, keep input data relevant, monitor its operation, keep its logs for at least 6 months, and inform workers' representatives before using it at the workplace";
const ART_27_REQUIRED =
  'Art. 27: fundamental-rights impact assessment (FRIA) before first use — required of deployers of Annex III 5(b) and 5(c) systems; record it in the ISO 42001 impact assessment (6.1.4)';
const ART_27_PUBLIC =
  'Art. 27: fundamental-rights impact assessment (FRIA) before first use if the deployer is a public body or provides public services; record it in the ISO 42001 impact assessment (6.1.4)';
const ART_6_4 =
  'Art. 6(4): the provider relying on the derogation must document its assessment that the system is not high-risk — keep that documentation on record';
const ART_95 = 'Art. 95: voluntary codes of conduct may be followed (no binding duty)';

const ART_50 = {
  interacts: {
    citation: 'Art. 50(1)',
    obligation:
      'Art. 50(1): make clear to the people who interact with the system that it is an AI system, unless that is obvious',
    text: 'It interacts directly with people, who must be told that they are dealing with an AI system.',
  },
  synthetic: {
    citation: 'Art. 50(2)',
    obligation:
      'Art. 50(2): mark synthetic audio, image, video or text outputs as machine-generated, in a machine-readable way (provider)',
    text: 'It generates synthetic audio, images, video or text, whose outputs must be marked as machine-generated.',
  },
  exposure: {
    citation: 'Art. 50(3)',
    obligation:
      'Art. 50(3): inform the people exposed to the emotion recognition or biometric categorisation (deployer)',
    text: 'It recognises emotions or categorises people by biometric data, so the people exposed must be informed.',
  },
  deepFake: {
    citation: 'Art. 50(4)',
    obligation:
      'Art. 50(4): disclose that deep-fake content is artificially generated or manipulated (deployer)',
    text: 'It makes deep fakes, which must be disclosed as artificially generated or manipulated.',
  },
  publicText: {
    citation: 'Art. 50(4)',
    obligation:
      'Art. 50(4): disclose that text published to inform the public on matters of public interest is AI-generated, unless a person reviewed it under editorial responsibility (deployer)',
    text: 'It generates text published to inform the public on matters of public interest, which must be disclosed as AI-generated unless a person reviewed it under editorial responsibility.',
  },
} as const;

/** Annex III points whose systems are emotion-recognition or biometric-categorisation systems. */
const IMPLIES_ART_50_3 = new Set<string>([
  'biometrics.categorisation',
  'biometrics.emotion-recognition',
]);
/** Annex III points whose deployers must always make a FRIA (Art. 27). */
const FRIA_REQUIRED = new Set<string>([
  'essential-services.creditworthiness',
  'essential-services.insurance-pricing',
]);

/**
 * Classifies an AI system under the EU AI Act from its use profile (see eu-ai-act-profile.ts).
 * Throws a ProfileError listing every problem when the profile is not valid.
 */
export function classifyEuAiAct(profile: unknown): EuAiActResult {
  return classifyValidProfile(parseEuAiActProfile(profile));
}

/** The same, for a profile that parseEuAiActProfile has already checked. */
export function classifyValidProfile(p: EuAiActProfile): EuAiActResult {
  // 1. Prohibited practices (Art. 5): each practice to its point.
  if (p.prohibitedPractices.length > 0) {
    const practices = PROHIBITED_PRACTICES.filter((x) => p.prohibitedPractices.includes(x.value));
    return {
      category: 'prohibited',
      basis: practices.map((x) => x.citation),
      obligations: [ART_5, ART_4],
      explanations: practices.map((x) => ({
        citation: x.citation,
        text: `Prohibited practice: ${x.label}.`,
      })),
      notes: [],
    };
  }

  const notes: string[] = [];
  const annexIII = ANNEX_III_POINTS.filter((x) => p.annexIII.includes(x.value));
  const annexIIIText = annexIII.map((x) => x.citation).join(', ');
  const conditions = ART_6_3_CONDITIONS.filter((x) => p.art63.includes(x.value));
  const conditionsText = conditions.map((x) => `${x.label} (${x.citation})`).join('; ');
  const derogation = annexIII.length > 0 && conditions.length > 0 && !p.profilesNaturalPersons;
  if (conditions.length > 0 && annexIII.length === 0)
    notes.push(
      'Art. 6(3): the derogation conditions given change nothing — the derogation concerns Annex III systems only, and no Annex III point is given.',
    );
  if (annexIII.length > 0 && conditions.length > 0 && p.profilesNaturalPersons)
    notes.push(
      `Art. 6(3): the derogation claimed — ${conditionsText} — does not apply, because the system profiles natural persons: an Annex III system that profiles natural persons is always high-risk.`,
    );

  const transparency = transparencyDuties(p);

  // 2. High-risk (Art. 6): Annex I products, then Annex III points unless the derogation holds.
  if (p.annexISafetyComponent || (annexIII.length > 0 && !derogation)) {
    const explanations: BasisExplanation[] = [];
    if (p.annexISafetyComponent)
      explanations.push({
        citation: 'Art. 6(1)',
        text: 'High-risk under Art. 6(1): a safety component of a product (or itself a product) covered by the Union harmonisation legislation in Annex I that needs a third-party conformity assessment.',
      });
    if (derogation)
      notes.push(
        `Art. 6(3): the derogation — ${conditionsText} — takes ${annexIIIText} out of high-risk, but not Art. 6(1): the system stays high-risk as an Annex I product.`,
      );
    else
      for (const point of annexIII)
        explanations.push({
          citation: point.citation,
          text: `High-risk under Art. 6(2): ${point.label}.`,
        });
    const obligations = [ART_26];
    const annexIIIHighRisk = derogation ? [] : annexIII;
    if (annexIIIHighRisk.some((x) => FRIA_REQUIRED.has(x.value))) obligations.push(ART_27_REQUIRED);
    // Art. 27(1) covers Art. 6(2) systems, except those of Annex III point 2.
    else if (annexIIIHighRisk.some((x) => x.value !== 'critical-infrastructure'))
      obligations.push(ART_27_PUBLIC);
    obligations.push(...transparency.map((x) => x.obligation), ART_4);
    return {
      category: 'high-risk',
      basis: explanations.map((x) => x.citation),
      obligations,
      explanations,
      notes,
    };
  }

  const explanations: BasisExplanation[] = [];
  const obligations: string[] = [];
  if (derogation) {
    explanations.push({
      citation: 'Art. 6(3)',
      text: `Not high-risk by the Art. 6(3) derogation: ${annexIIIText} would make it high-risk under Art. 6(2), but ${conditionsText}, and it does not profile natural persons.`,
    });
    obligations.push(ART_6_4);
  }

  // 3. Transparency obligations (Art. 50).
  for (const duty of transparency) {
    const same = explanations.find((x) => x.citation === duty.citation);
    if (same) same.text += ` ${duty.text}`;
    else explanations.push({ citation: duty.citation, text: duty.text });
    obligations.push(duty.obligation);
  }
  obligations.push(ART_4);

  // 4. Minimal risk: everything else.
  const category = transparency.length > 0 ? 'transparency' : 'minimal';
  if (category === 'minimal') {
    obligations.push(ART_95);
    if (!derogation)
      notes.push(
        'No prohibited practice (Art. 5), high-risk use (Art. 6) or transparency duty (Art. 50) follows from the answers given: minimal risk.',
      );
  }
  return { category, basis: explanations.map((x) => x.citation), obligations, explanations, notes };
}

interface Art50Duty {
  citation: string;
  obligation: string;
  text: string;
}

function transparencyDuties(p: EuAiActProfile): Art50Duty[] {
  const duties: Art50Duty[] = [];
  if (p.interactsWithPeople) duties.push(ART_50.interacts);
  if (p.generatesSyntheticContent) duties.push(ART_50.synthetic);
  const implied = ANNEX_III_POINTS.filter(
    (x) => IMPLIES_ART_50_3.has(x.value) && p.annexIII.includes(x.value),
  );
  if (p.emotionRecognitionOrBiometricCategorisation) duties.push(ART_50.exposure);
  else if (implied.length > 0)
    duties.push({
      ...ART_50.exposure,
      text: `${ART_50.exposure.text} (It is one by its Annex III answer: ${implied.map((x) => x.citation).join(', ')}.)`,
    });
  if (p.deepFake) duties.push(ART_50.deepFake);
  if (p.publicInterestText) duties.push(ART_50.publicText);
  return duties;
}
