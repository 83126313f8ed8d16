import {
  emptyEuAiActProfile,
  friaRule,
  highRiskAnnexIIIPoints,
  annexIIIAnswers,
  type DeployerContext,
  type FriaRequirement,
} from '../classification/index.ts';
import type { RecordClassification } from '../documents/registry/index.ts';

/**
 * Whether the deployer must make a fundamental-rights impact assessment (FRIA) under EU AI Act
 * Art. 27(1) before first use. The rule itself is shared/classification/fria-rule.ts, which the
 * classifier's Art. 27 duty reads too (one source of truth; fria-agreement.test.ts checks it):
 * it counts the Annex III points that make the system high-risk under Art. 6(2) — not those an
 * Art. 6(3) derogation took out, and none for an Annex I product (Art. 6(1)) alone. The product
 * suggests; a lead decides.
 */
export type { DeployerContext, FriaRequirement };

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
  // Readers never trust a stored shape: missing answers are "no".
  const profile = { ...emptyEuAiActProfile(), ...classification?.profile };
  let points = highRiskAnnexIIIPoints(profile);
  // A lead who decided high-risk against a suggestion that was not (the derogation refused by a
  // person) makes the Annex III uses count again.
  if (points.length === 0 && classification?.suggested?.category !== 'high-risk')
    points = annexIIIAnswers(profile);
  return friaRule(points, deployer);
}
