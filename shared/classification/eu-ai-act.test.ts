import { describe, expect, it } from 'vitest';
import {
  ANNEX_III_POINTS,
  ART_6_3_CONDITIONS,
  BIOMETRIC_CATEGORISATION,
  PROHIBITED_PRACTICES,
  type EuAiActProfileInput,
} from './eu-ai-act-profile.ts';
import { classifyEuAiAct, EU_AI_ACT_CATEGORIES, type EuAiActResult } from './eu-ai-act.ts';

const classify = (profile: EuAiActProfileInput) => classifyEuAiAct(profile);
const cites = (result: EuAiActResult, article: string) =>
  result.obligations.filter((line) => line.startsWith(`${article}:`));

/** The exact citation forms of the issue: `Art. 5(1)(f)`, `Art. 6(1)`, `Annex III 4(a)`, `Annex III 2`, `Art. 50(1)`… */
const CITATION =
  /^(Art\. 5\(1\)\(([a-h]|ba|bb)\)|Art\. 6\([13]\)|Art\. 2\(2\)|Annex III [1-8](\([a-e]\))?|Art\. 50\([1-4]\))$/;

describe('the tables of values', () => {
  it('number Art. 5(1) from (a) to (h), with (ba) and (bb) of the 2026 amendment, in the order of the Regulation', () => {
    expect(PROHIBITED_PRACTICES.map((x) => x.citation)).toEqual(
      ['a', 'b', 'ba', 'bb', 'c', 'd', 'e', 'f', 'g', 'h'].map((letter) => `Art. 5(1)(${letter})`),
    );
  });

  it('number Annex III as the Regulation does', () => {
    expect(Object.fromEntries(ANNEX_III_POINTS.map((x) => [x.value, x.citation]))).toEqual({
      'biometrics.remote-identification': 'Annex III 1(a)',
      'biometrics.categorisation': 'Annex III 1(b)',
      'biometrics.emotion-recognition': 'Annex III 1(c)',
      'critical-infrastructure': 'Annex III 2',
      'education.admission': 'Annex III 3(a)',
      'education.evaluation': 'Annex III 3(b)',
      'education.level-assessment': 'Annex III 3(c)',
      'education.test-monitoring': 'Annex III 3(d)',
      'employment.recruitment': 'Annex III 4(a)',
      'employment.work-decisions': 'Annex III 4(b)',
      'essential-services.public-benefits': 'Annex III 5(a)',
      'essential-services.creditworthiness': 'Annex III 5(b)',
      'essential-services.insurance-pricing': 'Annex III 5(c)',
      'essential-services.emergency-triage': 'Annex III 5(d)',
      'law-enforcement.victim-risk': 'Annex III 6(a)',
      'law-enforcement.polygraph': 'Annex III 6(b)',
      'law-enforcement.evidence-reliability': 'Annex III 6(c)',
      'law-enforcement.offending-risk': 'Annex III 6(d)',
      'law-enforcement.profiling': 'Annex III 6(e)',
      'migration.polygraph': 'Annex III 7(a)',
      'migration.risk-assessment': 'Annex III 7(b)',
      'migration.applications': 'Annex III 7(c)',
      'migration.identification': 'Annex III 7(d)',
      'justice.judicial': 'Annex III 8(a)',
      'justice.elections': 'Annex III 8(b)',
    });
  });
});

describe('prohibited practices (Art. 5)', () => {
  it.each([
    ['subliminal-manipulation', 'Art. 5(1)(a)'],
    ['exploit-vulnerabilities', 'Art. 5(1)(b)'],
    ['social-scoring', 'Art. 5(1)(c)'],
    ['crime-prediction-profiling', 'Art. 5(1)(d)'],
    ['facial-image-scraping', 'Art. 5(1)(e)'],
    ['emotion-recognition-workplace-education', 'Art. 5(1)(f)'],
    ['biometric-categorisation-sensitive', 'Art. 5(1)(g)'],
    ['realtime-remote-biometric-id-law-enforcement', 'Art. 5(1)(h)'],
  ] as const)('%s is prohibited under %s', (practice, citation) => {
    const result = classify({ prohibitedPractices: [practice] });
    expect(result.category).toBe('prohibited');
    expect(result.basis).toEqual([citation]);
    expect(result.explanations).toEqual([
      { citation, text: expect.stringMatching(/^Prohibited practice: .+\.$/) },
    ]);
    expect(cites(result, 'Art. 5')).toHaveLength(1);
  });

  it('cites every practice given, in the order of the Regulation', () => {
    const result = classify({
      prohibitedPractices: ['realtime-remote-biometric-id-law-enforcement', 'social-scoring'],
    });
    expect(result.basis).toEqual(['Art. 5(1)(c)', 'Art. 5(1)(h)']);
  });

  it('wins over every other answer', () => {
    const result = classify({
      prohibitedPractices: ['emotion-recognition-workplace-education'],
      annexISafetyComponent: true,
      annexIII: ['biometrics.emotion-recognition', 'employment.work-decisions'],
      interactsWithPeople: true,
      emotionRecognitionOrBiometricCategorisation: true,
    });
    expect(result.category).toBe('prohibited');
    expect(result.basis).toEqual(['Art. 5(1)(f)']);
    expect(cites(result, 'Art. 26')).toEqual([]);
    expect(result.obligations.some((line) => line.startsWith('Art. 50'))).toBe(false);
  });
});

