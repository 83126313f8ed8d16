// The classifier under the Regulation as amended in 2026 (the Digital Omnibus on AI): the findings
// of ../shared/reference/domain-review-2026-12.md, section 1, each test citing its article.
import { describe, expect, it } from 'vitest';
import { classifyEuAiAct, dutiesForWorkspace, type EuAiActResult } from './eu-ai-act.ts';
import type { EuAiActProfileInput } from './eu-ai-act-profile.ts';

const classify = (profile: EuAiActProfileInput) => classifyEuAiAct(profile);
const duty = (result: EuAiActResult, citation: string) =>
  result.duties.filter((d) => d.citation === citation);
const citations = (result: EuAiActResult, binds?: 'provider' | 'deployer') =>
  result.duties.filter((d) => binds === undefined || d.binds === binds).map((d) => d.citation);

describe('Art. 5(1)(ba) and (bb): the prohibitions added in 2026, from 2 Dec 2026 (review E1)', () => {
  it('a nudifier is prohibited under Art. 5(1)(ba), whatever else it does', () => {
    const result = classify({
      prohibitedPractices: ['non-consensual-intimate-imagery'],
      generatesSyntheticContent: true,
      deepFake: true,
    });
    expect(result).toMatchObject({ category: 'prohibited', basis: ['Art. 5(1)(ba)'] });
    expect(duty(result, 'Art. 5(1)(ba)')).toEqual([
      expect.objectContaining({ binds: 'provider', appliesFrom: '2026-12-02' }),
      expect.objectContaining({ binds: 'deployer', appliesFrom: '2026-12-02' }),
    ]);
    expect(result.explanations[0]!.text).toMatch(/prohibited from 2026-12-02/);
  });

  it('a generator of child sexual abuse material is prohibited under Art. 5(1)(bb)', () => {
    const result = classify({ prohibitedPractices: ['child-sexual-abuse-material'] });
    expect(result).toMatchObject({ category: 'prohibited', basis: ['Art. 5(1)(bb)'] });
    expect(duty(result, 'Art. 5(1)(bb)')[0]!.appliesFrom).toBe('2026-12-02');
  });

  it('the older prohibitions keep their day, 2 Feb 2025 (Art. 113(a))', () => {
    const result = classify({ prohibitedPractices: ['social-scoring'] });
    expect(duty(result, 'Art. 5(1)(c)')[0]!.appliesFrom).toBe('2025-02-02');
  });
});

describe('Art. 6(4) with its Art. 49(2) registration (review E2)', () => {
  it('a biometric-categorisation system taken out by the derogation owes both, from the provider', () => {
    const result = classify({
      biometricCategorisation: 'sensitive-or-protected-attributes',
      art63: ['preparatory-task'],
    });
    expect(result).toMatchObject({ category: 'transparency', basis: ['Art. 6(3)', 'Art. 50(3)'] });
    expect(citations(result, 'provider')).toEqual(
      expect.arrayContaining(['Art. 6(4)', 'Art. 49(2)']),
    );
    expect(result.obligations.find((l) => l.startsWith('Art. 6(4):'))).toMatch(/Art\. 49\(2\)/);
    expect(duty(result, 'Art. 49(2)')[0]!.appliesFrom).toBe('2027-12-02');
  });
});

describe('Annex I Section A or B (Art. 2(2), Art. 6(1); review E3)', () => {
  it('Section B: only Art. 6(1), 102–109 and 112 apply — no Art. 26 or other duty', () => {
    const result = classify({ annexISafetyComponent: true, annexISection: 'B' });
    expect(result).toMatchObject({ category: 'high-risk', basis: ['Art. 6(1)', 'Art. 2(2)'] });
    expect(result.duties).toEqual([]);
    expect(result.obligations).toEqual([expect.stringMatching(/^Art\. 2\(2\): /)]);
  });

  it('Section A, or not answered, gets the Annex I duties from 2 Aug 2028', () => {
    for (const profile of [
      { annexISafetyComponent: true, annexISection: 'A' },
      { annexISafetyComponent: true },
    ] as EuAiActProfileInput[]) {
      const result = classify(profile);
      expect(duty(result, 'Art. 26(1)')).toEqual([
        expect.objectContaining({ binds: 'deployer', appliesFrom: '2028-08-02' }),
      ]);
      // Art. 26(11), 27 and 86 concern Annex III systems only.
      expect(citations(result)).not.toContain('Art. 26(11)');
      expect(citations(result)).not.toContain('Art. 86');
      expect(citations(result)).not.toContain('Art. 27');
    }
    expect(classify({ annexISafetyComponent: true }).explanations[0]!.text).toMatch(
      /Section not given: treated as Section A/,
    );
  });

  it('a Section B product that is also an Annex III system owes the Annex III duties', () => {
    const result = classify({
      annexISafetyComponent: true,
      annexISection: 'B',
      annexIII: ['employment.recruitment'],
    });
    expect(duty(result, 'Art. 26(1)')[0]!.appliesFrom).toBe('2027-12-02');
  });

  it('the safety-component question carries the 2026 exclusions of Art. 6(1a)–(1c)', async () => {
    const { PROFILE_QUESTIONS } = await import('./eu-ai-act-profile.ts');
    expect(PROFILE_QUESTIONS.annexISafetyComponent).toMatch(/user assistance.*quality control/);
  });
});

