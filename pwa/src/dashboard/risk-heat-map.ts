import {
  riskBand,
  riskScore,
  type Risk,
  type RiskBand,
} from '../../../shared/documents/registry/index.ts';

export interface HeatMapCell {
  likelihood: number;
  impact: number;
  band: RiskBand;
  count: number;
}

export interface RiskHeatMapFigure {
  /** Rows by likelihood, 5 (almost certain) first; in each, impact 1 … 5. */
  rows: HeatMapCell[][];
  /** Risks counted: every one not closed. */
  total: number;
}

/**
 * Likelihood × impact, 5 × 5, counting the risks still open (every status but closed, the
 * register's "Not closed" filter, so a cell's link shows exactly the risks it counts).
 */
export function riskHeatMap(risks: Iterable<Risk>): RiskHeatMapFigure {
  const counts = new Map<string, number>();
  let total = 0;
  for (const risk of risks) {
    if (risk.status === 'closed') continue;
    const key = `${risk.likelihood}×${risk.impact}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    total++;
  }
  const rows = [5, 4, 3, 2, 1].map((likelihood) =>
    [1, 2, 3, 4, 5].map((impact) => ({
      likelihood,
      impact,
      band: riskBand(riskScore(likelihood, impact)),
      count: counts.get(`${likelihood}×${impact}`) ?? 0,
    })),
  );
  return { rows, total };
}