describe('high-risk (Art. 6)', () => {
  it('an Annex I safety component is high-risk under Art. 6(1)', () => {
    const result = classify({ annexISafetyComponent: true });
    expect(result).toMatchObject({ category: 'high-risk', basis: ['Art. 6(1)'] });
    expect(cites(result, 'Art. 26')).toHaveLength(1);
    // Art. 27 covers Art. 6(2) systems only.
    expect(cites(result, 'Art. 27')).toEqual([]);
    expect(result.explanations[0]!.text).toMatch(/Annex I\b.*third-party conformity assessment/);
  });

  it.each(ANNEX_III_POINTS.map((x) => [x.value, x.citation] as const))(
    'Annex III %s is high-risk under %s',
    (point, citation) => {
      const result = classify({ annexIII: [point] });
      expect(result.category).toBe('high-risk');
      expect(result.basis).toEqual([citation]);
      expect(result.explanations).toEqual([
        { citation, text: expect.stringMatching(/^High-risk under Art\. 6\(2\): /) },
      ]);
      expect(cites(result, 'Art. 26')).toHaveLength(1);
      expect(cites(result, 'Art. 4')).toHaveLength(1);
      expect(result.notes).toEqual([]);
    },
  );

  it.each([
    ['essential-services.creditworthiness', /required of this deployer/],
    ['essential-services.insurance-pricing', /required of this deployer/],
    [
      'employment.recruitment',
      /if the deployer is a body governed by public law or a private entity providing public services/,
    ],
    // Public by the Annex's own words (review E9): 5(a), 6, 7 and 8(a).
    ['essential-services.public-benefits', /required of this deployer/],
    ['law-enforcement.profiling', /required of this deployer/],
    ['migration.applications', /required of this deployer/],
    ['justice.judicial', /required of this deployer/],
    ['law-enforcement', /required of this deployer/],
  ] as const)('Annex III %s: the Art. 27 FRIA %s', (point, fria) => {
    const result = classify({ annexIII: [point] });
    expect(cites(result, 'Art. 27')).toEqual([expect.stringMatching(fria)]);
    expect(cites(result, 'Art. 27')[0]).toMatch(/ISO 42001 impact assessment \(6\.1\.4\)/);
  });

  it('no Art. 27 FRIA for critical infrastructure (Annex III 2) alone', () => {
    expect(cites(classify({ annexIII: ['critical-infrastructure'] }), 'Art. 27')).toEqual([]);
    expect(
      cites(classify({ annexIII: ['critical-infrastructure', 'migration'] }), 'Art. 27'),
    ).toHaveLength(1);
  });

  it('cites every Annex III point given, in the order of the Annex, after Art. 6(1)', () => {
    const result = classify({
      annexIII: ['justice.elections', 'critical-infrastructure', 'employment.recruitment'],
      annexISafetyComponent: true,
    });
    expect(result.basis).toEqual(['Art. 6(1)', 'Annex III 2', 'Annex III 4(a)', 'Annex III 8(b)']);
    expect(result.explanations.map((x) => x.citation)).toEqual(result.basis);
  });
});

