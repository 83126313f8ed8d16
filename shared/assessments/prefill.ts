import { CATEGORY_LABELS } from '../catalog/schema.ts';
import { DEFAULT_TIER_SCHEME, type TierScheme } from '../classification/index.ts';
import type { RegistryRecord, Risk } from '../documents/registry/index.ts';
import {
  EXTENSION_TOOL_KEY_PREFIX,
  HOST_TOOL_KEY_PREFIX,
  byCodeUnit,
  type DataCategory,
} from '../documents/schema/values.ts';
import {
  AI_SPECIFIC_RISKS,
  ANNEX_C_RISK_SOURCES,
  GENERAL_RISKS,
  riskSource,
} from '../iso42001/index.ts';
import { riskBand, riskScore } from '../documents/registry/index.ts';
import type { FriaRequirement } from './fria.ts';
import type { PrefillRule, TemplateSection } from './template-format.ts';

/**
 * The plain text an assessment starts with, per section, from its registry record (purpose,
 * detections, classification and its basis, data categories) and the workspace's risk register.
 * Pure and deterministic: dates are UTC days, lists are sorted.
 */

export interface PrefillContext {
  record: RegistryRecord;
  tierScheme?: TierScheme;
  /** The whole register: the risks naming this record are used. */
  risks?: Iterable<Risk>;
  fria?: FriaRequirement;
}

export const DATA_CATEGORY_LABELS: Record<DataCategory, string> = {
  personal: 'personal data',
  customer: 'customer data',
  'source-code': 'source code',
  financial: 'financial data',
  health: 'health data',
  confidential: 'confidential business information',
  none: 'no sensitive data',
};

const SENSITIVE: readonly DataCategory[] = ['personal', 'customer', 'health', 'financial'];
const LIFECYCLE_LABELS = {
  procurement: 'in procurement',
  development: 'in development',
  'in-use': 'in use',
  retired: 'retired',
} as const;

export const day = (time: number) => new Date(time).toISOString().slice(0, 10);

function describeToolKey(key: string): string {
  if (key.startsWith(HOST_TOOL_KEY_PREFIX))
    return `the host ${key.slice(HOST_TOOL_KEY_PREFIX.length)}`;
  if (key.startsWith(EXTENSION_TOOL_KEY_PREFIX)) {
    return `the browser extension ${key.slice(EXTENSION_TOOL_KEY_PREFIX.length)}`;
  }
  return `the catalogued tool "${key}"`;
}

function system(r: RegistryRecord): string[] {
  const lines = [`System: ${r.name}${r.vendor ? `, from ${r.vendor}` : ''}.`];
  if (r.category) lines.push(`Category: ${CATEGORY_LABELS[r.category]}.`);
  if (r.model || r.provider) {
    lines.push(
      `Underlying model: ${r.model ?? 'not recorded'}${r.provider ? `, provided by ${r.provider}` : ''}.`,
    );
  }
  if (r.lifecycle) lines.push(`Lifecycle stage: ${LIFECYCLE_LABELS[r.lifecycle]}.`);
  lines.push(`Business owner: ${r.owner ?? 'not recorded'}.`);
  if (r.departments.length > 0 || r.userCount !== undefined) {
    const who = r.departments.length > 0 ? `Used in ${r.departments.join(', ')}` : 'Used';
    lines.push(`${who}${r.userCount !== undefined ? ` by about ${r.userCount} people` : ''}.`);
  }
  return lines;
}

function classification(r: RegistryRecord): string[] {
  const c = r.classification;
  const category = c?.decision?.category ?? c?.suggested?.category;
  if (!c || !category) return ['EU AI Act category: not classified yet.'];
  const lines = [`EU AI Act category: ${category}.`];
  // The basis belongs to the suggestion: under an overridden category, say whose it is (review E14).
  if (c.suggested && c.suggested.basis.length > 0)
    lines.push(
      c.suggested.category === category
        ? `Basis: ${c.suggested.basis.join(', ')}.`
        : `Basis of the suggestion (${c.suggested.category}): ${c.suggested.basis.join(', ')}.`,
    );
  if (c.decision) {
    const how = c.decision.confirmed
      ? 'Confirmed'
      : `Overridden (suggested: ${c.suggested?.category ?? 'none'})`;
    lines.push(`${how} by ${c.decision.by} on ${day(c.decision.at)}.`);
    if (c.decision.overrideReason) lines.push(`Reason: ${c.decision.overrideReason}`);
  } else {
    lines.push('Suggested by Sightline; not yet confirmed by a lead.');
  }
  return lines;
}

