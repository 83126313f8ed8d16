import {
  RISK_BANDS,
  RISK_STATUSES,
  TREATMENTS,
  riskBand,
  riskScore,
  type RegistryRecord,
  type Risk,
  type RiskBand,
  type RiskStatus,
  type Treatment,
} from '../../../shared/documents/registry/index.ts';
import { riskSource } from '../../../shared/iso42001/index.ts';
export { TREATMENT_LABELS } from '../../../shared/exports/words.ts';

/** One line of the register, with what the table shows worked out once. */
export interface RiskRow {
  risk: Risk;
  /** `R-007` (docs/sync.md RID1); undefined until the risk is numbered. */
  ref?: string;
  sourceLabel: string;
  /** The systems by name; an id no record has any more keeps its id as its name. */
  systems: { id: string; name: string; known: boolean }[];
  score: number;
  band: RiskBand;
}

/** `active` is every risk not closed: what the dashboard's heat map counts. */
export type StatusFilter = RiskStatus | 'active';

export interface RiskFilter {
  system?: string;
  band?: RiskBand;
  status?: StatusFilter;
  treatment?: Treatment;
  likelihood?: number;
  impact?: number;
}

export const RISK_SORTS = ['score', 'due', 'likelihood', 'impact', 'source', 'status'] as const;
export type RiskSort = (typeof RISK_SORTS)[number];

export const SORT_LABELS: Record<RiskSort, string> = {
  score: 'Score, highest first',
  due: 'Due date, soonest first',
  likelihood: 'Likelihood, highest first',
  impact: 'Impact, highest first',
  source: 'Source',
  status: 'Status',
};

export const STATUS_LABELS: Record<StatusFilter, string> = {
  active: 'Not closed',
  open: 'Open',
  treating: 'Treating',
  accepted: 'Accepted',
  closed: 'Closed',
};

export const BAND_LABELS: Record<RiskBand, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

export function riskRows(
  risks: Iterable<Risk>,
  records: ReadonlyMap<string, RegistryRecord>,
  refs: ReadonlyMap<string, string> = new Map(),
): RiskRow[] {
  return [...risks].map((risk) => {
    const score = riskScore(risk.likelihood, risk.impact);
    const ref = refs.get(risk.id);
    return {
      risk,
      ...(ref ? { ref } : {}),
      sourceLabel: riskSource(risk.source)?.label ?? risk.source,
      systems: risk.systemIds.map((id) => {
        const record = records.get(id);
        return { id, name: record?.name ?? id, known: record !== undefined };
      }),
      score,
      band: riskBand(score),
    };
  });
}

export function matchesFilter(row: RiskRow, filter: RiskFilter): boolean {
  const { risk } = row;
  if (filter.system !== undefined && !risk.systemIds.includes(filter.system)) return false;
  if (filter.band !== undefined && row.band !== filter.band) return false;
  if (filter.status === 'active' && risk.status === 'closed') return false;
  if (filter.status !== undefined && filter.status !== 'active' && risk.status !== filter.status) {
    return false;
  }
  if (filter.treatment !== undefined && risk.treatment !== filter.treatment) return false;
  if (filter.likelihood !== undefined && risk.likelihood !== filter.likelihood) return false;
  if (filter.impact !== undefined && risk.impact !== filter.impact) return false;
  return true;
}

const text = (a: string, b: string) => a.localeCompare(b, 'en');

/** Sorted by the chosen key, then by id, so equal rows never swap places between renders. */
export function sortRows(rows: readonly RiskRow[], sort: RiskSort): RiskRow[] {
  const compare: Record<RiskSort, (a: RiskRow, b: RiskRow) => number> = {
    score: (a, b) => b.score - a.score,
    // Risks without a due date come last.
    due: (a, b) => (a.risk.dueDate ?? Infinity) - (b.risk.dueDate ?? Infinity),
    likelihood: (a, b) => b.risk.likelihood - a.risk.likelihood,
    impact: (a, b) => b.risk.impact - a.risk.impact,
    source: (a, b) => text(a.sourceLabel, b.sourceLabel),
    status: (a, b) => RISK_STATUSES.indexOf(a.risk.status) - RISK_STATUSES.indexOf(b.risk.status),
  };
  return [...rows].sort((a, b) => compare[sort](a, b) || text(a.risk.id, b.risk.id));
}

const oneOf = <T extends string>(values: readonly T[], value: string | null) =>
  values.find((v) => v === value);

function rating(value: string | null): number | undefined {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n >= 1 && n <= 5 ? n : undefined;
}

/** The filter and sort kept in the address (`#/risks?band=high&status=active`); junk is ignored. */
export function viewFromParams(params: URLSearchParams): { filter: RiskFilter; sort: RiskSort } {
  const filter: RiskFilter = {};
  const system = params.get('system');
  if (system) filter.system = system;
  const band = oneOf(RISK_BANDS, params.get('band'));
  if (band) filter.band = band;
  const status = oneOf([...RISK_STATUSES, 'active' as const], params.get('status'));
  if (status) filter.status = status;
  const treatment = oneOf(TREATMENTS, params.get('treatment'));
  if (treatment) filter.treatment = treatment;
  const likelihood = rating(params.get('likelihood'));
  if (likelihood) filter.likelihood = likelihood;
  const impact = rating(params.get('impact'));
  if (impact) filter.impact = impact;
  return { filter, sort: oneOf(RISK_SORTS, params.get('sort')) ?? 'score' };
}

/** The address of the register with this view (`#/risks` when it is the default one). */
export function risksHref(filter: RiskFilter, sort: RiskSort = 'score'): string {
  const params = new URLSearchParams();
  for (const key of ['system', 'band', 'status', 'treatment', 'likelihood', 'impact'] as const) {
    const value = filter[key];
    if (value !== undefined) params.set(key, String(value));
  }
  if (sort !== 'score') params.set('sort', sort);
  const query = params.toString();
  return query ? `#/risks?${query}` : '#/risks';
}
