import type { EuAiActCategory } from '../classification/index.ts';
import type {
  ImplementationState,
  Lifecycle,
  NoteKind,
  RiskStatus,
  Treatment,
} from '../documents/registry/index.ts';
import type { DataCategory } from '../documents/schema/values.ts';

/**
 * The reader's words for stored values: what the screens show and what exports print (E2), one
 * list for both. Exports never print a stored key (`in-use`, `meeting-notes`) where a person reads.
 */

export const LIFECYCLE_LABELS: Record<Lifecycle, string> = {
  procurement: 'Procurement',
  development: 'Development',
  'in-use': 'In use',
  retired: 'Retired',
};

export const EU_AI_ACT_LABELS: Record<EuAiActCategory, string> = {
  prohibited: 'Prohibited',
  'high-risk': 'High-risk',
  transparency: 'Transparency obligations',
  minimal: 'Minimal risk',
};

export const TREATMENT_LABELS: Record<Treatment, string> = {
  avoid: 'Avoid',
  mitigate: 'Mitigate',
  transfer: 'Transfer',
  accept: 'Accept',
};

export const RISK_STATUS_LABELS: Record<RiskStatus, string> = {
  open: 'Open',
  treating: 'Treating',
  accepted: 'Accepted',
  closed: 'Closed',
};

export const IMPLEMENTATION_LABELS: Record<ImplementationState, string> = {
  'not-started': 'Not started',
  partial: 'Partial',
  implemented: 'Implemented',
};

export const NOTE_KIND_LABELS: Record<NoteKind, string> = {
  performance: 'Performance',
  drift: 'Drift',
  other: 'Other',
};

/** Short enough for a spreadsheet cell, and words the inventory import reads back. */
export const DATA_CATEGORY_WORDS: Record<DataCategory, string> = {
  personal: 'personal data',
  customer: 'customer data',
  'source-code': 'source code',
  financial: 'financial data',
  health: 'health data',
  confidential: 'confidential',
  none: 'none',
};

/** How the EU AI Act category stands, in words. */
export const EU_AI_ACT_STATUS_LABELS = {
  confirmed: 'Confirmed by a lead',
  overridden: 'Decided by a lead (differs from the suggestion)',
  suggested: 'Suggested, not yet decided',
} as const;

/** A label, or the stored value when a newer app wrote one this version does not know. */
export function labelOf<K extends string>(labels: Record<K, string>, value: string): string {
  return Object.hasOwn(labels, value) ? labels[value as K] : value;
}
