import type { Observation } from './observations.ts';
import type { MonitoringPlan, PlanMetric } from './plan.ts';
import type { BreachAction, Direction } from './schema.ts';

/** One point of a line: when, and the value (for a fairness gap: the gap, with its two ends). */
export interface SeriesPoint {
  at: number;
  value: number;
  /** Fairness gap only: the subgroups with the highest and lowest value at that time. */
  high?: string;
  low?: string;
}

/** A metric's lines: one per subgroup ('' is the whole population), and for a fairness gap the gap. */
export interface MetricSeries {
  name: string;
  plan?: PlanMetric;
  /** By subgroup, each sorted by time. */
  lines: Map<string, SeriesPoint[]>;
  /** Fairness gap: the largest difference between subgroups at each time they were all measured. */
  gap?: SeriesPoint[];
}

/** A run of consecutive observations past a threshold (MON4): raised once, under `id`. */
export interface Breach {
  /** Deterministic: the same breach found by the relay and by two leads gets one id (MON5). */
  id: string;
  recordId: string;
  metric: string;
  /** '' for the whole population or a fairness gap. */
  subgroup: string;
  kind: 'threshold' | 'fairness';
  /** The first observation past the threshold, and the latest. */
  startAt: number;
  lastAt: number;
  /** The worst value (for a fairness gap: the widest gap) and the threshold it passed. */
  worst: number;
  threshold: number;
  direction: Direction;
  onBreach: BreachAction;
  /** Fairness gap: the subgroups at the two ends of the widest gap. */
  high?: string;
  low?: string;
  count: number;
}

export function breaches(direction: Direction, threshold: number, value: number): boolean {
  return direction === 'at-least' ? value < threshold : value > threshold;
}

/** Lines per metric, and the gaps of fairness metrics (the plan's subgroups only, when it lists them). */
export function metricSeries(
  plan: MonitoringPlan,
  observations: readonly Observation[],
): Map<string, MetricSeries> {
  const series = new Map<string, MetricSeries>();
  for (const [name, metric] of plan.metrics)
    series.set(name, { name, plan: metric, lines: new Map() });
  for (const o of observations) {
    let entry = series.get(o.metric);
    if (!entry) series.set(o.metric, (entry = { name: o.metric, lines: new Map() }));
    let line = entry.lines.get(o.subgroup);
    if (!line) entry.lines.set(o.subgroup, (line = []));
    line.push({ at: o.at, value: o.value });
  }
  for (const entry of series.values()) {
    // Pipelines post in time order: sort only the lines that are not (a check costs one pass).
    for (const line of entry.lines.values())
      if (!inTimeOrder(line)) line.sort((a, b) => a.at - b.at);
    if (entry.plan?.kind === 'fairness-gap') entry.gap = fairnessGaps(entry);
  }
  return series;
}

function inTimeOrder(line: readonly SeriesPoint[]): boolean {
  for (let i = 1; i < line.length; i++) if (line[i]!.at < line[i - 1]!.at) return false;
  return true;
}

/** At each time two or more subgroups were measured: the largest minus the smallest value. */
function fairnessGaps(entry: MetricSeries): SeriesPoint[] {
  const wanted = entry.plan?.subgroups.length ? new Set(entry.plan.subgroups) : undefined;
  const byTime = new Map<number, Map<string, number>>();
  for (const [subgroup, line] of entry.lines) {
    if (subgroup === '' || (wanted && !wanted.has(subgroup))) continue;
    for (const point of line) {
      let values = byTime.get(point.at);
      if (!values) byTime.set(point.at, (values = new Map()));
      values.set(subgroup, point.value); // the latest at that time wins
    }
  }
  const gaps: SeriesPoint[] = [];
  for (const [at, values] of [...byTime].sort((a, b) => a[0] - b[0])) {
    if (values.size < 2) continue;
    let high: [string, number] | undefined;
    let low: [string, number] | undefined;
    for (const entryValue of values) {
      if (!high || entryValue[1] > high[1]) high = entryValue;
      if (!low || entryValue[1] < low[1]) low = entryValue;
    }
    gaps.push({ at, value: high![1] - low![1], high: high![0], low: low![0] });
  }
  return gaps;
}

/** FNV-1a over UTF-16 code units, twice with different offsets: 16 hex digits. */
function stableHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

export function breachId(recordId: string, metric: string, subgroup: string, startAt: number) {
  return `mon-${stableHash(`${recordId}\u0000${metric}\u0000${subgroup}\u0000${startAt}`)}`;
}

