import { ANNEX_A_CONTROLS, ANNEX_A_GROUPS } from '../iso42001/index.ts';
import type { StatementOfApplicability } from '../documents/registry/index.ts';

/**
 * Readiness of one clause group (docs/assessments.md, "Annex A readiness"). It measures the Annex A
 * controls only — not the mandatory clauses 4–10 a certification audit starts from — so it is
 * shown as "Annex A readiness", never as "the gap analysis" (domain review E11).
 */
export interface GroupReadiness {
  group: string;
  title: string;
  controls: number;
  undecided: number;
  notApplicable: number;
  applicable: number;
  implemented: number;
  partial: number;
  notStarted: number;
  /**
   * Per cent, 0–100, whole: (implemented + partial / 2) / (applicable + undecided). An
   * undecided control counts as a gap, so a group nobody looked at is 0 % ready, not 100 %.
   * A group whose controls are all not applicable is 100 %.
   */
  readiness: number;
}

/** Annex A readiness per clause group A.2 … A.10, in order, and overall (the name is kept for callers). */
export function gapAnalysis(soa: StatementOfApplicability): {
  groups: GroupReadiness[];
  overall: GroupReadiness;
} {
  const tally = (group: string, title: string, ids: string[]): GroupReadiness => {
    const row: GroupReadiness = {
      group,
      title,
      controls: ids.length,
      undecided: 0,
      notApplicable: 0,
      applicable: 0,
      implemented: 0,
      partial: 0,
      notStarted: 0,
      readiness: 0,
    };
    for (const id of ids) {
      const entry = soa.entries.get(id);
      if (!entry) row.undecided++;
      else if (!entry.applicable) row.notApplicable++;
      else {
        row.applicable++;
        if (entry.implementation === 'implemented') row.implemented++;
        else if (entry.implementation === 'partial') row.partial++;
        else row.notStarted++;
      }
    }
    const denominator = row.applicable + row.undecided;
    // Halves are exact in binary, so the rounding is the same on every machine.
    row.readiness =
      denominator === 0
        ? 100
        : Math.round(((row.implemented + row.partial / 2) * 100) / denominator);
    return row;
  };
  const groups = ANNEX_A_GROUPS.map((g) =>
    tally(
      g.id,
      g.title,
      ANNEX_A_CONTROLS.filter((c) => c.group === g.id).map((c) => c.id),
    ),
  );
  const overall = tally(
    'all',
    'All Annex A controls',
    ANNEX_A_CONTROLS.map((c) => c.id),
  );
  return { groups, overall };
}

/** The same, by the name of what it measures. */
export const annexAReadiness = gapAnalysis;

/**
 * The controls marked applicable without a justification of their inclusion: ISO/IEC 42001 6.1.3
 * asks the SoA to justify inclusion as well as exclusion (domain review E10). Older entries may
 * lack one, so this lists them rather than hiding them.
 */
export function unjustifiedInclusions(soa: StatementOfApplicability): string[] {
  return [...soa.entries.values()]
    .filter((e) => e.applicable && (e.justification ?? '').trim() === '')
    .map((e) => e.controlId);
}