function tier(r: RegistryRecord, scheme: TierScheme): string[] {
  const t = r.classification?.tier;
  if (!t) return ['Risk tier: not decided yet.'];
  const name = (id: string) => scheme.tiers.find((x) => x.id === id)?.name ?? id;
  const decided = scheme.tiers.find((x) => x.id === t.decided);
  const lines = [
    `Risk tier: ${name(t.decided)}${decided ? ` (${decided.description})` : ''}, decided by ${t.by} on ${day(t.at)}.`,
  ];
  if (t.decided !== t.suggested)
    lines.push(
      `Suggested: ${name(t.suggested)}. Reason for the change: ${t.reason ?? 'not given'}`,
    );
  return lines;
}

function dataCategories(r: RegistryRecord): string[] {
  if (r.dataCategories.length === 0) return ['Data categories: none recorded yet.'];
  return [`Data categories: ${r.dataCategories.map((c) => DATA_CATEGORY_LABELS[c]).join(', ')}.`];
}

function riskSources(r: RegistryRecord): string[] {
  const lines = [
    `AI-specific risk categories to consider: ${AI_SPECIFIC_RISKS.map((s) => s.label.toLowerCase()).join('; ')}.`,
    `Risks that still apply, though not AI-specific: ${GENERAL_RISKS.map((s) => s.label.toLowerCase()).join('; ')}.`,
    `Annex C risk sources: ${ANNEX_C_RISK_SOURCES.map((s) => s.label.toLowerCase()).join('; ')}.`,
  ];
  const sensitive = r.dataCategories.filter((c) => SENSITIVE.includes(c));
  if (sensitive.length > 0) {
    lines.push(
      `It receives ${sensitive.map((c) => DATA_CATEGORY_LABELS[c]).join(', ')}: privacy and data protection applies.`,
    );
  }
  return lines;
}

function linkedRisks(r: RegistryRecord, risks: Iterable<Risk>): string[] {
  const mine = [...risks]
    .filter((risk) => risk.systemIds.includes(r.id))
    .sort(
      (a, b) =>
        riskScore(b.likelihood, b.impact) - riskScore(a.likelihood, a.impact) ||
        byCodeUnit(a.id, b.id),
    );
  if (mine.length === 0) return ['No risk in the register names this system yet.'];
  return mine.map((risk) => {
    const score = riskScore(risk.likelihood, risk.impact);
    const controls = risk.controls.length > 0 ? `, controls ${risk.controls.join(', ')}` : '';
    return (
      `${riskSource(risk.source)?.label ?? risk.source}: ${risk.description} — likelihood ${risk.likelihood} × impact ${risk.impact} = ${score} (${riskBand(score)}); ` +
      `owner ${risk.owner ?? 'not assigned'}; treatment ${risk.treatment}${controls}; status ${risk.status}.`
    );
  });
}

const RISK_CRITERIA = [
  'Likelihood is rated 1 (rare) to 5 (almost certain) and impact 1 (negligible) to 5 (severe); the score is likelihood × impact.',
  'Scores 1–4 are low, 5–9 medium, 10–16 high and 20–25 critical.',
];

function lines(rule: PrefillRule, ctx: PrefillContext): string[] {
  const r = ctx.record;
  switch (rule) {
    case 'none':
      return [];
    case 'system':
      return system(r);
    case 'purpose':
      return [`Intended purpose: ${r.purpose ?? 'not recorded yet.'}`];
    case 'detections':
      return r.toolKeys.length === 0
        ? ['Detections: none; the record was created by hand.']
        : [`Detections: found by Sightline as ${r.toolKeys.map(describeToolKey).join(', ')}.`];
    case 'classification':
      return classification(r);
    case 'tier':
      return tier(r, ctx.tierScheme ?? DEFAULT_TIER_SCHEME);
    case 'data-categories':
      return dataCategories(r);
    case 'risk-criteria':
      return RISK_CRITERIA;
    case 'risk-sources':
      return riskSources(r);
    case 'linked-risks':
      return linkedRisks(r, ctx.risks ?? []);
    case 'fria-basis':
      return ctx.fria ? [`${ctx.fria.reason} Basis: ${ctx.fria.basis.join(', ')}.`] : [];
  }
}

/** sectionId → its starting paragraphs, for the sections that have any. */
export function prefillSections(
  sections: readonly TemplateSection[],
  context: PrefillContext,
): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const section of sections) {
    const paragraphs = section.prefill.flatMap((rule) => lines(rule, context));
    if (paragraphs.length > 0) result.set(section.id, paragraphs);
  }
  return result;
}
