import type { ExportProvenance } from '../assessments/provenance.ts';
import { PROVENANCE_COLUMNS, stamp } from '../assessments/registers-export.ts';
import { csvDocument } from '../inventory/csv.ts';
import { CROSSWALK_SOURCES } from './crosswalk.ts';
import { CROSSWALK } from './crosswalk.ts';
import type { IsmsItemState, ReuseStatus, ReuseSummary } from './reuse.ts';

/** The reader's words for the crosswalk and the reuse it measures (X27-4). */
export const RELATION_WORDS = {
  reuse: 'Reuse as is',
  extend: 'Extend',
  new: 'New (nothing in ISO/IEC 27001)',
} as const;

export const REUSE_STATUS_WORDS: Record<ReuseStatus, string> = {
  reused: 'Builds on the ISMS',
  partly: 'ISMS control partly implemented',
  'not-yet': 'Not in this ISMS',
  new: 'New work',
};

export const ISMS_STATE_WORDS: Record<IsmsItemState, string> = {
  'in-place': 'in place',
  partial: 'partly implemented',
  'not-implemented': 'not implemented',
  'not-stated': 'implementation not stated',
  excluded: 'not applicable in the ISMS',
  'not-in-file': 'not in the imported SoA',
};

export const CROSSWALK_COLUMNS = [
  'ISO/IEC 42001 requirement',
  'Title',
  'ISO/IEC 27001:2022',
  'Relation',
  'Rationale',
  'Sources',
  'Mapped on',
  'In this ISMS',
  'Reuse',
] as const;

/** The crosswalk as CSV, with this organisation's ISMS state per mapped item (F8's export). */
export function crosswalkCsv(
  summary: ReuseSummary,
  options: { provenance?: ExportProvenance } = {},
): string {
  const byId = new Map(CROSSWALK.map((row) => [row.iso42001, row]));
  const rows = summary.requirements.map((requirement) => {
    const mapping = byId.get(requirement.id)!;
    return [
      requirement.id,
      requirement.title,
      requirement.iso27001.map((item) => `${item.id} ${item.title}`).join('; '),
      RELATION_WORDS[requirement.relation],
      requirement.rationale,
      mapping.sources.map((source) => CROSSWALK_SOURCES[source].label).join(' | '),
      mapping.date,
      requirement.iso27001
        .map(
          (item) =>
            `${item.id}: ${ISMS_STATE_WORDS[item.state]}${item.evidence ? ` (${item.evidence})` : ''}`,
        )
        .join('; '),
      REUSE_STATUS_WORDS[requirement.status],
      ...stamp(options.provenance),
    ];
  });
  const provenance = options.provenance ? PROVENANCE_COLUMNS : [];
  return csvDocument([[...CROSSWALK_COLUMNS, ...provenance], ...rows]);
}