describe('the Art. 6(3) derogation', () => {
  it.each(ART_6_3_CONDITIONS.map((x) => [x.value, x.citation] as const))(
    '%s takes an Annex III system out of high-risk, citing Art. 6(3)',
    (condition, point) => {
      const result = classify({ annexIII: ['employment.recruitment'], art63: [condition] });
      expect(result.category).toBe('minimal');
      expect(result.basis).toEqual(['Art. 6(3)']);
      expect(result.explanations[0]!.text).toContain('Annex III 4(a)');
      expect(result.explanations[0]!.text).toContain(point);
      expect(cites(result, 'Art. 6(4)')).toHaveLength(1);
      expect(cites(result, 'Art. 26')).toEqual([]);
    },
  );

  it.each(ART_6_3_CONDITIONS.map((x) => [x.value] as const))(
    'never applies when the system profiles natural persons (%s)',
    (condition) => {
      const result = classify({
        annexIII: ['employment.recruitment'],
        art63: [condition],
        profilesNaturalPersons: true,
      });
      expect(result.category).toBe('high-risk');
      expect(result.basis).toEqual(['Annex III 4(a)']);
      expect(result.notes).toEqual([
        expect.stringMatching(/^Art\. 6\(3\): .*does not apply.*profiles natural persons/),
      ]);
      expect(cites(result, 'Art. 6(4)')).toEqual([]);
    },
  );

  it('applies to every Annex III point given at once', () => {
    const result = classify({
      annexIII: ['essential-services.creditworthiness', 'education.evaluation'],
      art63: ['preparatory-task', 'narrow-procedural-task'],
    });
    expect(result.basis).toEqual(['Art. 6(3)']);
    expect(result.explanations[0]!.text).toContain('Annex III 3(b), Annex III 5(b)');
    expect(cites(result, 'Art. 27')).toEqual([]);
  });

  it('with transparency duties, leaves the system in the transparency category', () => {
    const result = classify({
      annexIII: ['education.test-monitoring'],
      art63: ['detects-patterns-without-replacing-review'],
      interactsWithPeople: true,
    });
    expect(result).toMatchObject({ category: 'transparency', basis: ['Art. 6(3)', 'Art. 50(1)'] });
    expect(cites(result, 'Art. 6(4)')).toHaveLength(1);
    expect(cites(result, 'Art. 50(1)')).toHaveLength(1);
  });

  it('does not reach Art. 6(1): an Annex I product stays high-risk', () => {
    const result = classify({
      annexISafetyComponent: true,
      annexIII: ['critical-infrastructure'],
      art63: ['narrow-procedural-task'],
    });
    expect(result).toMatchObject({ category: 'high-risk', basis: ['Art. 6(1)'] });
    expect(result.notes).toEqual([
      expect.stringMatching(/takes Annex III 2 out.*not Art\. 6\(1\)/),
    ]);
  });

  it('changes nothing without an Annex III point, and says so', () => {
    const minimal = classify({ art63: ['preparatory-task'] });
    expect(minimal).toMatchObject({ category: 'minimal', basis: [] });
    expect(minimal.notes[0]).toMatch(/Annex III systems only/);
    const annexI = classify({ annexISafetyComponent: true, art63: ['preparatory-task'] });
    expect(annexI).toMatchObject({ category: 'high-risk', basis: ['Art. 6(1)'] });
  });

  it('profiling alone, without Annex III, does not make a system high-risk', () => {
    expect(classify({ profilesNaturalPersons: true })).toMatchObject({
      category: 'minimal',
      basis: [],
    });
  });
});

