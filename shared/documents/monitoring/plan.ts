import type * as Y from 'yjs';
import { addProblem } from '../schema/problems.ts';
import { isPlainObject } from '../schema/read-core.ts';
import { byCodeUnit } from '../schema/values.ts';
import { ensureWritable } from '../schema/version.ts';
import { checkText, checkTimestamp, setIfChanged } from '../schema/write.ts';
import {
  BREACH_ACTIONS,
  DIRECTIONS,
  FREQUENCIES,
  LABEL,
  MAX_METRICS,
  MAX_PLAN_TEXT,
  MAX_SUBGROUPS,
  METRIC_KINDS,
  METRIC_NAME,
  METRICS,
  MONITORING_SCHEMA,
  PLAN,
  type BreachAction,
  type Direction,
  type Frequency,
  type MetricKind,
} from './schema.ts';

/** One metric of a plan. For a fairness gap, `threshold` is the largest gap allowed between subgroups. */
export interface PlanMetric {
  name: string;
  kind: MetricKind;
  direction: Direction;
  threshold: number;
  /** The populations the metric is reported for; empty: the whole population. */
  subgroups: string[];
  onBreach: BreachAction;
}

export interface MonitoringPlan {
  frequency?: Frequency;
  population: string;
  dataSource: string;
  /** By name, in code-unit order. */
  metrics: Map<string, PlanMetric>;
  updatedBy?: string;
  updatedAt?: number;
  problems: string[];
}

function oneOf<T extends string>(what: string, value: unknown, allowed: readonly T[]): T {
  if (!(allowed as readonly unknown[]).includes(value))
    throw new RangeError(`${what} must be one of ${allowed.join(', ')}`);
  return value as T;
}

/** Throws a clear error for the first thing wrong with a metric, so a bad save changes nothing. */
export function checkPlanMetric(metric: PlanMetric): void {
  if (typeof metric.name !== 'string' || !METRIC_NAME.test(metric.name))
    throw new RangeError(
      'a metric name is 1–64 letters, digits, spaces or . _ - ( ) %, starting with a letter or digit',
    );
  oneOf('kind', metric.kind, METRIC_KINDS);
  oneOf('direction', metric.direction, DIRECTIONS);
  if (metric.kind === 'fairness-gap' && metric.direction !== 'at-most')
    throw new RangeError('a fairness gap is a largest gap allowed: its direction is at-most');
  if (typeof metric.threshold !== 'number' || !Number.isFinite(metric.threshold))
    throw new RangeError('threshold must be a number');
  if (metric.kind === 'fairness-gap' && metric.threshold < 0)
    throw new RangeError('a fairness gap threshold cannot be negative');
  oneOf('on breach', metric.onBreach, BREACH_ACTIONS);
  if (!Array.isArray(metric.subgroups) || metric.subgroups.length > MAX_SUBGROUPS)
    throw new RangeError(`subgroups: a list of at most ${MAX_SUBGROUPS}`);
  for (const subgroup of metric.subgroups)
    if (typeof subgroup !== 'string' || !LABEL.test(subgroup))
      throw new RangeError('a subgroup is 1–64 printable characters');
  if (new Set(metric.subgroups).size !== metric.subgroups.length)
    throw new RangeError('subgroups must be different');
  if (metric.kind === 'fairness-gap' && metric.subgroups.length === 1)
    throw new RangeError('a fairness gap compares at least two subgroups');
}

/** Adds or replaces one metric of the plan (written whole). Throws, changing nothing, on bad input. */
export function savePlanMetric(doc: Y.Doc, metric: PlanMetric, by: string, at: number): void {
  checkPlanMetric(metric);
  checkText('by', by, { min: 1, max: 200 });
  checkTimestamp('at', at);
  const metrics = doc.getMap<unknown>(METRICS);
  if (!metrics.has(metric.name) && metrics.size >= MAX_METRICS)
    throw new RangeError(`a plan has at most ${MAX_METRICS} metrics`);
  doc.transact(() => {
    ensureWritable(doc, MONITORING_SCHEMA);
    metrics.set(metric.name, {
      kind: metric.kind,
      direction: metric.direction,
      threshold: metric.threshold,
      subgroups: [...metric.subgroups],
      onBreach: metric.onBreach,
      updatedBy: by,
      updatedAt: at,
    });
  });
}

export function removePlanMetric(doc: Y.Doc, name: string): boolean {
  const metrics = doc.getMap<unknown>(METRICS);
  if (!metrics.has(name)) return false;
  doc.transact(() => {
    ensureWritable(doc, MONITORING_SCHEMA);
    metrics.delete(name);
  });
  return true;
}

export interface PlanSettings {
  frequency: Frequency;
  population: string;
  dataSource: string;
}

export function savePlanSettings(doc: Y.Doc, settings: PlanSettings, by: string, at: number) {
  oneOf('frequency', settings.frequency, FREQUENCIES);
  checkText('population', settings.population, { max: MAX_PLAN_TEXT });
  checkText('data source', settings.dataSource, { max: MAX_PLAN_TEXT });
  checkText('by', by, { min: 1, max: 200 });
  checkTimestamp('at', at);
  doc.transact(() => {
    ensureWritable(doc, MONITORING_SCHEMA);
    const plan = doc.getMap<unknown>(PLAN);
    const changed = [
      setIfChanged(plan, 'frequency', settings.frequency),
      setIfChanged(plan, 'population', settings.population),
      setIfChanged(plan, 'dataSource', settings.dataSource),
    ].some(Boolean);
    if (changed) {
      plan.set('updatedBy', by);
      plan.set('updatedAt', at);
    }
  });
}

/** Reads the plan; never trusts the document: an entry of the wrong shape is skipped and reported. */
export function readPlan(doc: Y.Doc): MonitoringPlan {
  const problems: string[] = [];
  const plan = doc.getMap<unknown>(PLAN);
  const text = (key: string) => {
    const value = plan.get(key);
    return typeof value === 'string' && value.length <= MAX_PLAN_TEXT ? value : '';
  };
  const frequency = plan.get('frequency');
  const updatedBy = plan.get('updatedBy');
  const updatedAt = plan.get('updatedAt');
  const metrics = new Map<string, PlanMetric>();
  const stored = doc.getMap<unknown>(METRICS);
  for (const name of [...stored.keys()].sort(byCodeUnit)) {
    const value = stored.get(name);
    const metric = isPlainObject(value) ? { ...value, name } : undefined;
    try {
      if (!metric) throw new TypeError('expected an object');
      checkPlanMetric(metric as unknown as PlanMetric);
      const { kind, direction, threshold, subgroups, onBreach } = metric as unknown as PlanMetric;
      metrics.set(name, { name, kind, direction, threshold, subgroups: [...subgroups], onBreach });
    } catch (error) {
      addProblem(problems, `metrics.${name}: ${(error as Error).message}`);
    }
  }
  return {
    ...((FREQUENCIES as readonly unknown[]).includes(frequency)
      ? { frequency: frequency as Frequency }
      : {}),
    population: text('population'),
    dataSource: text('dataSource'),
    metrics,
    ...(typeof updatedBy === 'string' ? { updatedBy } : {}),
    ...(typeof updatedAt === 'number' ? { updatedAt } : {}),
    problems,
  };
}
