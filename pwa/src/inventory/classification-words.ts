import { DEFAULT_TIER_SCHEME, type TierScheme } from '../../../shared/classification/index.ts';
import {
  findTier,
  type RegistryRecord,
  type WorkspaceTierScheme,
} from '../../../shared/documents/registry/index.ts';
import { EU_AI_ACT_LABELS } from '../../../shared/exports/words.ts';

export { EU_AI_ACT_LABELS };

/** A scheme alone, or the workspace's reading of it (which also knows the removed tiers). */
export type TierNames = TierScheme | Pick<WorkspaceTierScheme, 'scheme' | 'removed'>;

/**
 * A tier's name on the workspace's scheme. A decision made under a tier removed since still names
 * it, saying so; a tier never known shows its id.
 */
export function tierName(id: string, names: TierNames = DEFAULT_TIER_SCHEME): string {
  const workspace = 'scheme' in names ? names : { scheme: names, removed: [] };
  const found = findTier(workspace, id);
  if (found?.current) return found.tier.name;
  return `${found?.tier.name ?? id} (removed from the scheme)`;
}

/** The EU AI Act category a list shows: the lead's decision, else the suggestion (marked). */
export function euAiActShown(record: RegistryRecord): string {
  const c = record.classification;
  if (c?.decision) return EU_AI_ACT_LABELS[c.decision.category];
  if (c?.suggested) return `${EU_AI_ACT_LABELS[c.suggested.category]} (suggested)`;
  return '—';
}

export function tierShown(record: RegistryRecord, names?: TierNames): string {
  const tier = record.classification?.tier;
  return tier ? tierName(tier.decided, names) : '—';
}

export const formatDay = (time: number) =>
  time > 0 ? new Date(time).toISOString().slice(0, 10) : '—';
