import type * as Y from 'yjs';
import {
  latestRun,
  metricSeries,
  type MetricSeries,
  type RunStatus,
} from '../../../shared/documents/monitoring/evaluate.ts';
import { readObservations } from '../../../shared/documents/monitoring/observations.ts';
import { readPlan, type MonitoringPlan } from '../../../shared/documents/monitoring/plan.ts';
import type { Direction } from '../../../shared/documents/monitoring/schema.ts';

/** What the record page shows of a system's monitoring, read once per change of its document. */
export interface MonitoringView {
  plan: MonitoringPlan;
  series: Map<string, MetricSeries>;
  run: RunStatus;
  observations: number;
  problems: string[];
}

export function readMonitoringView(doc: Y.Doc): MonitoringView {
  const plan = readPlan(doc);
  const log = readObservations(doc);
  const series = metricSeries(plan, log.observations);
  return {
    plan,
    series,
    run: latestRun(series),
    observations: log.observations.length,
    problems: [...plan.problems, ...log.problems],
  };
}

export const EMPTY_VIEW: MonitoringView = {
  plan: { population: '', dataSource: '', metrics: new Map(), problems: [] },
  series: new Map(),
  run: { passed: false, metrics: [] },
  observations: 0,
  problems: [],
};

export const DIRECTION_WORDS: Record<Direction, string> = {
  'at-least': 'at least',
  'at-most': 'at most',
};

export const ACTION_WORDS = { alert: 'an alert', incident: 'a drift incident', risk: 'a risk' };

/** A value as the page shows it: up to 4 decimals, no trailing zeros. */
export const valueShown = (value: number) => String(Math.round(value * 10_000) / 10_000);

export const dayTime = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
