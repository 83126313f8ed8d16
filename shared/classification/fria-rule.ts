// The one rule for the Art. 27 fundamental-rights impact assessment (FRIA). The classifier (its
// Art. 27 duty) and the assessments module (fria.ts, which starts the FRIA) both read it, so they
// cannot disagree; a test checks that they agree (fria-agreement.test.ts).
import { ANNEX_III, ANNEX_III_DEPRECATED } from './rules/annex-iii.ts';

/** What only the workspace knows about itself as a deployer. */
export interface DeployerContext {
  /** A body governed by public law, or a private entity providing public services; undefined: not said. */
  publicBodyOrPublicService?: boolean;
}

export interface FriaRequirement {
  /** `unknown`: it depends on whether the deployer is a public body or provides public services. */
  required: 'yes' | 'no' | 'unknown';
  /** Citations the answer rests on. */
  basis: string[];
  /** One sentence a person can check. */
  reason: string;
}

const POINTS = new Map<string, { citation: string; publicByDefinition?: true }>(
  [...ANNEX_III, ...ANNEX_III_DEPRECATED].map((p) => [p.value, p]),
);
const ALWAYS = new Set([
  'essential-services.creditworthiness',
  'essential-services.insurance-pricing',
]);
const EXCEPTED = 'critical-infrastructure';

/**
 * Art. 27(1), for the Annex III points that make a system high-risk under Art. 6(2) — not the
 * points an Art. 6(3) derogation took out, and none for an Art. 6(1) product alone:
 * - deployers of 5(b) and 5(c) systems, always;
 * - for the points whose deployers are public authorities by the Annex's own words (5(a), 6, 7,
 *   8(a)), always: such a deployer is a body governed by public law or acts for one;
 * - for any other point except 2 (critical infrastructure), if the deployer is a body governed by
 *   public law or a private entity providing public services.
 */
export function friaRule(
  highRiskPoints: readonly string[],
  deployer: DeployerContext = {},
): FriaRequirement {
  const points = highRiskPoints.filter((p) => POINTS.has(p));
  if (points.length === 0)
    return {
      required: 'no',
      basis: ['Art. 27(1)'],
      reason:
        'Art. 27 covers high-risk systems under Art. 6(2) (Annex III); no Annex III use makes this system high-risk.',
    };
  const cite = (list: string[]) => list.map((p) => POINTS.get(p)!.citation);
  const always = points.filter((p) => ALWAYS.has(p));
  if (always.length > 0)
    return {
      required: 'yes',
      basis: ['Art. 27(1)', ...cite(always)],
      reason: `Deployers of ${cite(always).join(' and ')} systems must assess the impact on fundamental rights before first use.`,
    };
  const covered = points.filter((p) => p !== EXCEPTED);
  if (covered.length === 0)
    return {
      required: 'no',
      basis: ['Art. 27(1)', 'Annex III 2'],
      reason: 'Art. 27(1) excepts high-risk systems used in critical infrastructure (Annex III 2).',
    };
  const publicPoints = covered.filter((p) => POINTS.get(p)!.publicByDefinition);
  if (publicPoints.length > 0)
    return {
      required: 'yes',
      basis: ['Art. 27(1)', ...cite(publicPoints)],
      reason: `The deployers of ${cite(publicPoints).join(', ')} systems are public authorities or act on their behalf by the Annex's own words, so they are bodies governed by public law.`,
    };
  if (deployer.publicBodyOrPublicService === undefined)
    return {
      required: 'unknown',
      basis: ['Art. 27(1)'],
      reason:
        'Required if the deployer is a body governed by public law or a private entity providing public services: say which in the workspace settings.',
    };
  return deployer.publicBodyOrPublicService
    ? {
        required: 'yes',
        basis: ['Art. 27(1)'],
        reason:
          'The deployer is a body governed by public law or provides public services and uses a high-risk Annex III system.',
      }
    : {
        required: 'no',
        basis: ['Art. 27(1)'],
        reason:
          'The deployer is neither a body governed by public law nor a provider of public services, and the system is not an Annex III 5(b) or 5(c) system.',
      };
}