describe('transparency obligations (Art. 50)', () => {
  it.each<[string, EuAiActProfileInput, string, RegExp]>([
    ['interactsWithPeople', { interactsWithPeople: true }, 'Art. 50(1)', /AI system/],
    [
      'generatesSyntheticContent',
      { generatesSyntheticContent: true },
      'Art. 50(2)',
      /machine-readable/,
    ],
    [
      'biometricCategorisation other-attributes',
      { biometricCategorisation: 'other-attributes' },
      'Art. 50(3)',
      /inform the people exposed/,
    ],
    [
      'publicInterestText',
      { publicInterestText: true },
      'Art. 50(4)',
      /public interest.*editorial responsibility/,
    ],
  ])('%s → %s', (_name, profile, citation, duty) => {
    const result = classify(profile);
    expect(result.category).toBe('transparency');
    expect(result.basis).toEqual([citation]);
    expect(cites(result, citation)).toEqual([expect.stringMatching(duty)]);
    expect(result.explanations).toEqual([{ citation, text: expect.any(String) }]);
  });

  it('a deep fake owes Art. 50(2) marking by its provider, and Art. 50(4) disclosure by its deployer (Art. 3(60); review E5)', () => {
    const result = classify({ deepFake: true });
    expect(result).toMatchObject({ category: 'transparency', basis: ['Art. 50(2)', 'Art. 50(4)'] });
    expect(cites(result, 'Art. 50(4)')).toEqual([expect.stringMatching(/deep-fake/)]);
    expect(result.duties.filter((d) => d.citation.startsWith('Art. 50'))).toEqual([
      expect.objectContaining({ citation: 'Art. 50(2)', binds: 'provider' }),
      expect.objectContaining({ citation: 'Art. 50(4)', binds: 'deployer' }),
    ]);
  });

  it('cites each paragraph once, and lists every duty', () => {
    const result = classify({
      publicInterestText: true,
      deepFake: true,
      generatesSyntheticContent: true,
      interactsWithPeople: true,
      biometricCategorisation: 'other-attributes',
    });
    expect(result.basis).toEqual(['Art. 50(1)', 'Art. 50(2)', 'Art. 50(3)', 'Art. 50(4)']);
    expect(cites(result, 'Art. 50(4)')).toHaveLength(2);
    expect(result.explanations.at(-1)!.text).toMatch(/deep fakes.*public interest/);
  });

  it.each([
    ['interactsWithPeople', true, 'Art. 50(1)'],
    ['generatesSyntheticContent', true, 'Art. 50(2)'],
    ['biometricCategorisation', 'other-attributes', 'Art. 50(3)'],
    ['deepFake', true, 'Art. 50(4)'],
    ['publicInterestText', true, 'Art. 50(4)'],
  ] as const)(
    '%s stacks on a high-risk system as an obligation (%s)',
    (field, answer, citation) => {
      for (const profile of [
        { annexIII: ['employment.work-decisions'], [field]: answer },
        { annexISafetyComponent: true, [field]: answer },
      ] as EuAiActProfileInput[]) {
        const result = classify(profile);
        expect(result.category).toBe('high-risk');
        expect(result.basis).not.toContain(citation);
        expect(cites(result, citation)).toHaveLength(1);
        expect(cites(result, 'Art. 26')).toHaveLength(1);
      }
    },
  );

  it('lists high-risk duties first, then Art. 50, then AI literacy', () => {
    const result = classify({
      annexIII: ['essential-services.creditworthiness'],
      interactsWithPeople: true,
      generatesSyntheticContent: true,
    });
    expect(result.obligations.map((line) => line.slice(0, line.indexOf(':')))).toEqual([
      'Art. 26',
      'Art. 26(11)',
      'Art. 27',
      'Art. 86',
      'Art. 50(1)',
      'Art. 50(2)',
      'Art. 4',
    ]);
  });

  it('an Annex III emotion-recognition or categorisation system owes Art. 50(3) by that answer', () => {
    for (const point of ['biometrics.categorisation', 'biometrics.emotion-recognition'] as const) {
      expect(cites(classify({ annexIII: [point] }), 'Art. 50(3)')).toHaveLength(1);
      const derogated = classify({ annexIII: [point], art63: ['preparatory-task'] });
      expect(derogated).toMatchObject({
        category: 'transparency',
        basis: ['Art. 6(3)', 'Art. 50(3)'],
      });
      expect(derogated.explanations[1]!.text).toMatch(
        /by its Annex III answer: Annex III 1\([bc]\)/,
      );
    }
    expect(
      cites(classify({ annexIII: ['biometrics.remote-identification'] }), 'Art. 50(3)'),
    ).toEqual([]);
  });
});

describe('minimal risk', () => {
  it.each<[string, EuAiActProfileInput]>([
    ['an empty profile', {}],
    [
      'every answer no',
      {
        prohibitedPractices: [],
        annexISafetyComponent: false,
        annexIII: [],
        art63: [],
        profilesNaturalPersons: false,
        interactsWithPeople: false,
        generatesSyntheticContent: false,
        emotionRecognition: false,
        deepFake: false,
        publicInterestText: false,
      },
    ],
  ])('%s is minimal, with AI literacy and voluntary codes', (_name, profile) => {
    const result = classify(profile);
    expect(result).toMatchObject({ category: 'minimal', basis: [], explanations: [] });
    expect(result.obligations.map((line) => line.slice(0, line.indexOf(':')))).toEqual([
      'Art. 4',
      'Art. 95',
    ]);
    expect(result.notes).toHaveLength(1);
  });
});

