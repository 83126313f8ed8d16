import { AIMS_REQUIREMENTS, CROSSWALK, type Relation } from './crosswalk.ts';
import { iso27001Item } from './iso27001.ts';
import type { IsmsSoaRow } from './soa-import.ts';

/**
 * Which ISO/IEC 42001 requirements an organisation's ISMS lets it build on, computed from its own
 * ISO/IEC 27001 SoA and the crosswalk (rule X27-4, docs/management-system.md) — a measured figure,
 * not the seed articles' asserted 40–50 %.
 */

/** How the ISMS holds one 27001 clause or control. */
export type IsmsItemState =
  | 'in-place' // applicable and implemented (a clause: the ISMS runs clauses 4–10)
  | 'partial' // applicable, partly implemented
  | 'not-implemented' // applicable, planned or not implemented
  | 'not-stated' // applicable, implementation not given; or a clause nobody said is run
  | 'excluded' // not applicable in the ISMS's SoA
  | 'not-in-file'; // an Annex A control the imported SoA does not list

export type ReuseStatus = 'reused' | 'partly' | 'not-yet' | 'new';

export interface RequirementReuse {
  id: string;
  title: string;
  kind: 'clause' | 'annex-a';
  relation: Relation;
  rationale: string;
  iso27001: Array<{ id: string; title: string; state: IsmsItemState; evidence?: string }>;
  status: ReuseStatus;
}

export interface ReuseSummary {
  requirements: RequirementReuse[];
  total: number;
  /** Requirements with at least one mapped 27001 item in place. */
  reused: number;
  /** …of which the crosswalk says the ISMS item serves as is. */
  reusedAsIs: number;
  /** No item in place, at least one partly implemented. */
  partly: number;
  /** Mapped, but nothing in place in this ISMS. */
  notYet: number;
  /** Nothing in ISO/IEC 27001 to build on. */
  new: number;
  /** reused ÷ total, as a whole per cent. */
  percent: number;
  byKind: Record<'clause' | 'annex-a', { total: number; reused: number }>;
}

function itemState(id: string, rows: ReadonlyMap<string, IsmsSoaRow>, clausesInPlace: boolean) {
  const row = rows.get(id);
  if (!row) {
    if (id.startsWith('A.')) return { state: 'not-in-file' as const };
    return { state: clausesInPlace ? ('in-place' as const) : ('not-stated' as const) };
  }
  const evidence = row.evidence ?? row.justification;
  const withEvidence = <S extends IsmsItemState>(state: S) =>
    evidence ? { state, evidence } : { state };
  if (row.applicable === false) return withEvidence('excluded');
  switch (row.implementation) {
    case 'implemented':
      return withEvidence('in-place');
    case 'partial':
      return withEvidence('partial');
    case 'not-implemented':
      return withEvidence('not-implemented');
    default:
      // A clause row without a status counts as run when the ISMS says clauses are in place.
      return withEvidence(!id.startsWith('A.') && clausesInPlace ? 'in-place' : 'not-stated');
  }
}

export function reuseFromIsms(
  soaRows: readonly IsmsSoaRow[],
  clausesInPlace: boolean,
): ReuseSummary {
  const rows = new Map(soaRows.map((row) => [row.id, row]));
  const byRequirement = new Map(CROSSWALK.map((row) => [row.iso42001, row]));
  const requirements: RequirementReuse[] = AIMS_REQUIREMENTS.map((requirement) => {
    const mapping = byRequirement.get(requirement.id)!;
    const items = mapping.iso27001.map((id) => ({
      id,
      title: iso27001Item(id)?.title ?? id,
      ...itemState(id, rows, clausesInPlace),
    }));
    const status: ReuseStatus =
      mapping.relation === 'new'
        ? 'new'
        : items.some((item) => item.state === 'in-place')
          ? 'reused'
          : items.some((item) => item.state === 'partial')
            ? 'partly'
            : 'not-yet';
    return {
      ...requirement,
      relation: mapping.relation,
      rationale: mapping.rationale,
      iso27001: items,
      status,
    };
  });
  const count = (status: ReuseStatus, list = requirements) =>
    list.filter((r) => r.status === status).length;
  const reused = count('reused');
  const kind = (k: 'clause' | 'annex-a') => {
    const list = requirements.filter((r) => r.kind === k);
    return { total: list.length, reused: count('reused', list) };
  };
  return {
    requirements,
    total: requirements.length,
    reused,
    reusedAsIs: requirements.filter((r) => r.status === 'reused' && r.relation === 'reuse').length,
    partly: count('partly'),
    notYet: count('not-yet'),
    new: count('new'),
    percent: Math.round((reused / requirements.length) * 100),
    byKind: { clause: kind('clause'), 'annex-a': kind('annex-a') },
  };
}