describe('emotion recognition and biometric categorisation apart (Annex III 1(b), 1(c), Art. 5(1)(f), (g), Art. 50(3); review E4)', () => {
  it('every emotion-recognition system is Annex III 1(c): high-risk, with Art. 50(3)', () => {
    const result = classify({ emotionRecognition: true });
    expect(result).toMatchObject({ category: 'high-risk', basis: ['Annex III 1(c)'] });
    expect(result.explanations[0]!.text).toMatch(/emotion-recognition answer/);
    expect(citations(result, 'deployer')).toContain('Art. 50(3)');
    expect(result.notes.join(' ')).toMatch(/Art\. 5\(1\)\(f\)/);
  });

  it('biometric categorisation: prohibited traits, sensitive attributes, other attributes', () => {
    expect(classify({ biometricCategorisation: 'prohibited-traits' })).toMatchObject({
      category: 'prohibited',
      basis: ['Art. 5(1)(g)'],
    });
    expect(
      classify({ biometricCategorisation: 'sensitive-or-protected-attributes' }),
    ).toMatchObject({ category: 'high-risk', basis: ['Annex III 1(b)'] });
    expect(classify({ biometricCategorisation: 'other-attributes' })).toMatchObject({
      category: 'transparency',
      basis: ['Art. 50(3)'],
    });
  });
});

describe('Art. 26 and Art. 86: the deployer duties of an Annex III system (review E6)', () => {
  it('lists every paragraph that matters, each for the deployer, from 2 Dec 2027', () => {
    const result = classify({ annexIII: ['employment.recruitment'] });
    const deployer = result.duties.filter((d) => d.binds === 'deployer');
    expect(deployer.map((d) => d.citation)).toEqual([
      'Art. 26(1)',
      'Art. 26(2)',
      'Art. 26(4)',
      'Art. 26(5)',
      'Art. 26(6)',
      'Art. 26(7)',
      'Art. 26(8)',
      'Art. 26(9)',
      'Art. 26(11)',
      'Art. 26(12)',
      'Art. 27',
      'Art. 86',
      'Art. 4',
    ]);
    for (const d of deployer.filter((x) => x.citation !== 'Art. 4'))
      expect(d.appliesFrom).toBe('2027-12-02');
    expect(duty(result, 'Art. 26(7)')[0]!.text).toMatch(/representatives and the affected workers/);
    expect(duty(result, 'Art. 26(5)')[0]!.text).toMatch(/serious incident.*first the provider/);
    expect(duty(result, 'Art. 26(6)')[0]!.text).toMatch(/six months/);
  });

  it('Annex III 2 (critical infrastructure) owes no Art. 86, nor Art. 49(1) registration', () => {
    const result = classify({ annexIII: ['critical-infrastructure'] });
    expect(citations(result)).not.toContain('Art. 86');
    expect(citations(result)).not.toContain('Art. 49(1)');
    expect(citations(result)).toContain('Art. 26(11)');
  });
});

describe('the dates each duty applies from (Art. 111, 113 as amended; review E7)', () => {
  it('Art. 50 from 2 Aug 2026; Art. 4 from 2 Feb 2025; high-risk by route', () => {
    const result = classify({
      annexIII: ['essential-services.creditworthiness'],
      interactsWithPeople: true,
      generatesSyntheticContent: true,
    });
    expect(duty(result, 'Art. 50(1)')[0]!.appliesFrom).toBe('2026-08-02');
    expect(duty(result, 'Art. 50(2)')[0]!.text).toMatch(/before 2 Aug 2026: from 2 Dec 2026/);
    expect(duty(result, 'Art. 4').map((d) => d.appliesFrom)).toEqual(['2025-02-02', '2025-02-02']);
    expect(duty(result, 'Art. 27')[0]!.appliesFrom).toBe('2027-12-02');
  });

  it('Annex III and Annex I at once: dated from the Annex III day, the earlier, with a note', () => {
    const result = classify({ annexISafetyComponent: true, annexIII: ['education.admission'] });
    expect(duty(result, 'Art. 26(1)')[0]!.appliesFrom).toBe('2027-12-02');
    expect(result.notes.join(' ')).toMatch(/dated from the Annex III day/);
  });
});

