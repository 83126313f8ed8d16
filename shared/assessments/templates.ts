import { AI_SYSTEM_IMPACT_ASSESSMENT } from './impact-template.ts';
import { AI_RISK_ASSESSMENT } from './risk-template.ts';
import type { AssessmentTemplate, TemplateSection } from './template-format.ts';

export { AI_RISK_ASSESSMENT, AI_SYSTEM_IMPACT_ASSESSMENT };

/** The two templates every workspace starts with. */
export const BUILT_IN_TEMPLATES: readonly AssessmentTemplate[] = [
  AI_RISK_ASSESSMENT,
  AI_SYSTEM_IMPACT_ASSESSMENT,
];

/**
 * The sections an assessment from this template has: every `always` section, and the
 * `fria-required` ones only when the deployer must make a fundamental-rights impact assessment.
 */
export function templateSections(
  template: AssessmentTemplate,
  context: { friaRequired: boolean },
): TemplateSection[] {
  return template.sections.filter(
    (section) => section.condition === 'always' || context.friaRequired,
  );
}
