import type { EuAiActCategory } from '../../../shared/classification/index.ts';
import { DEFAULT_TIER_SCHEME, type TierScheme } from '../../../shared/classification/index.ts';
import type { RegistryRecord } from '../../../shared/documents/registry/index.ts';

export const EU_AI_ACT_LABELS: Record<EuAiActCategory, string> = {
  prohibited: 'Prohibited',
  'high-risk': 'High-risk',
  transparency: 'Transparency obligations',
  minimal: 'Minimal risk',
};

/** A tier's name on the scheme, or its id when the scheme no longer has it. */
export function tierName(id: string, scheme: TierScheme = DEFAULT_TIER_SCHEME): string {
  return scheme.tiers.find((tier) => tier.id === id)?.name ?? id;
}

/** The EU AI Act category a list shows: the lead's decision, else the suggestion (marked). */
export function euAiActShown(record: RegistryRecord): string {
  const c = record.classification;
  if (c?.decision) return EU_AI_ACT_LABELS[c.decision.category];
  if (c?.suggested) return `${EU_AI_ACT_LABELS[c.suggested.category]} (suggested)`;
  return '—';
}

export function tierShown(record: RegistryRecord, scheme?: TierScheme): string {
  const tier = record.classification?.tier;
  return tier ? tierName(tier.decided, scheme) : '—';
}

export const formatDay = (time: number) =>
  time > 0 ? new Date(time).toISOString().slice(0, 10) : '—';