describe('the organisation’s role (Art. 3(3), 3(4), Art. 25(1))', () => {
  it('is the deployer unless said otherwise; the provider duties are what to ask of the provider', () => {
    const result = classify({ annexIII: ['education.evaluation'] });
    expect(result.role).toEqual({ declared: 'deployer', effective: 'deployer', basis: [] });
    const { own, others } = dutiesForWorkspace(result);
    expect(new Set(own.map((d) => d.binds))).toEqual(new Set(['deployer']));
    expect(others.map((d) => d.citation)).toEqual(['Art. 16', 'Art. 49(1)', 'Art. 73', 'Art. 4']);
  });

  it('a provider owns the provider duties; provider-and-deployer owns both', () => {
    const provider = classify({ role: 'provider', annexIII: ['education.evaluation'] });
    expect(dutiesForWorkspace(provider).own.every((d) => d.binds === 'provider')).toBe(true);
    const both = classify({ role: 'provider-and-deployer', annexIII: ['education.evaluation'] });
    expect(dutiesForWorkspace(both).others).toEqual([]);
  });

  it.each([
    ['own-name-or-trademark', 'Art. 25(1)(a)'],
    ['substantial-modification', 'Art. 25(1)(b)'],
    ['changed-intended-purpose', 'Art. 25(1)(c)'],
  ] as const)(
    'Art. 25 trigger %s makes a deployer of a high-risk system its provider (%s)',
    (trigger, citation) => {
      const result = classify({ art25: [trigger], annexIII: ['employment.work-decisions'] });
      expect(result.role).toEqual({
        declared: 'deployer',
        effective: 'provider-and-deployer',
        basis: [citation],
      });
      expect(dutiesForWorkspace(result).own.map((d) => d.citation)).toContain('Art. 16');
      expect(result.notes.join(' ')).toMatch(/provider of this system as well as its deployer/);
    },
  );

  it('for a system that is not high-risk, only its own name makes it the provider (Art. 3(3))', () => {
    expect(
      classify({ art25: ['substantial-modification'], interactsWithPeople: true }).role.effective,
    ).toBe('deployer');
    expect(classify({ art25: ['own-name-or-trademark'], interactsWithPeople: true }).role).toEqual({
      declared: 'deployer',
      effective: 'provider-and-deployer',
      basis: ['Art. 3(3)'],
    });
  });
});

describe('profiles valid before the 2026 questions keep parsing (deprecated aliases)', () => {
  it('emotionRecognitionOrBiometricCategorisation is read as emotion recognition, with a note', () => {
    const result = classify({ emotionRecognitionOrBiometricCategorisation: true });
    expect(result).toMatchObject({ category: 'high-risk', basis: ['Annex III 1(c)'] });
    expect(result.notes.join(' ')).toMatch(
      /deprecated field emotionRecognitionOrBiometricCategorisation/,
    );
    expect(classify({ emotionRecognitionOrBiometricCategorisation: false }).category).toBe(
      'minimal',
    );
  });

  it('the whole areas law-enforcement and migration still classify as Annex III 6 and 7', () => {
    const result = classify({ annexIII: ['law-enforcement', 'migration'] });
    expect(result).toMatchObject({ category: 'high-risk', basis: ['Annex III 6', 'Annex III 7'] });
    expect(result.notes.join(' ')).toMatch(/deprecated value annexIII "law-enforcement"/);
  });

  it('every profile of the previous docs/classification.md still parses', () => {
    for (const raw of [
      '{"annexIII": ["employment.recruitment"], "art63": ["preparatory-task"], "profilesNaturalPersons": true, "interactsWithPeople": true}',
      '{"deepFake": true}',
      '{"generatesSyntheticContent":true,"deepFake":true}',
      '{"emotionRecognitionOrBiometricCategorisation":true,"annexIII":["migration"],"annexISafetyComponent":true}',
    ])
      expect(() => classifyEuAiAct(JSON.parse(raw))).not.toThrow();
  });
});
