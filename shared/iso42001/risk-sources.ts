/**
 * Pick-lists for the risk register: ISO/IEC 42001 Annex C risk sources (C.3) and objectives (C.2),
 * and the AI-specific risks the seed material names, which are the default risk categories
 * (../shared/reference/iso-42001.md). Ids are stored in documents: never rename one.
 */

export interface RiskSource {
  id: string;
  label: string;
  /**
   * Where it comes from: Annex C.3; the AI-specific risk categories of the seed material; or the
   * general (confidentiality, integrity, availability and privacy) risks the seeds say "still
   * apply" but are not AI-specific (domain review E12).
   */
  origin: 'annex-c' | 'ai-specific' | 'general';
}

export const ANNEX_C_RISK_SOURCES = [
  { id: 'complexity-of-environment', label: 'Complexity of environment', origin: 'annex-c' },
  {
    id: 'lack-of-transparency-and-explainability',
    label: 'Lack of transparency and explainability',
    origin: 'annex-c',
  },
  { id: 'level-of-automation', label: 'Level of automation', origin: 'annex-c' },
  {
    id: 'machine-learning',
    label: 'Risk sources related to machine learning',
    origin: 'annex-c',
  },
  { id: 'system-hardware', label: 'System hardware issues', origin: 'annex-c' },
  { id: 'system-life-cycle', label: 'System life cycle issues', origin: 'annex-c' },
  { id: 'technology-readiness', label: 'Technology readiness', origin: 'annex-c' },
] as const satisfies readonly RiskSource[];

export const AI_SPECIFIC_RISKS = [
  { id: 'algorithmic-bias', label: 'Algorithmic bias', origin: 'ai-specific' },
  { id: 'black-box', label: 'Lack of transparency ("black box")', origin: 'ai-specific' },
  { id: 'model-drift', label: 'Model drift', origin: 'ai-specific' },
  { id: 'harm-or-misuse', label: 'Potential for harm or misuse', origin: 'ai-specific' },
  {
    id: 'ethical-implications',
    label: 'Ethical implications (automated decisions and fundamental rights)',
    origin: 'ai-specific',
  },
] as const satisfies readonly RiskSource[];

/** Risks that still apply to AI systems but are not AI-specific (the seeds contrast them). */
export const GENERAL_RISKS = [
  { id: 'privacy', label: 'Privacy and data protection', origin: 'general' },
  {
    id: 'security',
    label: 'Security (confidentiality, integrity, availability)',
    origin: 'general',
  },
] as const satisfies readonly RiskSource[];

/** Every source a risk may name: the AI-specific categories first (the defaults), the general ones, then Annex C. */
export const RISK_SOURCES = [
  ...AI_SPECIFIC_RISKS,
  ...GENERAL_RISKS,
  ...ANNEX_C_RISK_SOURCES,
] as const;
export type RiskSourceId = (typeof RISK_SOURCES)[number]['id'];

export function isRiskSourceId(value: unknown): value is RiskSourceId {
  return RISK_SOURCES.some((source) => source.id === value);
}

export function riskSource(id: string): RiskSource | undefined {
  return (RISK_SOURCES as readonly RiskSource[]).find((source) => source.id === id);
}

/** Annex C.2: organisational objectives for AI, as a pick-list. */
export const ANNEX_C_OBJECTIVES = [
  'Accountability',
  'AI expertise',
  'Availability and quality of training and test data',
  'Environmental impact',
  'Fairness',
  'Maintainability',
  'Privacy',
  'Robustness',
  'Safety',
  'Security',
  'Transparency and explainability',
] as const;