function episodes(
  recordId: string,
  metric: PlanMetric,
  subgroup: string,
  points: readonly SeriesPoint[],
  kind: Breach['kind'],
): Breach[] {
  const found: Breach[] = [];
  let open: Breach | undefined;
  for (const point of points) {
    if (!breaches(metric.direction, metric.threshold, point.value)) {
      open = undefined;
      continue;
    }
    if (!open) {
      open = {
        id: breachId(recordId, metric.name, subgroup, point.at),
        recordId,
        metric: metric.name,
        subgroup,
        kind,
        startAt: point.at,
        lastAt: point.at,
        worst: point.value,
        threshold: metric.threshold,
        direction: metric.direction,
        onBreach: metric.onBreach,
        count: 0,
        ...(point.high !== undefined ? { high: point.high, low: point.low! } : {}),
      };
      found.push(open);
    }
    open.lastAt = point.at;
    open.count++;
    const worse =
      metric.direction === 'at-least' ? point.value < open.worst : point.value > open.worst;
    if (worse) {
      open.worst = point.value;
      if (point.high !== undefined) Object.assign(open, { high: point.high, low: point.low });
    }
  }
  return found;
}

/**
 * Every breach of the plan's thresholds (MON4): for each metric and subgroup, each run of
 * consecutive observations past the threshold is one breach; for a fairness gap, each run of
 * times when the gap between subgroups passed the plan's criterion.
 */
export function findBreaches(
  recordId: string,
  series: ReadonlyMap<string, MetricSeries>,
): Breach[] {
  const found: Breach[] = [];
  for (const entry of series.values()) {
    const metric = entry.plan;
    if (!metric) continue;
    if (metric.kind === 'fairness-gap') {
      found.push(...episodes(recordId, metric, '', entry.gap ?? [], 'fairness'));
      continue;
    }
    for (const [subgroup, line] of entry.lines) {
      if (metric.subgroups.length > 0 && subgroup !== '' && !metric.subgroups.includes(subgroup))
        continue;
      found.push(...episodes(recordId, metric, subgroup, line, 'threshold'));
    }
  }
  return found.sort((a, b) => a.startAt - b.startAt || (a.id < b.id ? -1 : 1));
}

export interface MetricStatus {
  name: string;
  status: 'pass' | 'breach' | 'no-data';
  /** When the latest value was measured. */
  at?: number;
}

export interface RunStatus {
  /** Every metric of the plan measured, and its latest values within the thresholds. */
  passed: boolean;
  /** The latest time of the values judged. */
  at?: number;
  metrics: MetricStatus[];
}

/** The latest run against the plan (MON6, the pre-deployment gate): per metric, its latest values. */
export function latestRun(series: ReadonlyMap<string, MetricSeries>): RunStatus {
  const metrics: MetricStatus[] = [];
  let latest: number | undefined;
  for (const entry of series.values()) {
    const metric = entry.plan;
    if (!metric) continue;
    const lasts =
      metric.kind === 'fairness-gap'
        ? [entry.gap?.at(-1)]
        : [...entry.lines]
            .filter(
              ([subgroup]) =>
                metric.subgroups.length === 0 ||
                metric.subgroups.includes(subgroup) ||
                subgroup === '',
            )
            .map(([, line]) => line.at(-1));
    const points = lasts.filter((point): point is SeriesPoint => point !== undefined);
    if (points.length === 0) {
      metrics.push({ name: metric.name, status: 'no-data' });
      continue;
    }
    const at = Math.max(...points.map((point) => point.at));
    latest = Math.max(latest ?? at, at);
    const breached = points.some((point) =>
      breaches(metric.direction, metric.threshold, point.value),
    );
    metrics.push({ name: metric.name, status: breached ? 'breach' : 'pass', at });
  }
  return {
    passed: metrics.length > 0 && metrics.every((metric) => metric.status === 'pass'),
    ...(latest !== undefined ? { at: latest } : {}),
    metrics,
  };
}

/**
 * A line thinned for a chart: at most `max` points, each the mean of a slice of consecutive
 * points. Only the chart is thinned: breaches are found on every observation.
 */
export function thin(points: readonly SeriesPoint[], max = 400): SeriesPoint[] {
  if (points.length <= max) return [...points];
  const size = Math.ceil(points.length / max);
  const thinned: SeriesPoint[] = [];
  for (let i = 0; i < points.length; i += size) {
    const slice = points.slice(i, i + size);
    const mean = slice.reduce((sum, point) => sum + point.value, 0) / slice.length;
    thinned.push({ at: slice.at(-1)!.at, value: mean });
  }
  return thinned;
}
