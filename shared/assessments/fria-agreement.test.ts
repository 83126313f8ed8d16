// One rule for the Art. 27 FRIA (review E9): the classifier's Art. 27 duty and friaRequirement,
// which starts the FRIA assessment, both read shared/classification/fria-rule.ts. This checks that
// they agree on every kind of profile and deployer.
import { describe, expect, it } from 'vitest';
import {
  ANNEX_III_POINTS,
  ART_6_3_CONDITIONS,
  classifyEuAiAct,
  type DeployerContext,
  type EuAiActProfileInput,
} from '../classification/index.ts';
import type { RecordClassification } from '../documents/registry/index.ts';
import { friaRequirement } from './fria.ts';

function record(profile: EuAiActProfileInput): RecordClassification {
  const suggested = classifyEuAiAct(profile);
  return {
    profile: profile as RecordClassification['profile'],
    suggested: { category: suggested.category, basis: suggested.basis },
  };
}

function* profiles(count: number): Generator<EuAiActProfileInput> {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < count; i++)
    yield {
      annexISafetyComponent: random() < 0.3,
      annexIII: ANNEX_III_POINTS.filter(() => random() < 0.08).map((x) => x.value),
      art63: ART_6_3_CONDITIONS.filter(() => random() < 0.15).map((x) => x.value),
      profilesNaturalPersons: random() < 0.3,
      emotionRecognition: random() < 0.1,
    };
}

const CONTEXTS: DeployerContext[] = [
  {},
  { publicBodyOrPublicService: true },
  { publicBodyOrPublicService: false },
];

describe('the FRIA rule agrees between the classifier and the assessments (Art. 27(1))', () => {
  it('on 2000 profiles and every deployer context', () => {
    let required = 0;
    for (const profile of profiles(2000))
      for (const context of CONTEXTS) {
        const fria = friaRequirement(record(profile), context);
        const art27 = classifyEuAiAct(profile, context).duties.filter(
          (d) => d.citation === 'Art. 27',
        );
        expect(art27.length > 0).toBe(fria.required !== 'no');
        if (art27.length > 0) {
          required += 1;
          expect(art27[0]!.text.startsWith('if the deployer')).toBe(fria.required === 'unknown');
        }
      }
    expect(required).toBeGreaterThan(100);
  });

  it('the review’s case: an Annex I product whose 5(b) use the derogation took out needs no FRIA', () => {
    const profile: EuAiActProfileInput = {
      annexISafetyComponent: true,
      annexIII: ['essential-services.creditworthiness'],
      art63: ['preparatory-task'],
      profilesNaturalPersons: false,
    };
    const result = classifyEuAiAct(profile);
    expect(result).toMatchObject({ category: 'high-risk', basis: ['Art. 6(1)'] });
    expect(result.duties.map((d) => d.citation)).not.toContain('Art. 27');
    expect(friaRequirement(record(profile)).required).toBe('no');
  });

  it('points public by definition (5(a), 6, 7, 8(a)) need a FRIA without asking the workspace', () => {
    for (const value of [
      'essential-services.public-benefits',
      'law-enforcement.polygraph',
      'migration.identification',
      'justice.judicial',
    ] as const) {
      const fria = friaRequirement(record({ annexIII: [value] }), {});
      expect(fria.required).toBe('yes');
      expect(fria.basis[0]).toBe('Art. 27(1)');
    }
  });

  it('a lead who decides high-risk against a derogation makes the Annex III uses count', () => {
    const c = record({
      annexIII: ['essential-services.insurance-pricing'],
      art63: ['narrow-procedural-task'],
    });
    expect(friaRequirement(c).required).toBe('no');
    c.decision = {
      category: 'high-risk',
      confirmed: false,
      overrideReason: 'not narrow',
      by: 'l',
      at: 1,
    };
    expect(friaRequirement(c)).toMatchObject({
      required: 'yes',
      basis: ['Art. 27(1)', 'Annex III 5(c)'],
    });
  });
});
