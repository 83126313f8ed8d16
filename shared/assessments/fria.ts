import type { RecordClassification } from '../documents/registry/index.ts';

/**
 * Whether the deployer must make a fundamental-rights impact assessment (FRIA) under EU AI Act
 * Art. 27(1) before first use: for high-risk systems under Art. 6(2) (the Annex III areas),
 * - deployers of Annex III 5(b) (creditworthiness) and 5(c) (life and health insurance pricing)
 *   systems, always;
 * - deployers that are bodies governed by public law or private entities providing public
 *   services, for any other Annex III system except those of point 2 (critical infrastructure),
 *   which Art. 27(1) leaves out.
 * Annex I products (Art. 6(1)) are not covered. The product suggests; a lead decides.
 */

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

const ALWAYS = new Map([
  ['essential-services.creditworthiness', 'Annex III 5(b)'],
  ['essential-services.insurance-pricing', 'Annex III 5(c)'],
]);
const EXCEPTED = 'critical-infrastructure';

/** The category a lead decided, or else the one suggested. */
function category(classification: RecordClassification | undefined) {
  return classification?.decision?.category ?? classification?.suggested?.category;
}

export function friaRequirement(
  classification: RecordClassification | undefined,
  deployer: DeployerContext = {},
): FriaRequirement {
  if (category(classification) !== 'high-risk') {
    return {
      required: 'no',
      basis: ['Art. 27(1)'],
      reason:
        'Art. 27 applies only to high-risk AI systems, and this system is not classified high-risk.',
    };
  }
  const points = classification?.profile?.annexIII ?? [];
  if (points.length === 0) {
    return {
      required: 'no',
      basis: ['Art. 27(1)', 'Art. 6(1)'],
      reason:
        'Art. 27 covers high-risk systems under Art. 6(2) (Annex III); no Annex III use is recorded for this system.',
    };
  }
  const always = points.flatMap((point) => ALWAYS.get(point) ?? []);
  if (always.length > 0) {
    return {
      required: 'yes',
      basis: ['Art. 27(1)', ...always],
      reason: `Deployers of ${always.join(' and ')} systems must assess the impact on fundamental rights before first use.`,
    };
  }
  if (points.every((point) => point === EXCEPTED)) {
    return {
      required: 'no',
      basis: ['Art. 27(1)', 'Annex III 2'],
      reason: 'Art. 27(1) excepts high-risk systems used in critical infrastructure (Annex III 2).',
    };
  }
  if (deployer.publicBodyOrPublicService === undefined) {
    return {
      required: 'unknown',
      basis: ['Art. 27(1)'],
      reason:
        'Required if the deployer is a body governed by public law or a private entity providing public services: say which in the workspace settings.',
    };
  }
  return deployer.publicBodyOrPublicService
    ? {
        required: 'yes',
        basis: ['Art. 27(1)'],
        reason:
          'The deployer is a public body or provides public services and uses a high-risk Annex III system.',
      }
    : {
        required: 'no',
        basis: ['Art. 27(1)'],
        reason:
          'The deployer is neither a public body nor a provider of public services, and the system is not an Annex III 5(b) or 5(c) system.',
      };
}
