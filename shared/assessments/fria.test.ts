import { describe, expect, it } from 'vitest';
import type { RecordClassification } from '../documents/registry/index.ts';
import { friaRequirement } from './fria.ts';

const highRisk = (annexIII: string[], decided = 'high-risk'): RecordClassification =>
  ({
    profile: { annexIII },
    suggested: { category: 'high-risk', basis: [] },
    decision: { category: decided, confirmed: true, by: 'l', at: 1 },
  }) as unknown as RecordClassification;

describe('friaRequirement (EU AI Act Art. 27(1))', () => {
  it('requires it of every deployer of an Annex III 5(b) or 5(c) system', () => {
    const result = friaRequirement(highRisk(['essential-services.creditworthiness']), {
      publicBodyOrPublicService: false,
    });
    expect(result).toMatchObject({ required: 'yes', basis: ['Art. 27(1)', 'Annex III 5(b)'] });
    expect(friaRequirement(highRisk(['essential-services.insurance-pricing'])).basis).toContain(
      'Annex III 5(c)',
    );
  });

  it('requires it of public bodies and providers of public services for other Annex III systems', () => {
    const recruitment = highRisk(['employment.recruitment']);
    expect(friaRequirement(recruitment, { publicBodyOrPublicService: true }).required).toBe('yes');
    expect(friaRequirement(recruitment, { publicBodyOrPublicService: false }).required).toBe('no');
    expect(friaRequirement(recruitment).required).toBe('unknown');
  });

  it('leaves out critical infrastructure (Annex III 2), even for public bodies', () => {
    expect(
      friaRequirement(highRisk(['critical-infrastructure']), { publicBodyOrPublicService: true }),
    ).toMatchObject({ required: 'no', basis: ['Art. 27(1)', 'Annex III 2'] });
  });

  it('does not apply to systems that are not high-risk, or high-risk only as Annex I products', () => {
    const overridden = highRisk(['essential-services.creditworthiness'], 'minimal');
    expect(friaRequirement(overridden).required).toBe('no');
    expect(friaRequirement(undefined).required).toBe('no');
    expect(friaRequirement(highRisk([]), { publicBodyOrPublicService: true }).required).toBe('no');
  });

  it('follows the lead’s decision over the suggestion', () => {
    const c = highRisk(['essential-services.creditworthiness']);
    c.suggested = { category: 'minimal', basis: [] };
    expect(friaRequirement(c).required).toBe('yes');
  });
});