describe('every result', () => {
  /** A small deterministic generator, so a failure can be replayed. */
  function* profiles(count: number): Generator<EuAiActProfileInput> {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const some = <T>(values: readonly T[]) => values.filter(() => random() < 0.15);
    for (let i = 0; i < count; i++)
      yield {
        prohibitedPractices: random() < 0.2 ? some(PROHIBITED_PRACTICES.map((x) => x.value)) : [],
        annexISafetyComponent: random() < 0.2,
        annexIII: some(ANNEX_III_POINTS.map((x) => x.value)),
        art63: some(ART_6_3_CONDITIONS.map((x) => x.value)),
        profilesNaturalPersons: random() < 0.3,
        interactsWithPeople: random() < 0.3,
        generatesSyntheticContent: random() < 0.3,
        emotionRecognition: random() < 0.1,
        ...(random() < 0.2
          ? { biometricCategorisation: BIOMETRIC_CATEGORISATION[Math.floor(random() * 3)]!.value }
          : {}),
        ...(random() < 0.2 ? { annexISection: random() < 0.5 ? 'A' : 'B' } : {}),
        deepFake: random() < 0.2,
        publicInterestText: random() < 0.2,
      };
  }

  it('has a category, cites in the exact forms, explains each citation once, and follows the order', () => {
    const seen = new Set<string>();
    for (const profile of profiles(3000)) {
      const result = classify(profile);
      seen.add(result.category);
      expect(EU_AI_ACT_CATEGORIES).toContain(result.category);
      for (const citation of result.basis) expect(citation).toMatch(CITATION);
      expect(new Set(result.basis).size).toBe(result.basis.length);
      expect(result.explanations.map((x) => x.citation)).toEqual(result.basis);
      for (const line of result.obligations) expect(line).toMatch(/^Art\. \d+(\(\d+\))?: \S/);
      for (const d of result.duties) expect(d.appliesFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);

      const prohibited =
        profile.prohibitedPractices!.length > 0 ||
        profile.biometricCategorisation === 'prohibited-traits';
      const annexIII =
        profile.annexIII!.length > 0 ||
        profile.emotionRecognition === true ||
        profile.biometricCategorisation === 'sensitive-or-protected-attributes';
      const derogated = annexIII && profile.art63!.length > 0 && !profile.profilesNaturalPersons;
      const sectionBOnly =
        profile.annexISafetyComponent && profile.annexISection === 'B' && (!annexIII || derogated);
      // Art. 4 binds every provider and deployer, except where Art. 2(2) leaves only Art. 6(1).
      expect(cites(result, 'Art. 4')).toHaveLength(sectionBOnly && !prohibited ? 0 : 1);
      const highRisk = !prohibited && (profile.annexISafetyComponent || (annexIII && !derogated));
      expect(result.category === 'prohibited').toBe(prohibited);
      expect(result.category === 'high-risk').toBe(highRisk);
      if (result.category === 'high-risk')
        expect(
          result.basis.every(
            (c) => c === 'Art. 6(1)' || c === 'Art. 2(2)' || c.startsWith('Annex III'),
          ),
        ).toBe(true);
      if (result.basis.includes('Art. 6(3)')) {
        expect(derogated && !highRisk && !prohibited).toBe(true);
        expect(result.basis[0]).toBe('Art. 6(3)');
      }
      if (result.category === 'minimal')
        expect(result.obligations.some((line) => line.startsWith('Art. 50'))).toBe(false);
    }
    expect([...seen].sort()).toEqual([...EU_AI_ACT_CATEGORIES].sort());
  });

  it('does not depend on the order in which values are written', () => {
    const forward = classify({
      annexIII: ['migration', 'biometrics.categorisation', 'justice.judicial'],
      prohibitedPractices: [],
      interactsWithPeople: true,
    });
    const backward = classify({
      interactsWithPeople: true,
      annexIII: ['justice.judicial', 'biometrics.categorisation', 'migration'],
    });
    expect(backward).toEqual(forward);
  });

  it('leaves the profile it was given untouched', () => {
    const profile = { annexIII: ['migration', 'law-enforcement'], art63: ['preparatory-task'] };
    const copy = structuredClone(profile);
    classifyEuAiAct(profile);
    expect(profile).toEqual(copy);
  });
});
