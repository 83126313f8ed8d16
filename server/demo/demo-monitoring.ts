import type * as Y from 'yjs';
import { findBreaches, metricSeries } from '../../shared/documents/monitoring/evaluate.ts';
import {
  appendObservations,
  readObservations,
  type Observation,
} from '../../shared/documents/monitoring/observations.ts';
import {
  readPlan,
  savePlanMetric,
  savePlanSettings,
  type PlanMetric,
} from '../../shared/documents/monitoring/plan.ts';
import { raiseBreaches } from '../../shared/documents/registry/monitoring-alerts.ts';
import { PEOPLE } from './organisation.ts';

const DAY_MS = 86_400_000;
const WEEKS = 12;

/**
 * The demo's monitoring (docs/monitoring.md): the candidate-screening pilot tested across
 * subgroups before deployment — its gap in true-positive rate ("equal opportunity difference",
 * Fairlearn's `equal_opportunity_difference`: the largest minus the smallest per-group TPR,
 * https://fairlearn.org/v0.12/api_reference/generated/fairlearn.metrics.equal_opportunity_difference.html)
 * grows past the plan's 5 points — and the internal assistant, whose input drift (population
 * stability index; above 0.25 is the usual sign of a significant shift) breaches in the last
 * weeks. Weekly values, fixed: the same demo every time.
 */
interface DemoSystem {
  recordId: string;
  settings: { frequency: 'weekly'; population: string; dataSource: string };
  metrics: PlanMetric[];
  /** Week 0 is the oldest. */
  values(week: number): Omit<Observation, 'at' | 'modelVersion'>[];
}

const SYSTEMS: DemoSystem[] = [
  {
    recordId: 'candidate-screening',
    settings: {
      frequency: 'weekly',
      population: 'Graduate-scheme applicants, first-round video interviews',
      dataSource: 'Vendor pilot report, checked against recruiters’ second-round decisions',
    },
    metrics: [
      {
        name: 'true-positive rate',
        kind: 'fairness-gap',
        direction: 'at-most',
        threshold: 0.05,
        subgroups: ['women', 'men', 'over 40'],
        onBreach: 'risk',
      },
      {
        name: 'accuracy',
        kind: 'accuracy',
        direction: 'at-least',
        threshold: 0.8,
        subgroups: [],
        onBreach: 'alert',
      },
    ],
    values: (week) => [
      { metric: 'true-positive rate', subgroup: 'men', value: 0.82, n: 140 },
      {
        metric: 'true-positive rate',
        subgroup: 'women',
        value: week < 8 ? 0.8 : 0.74 - (week - 8) * 0.01,
        n: 120,
      },
      { metric: 'true-positive rate', subgroup: 'over 40', value: 0.79, n: 45 },
      { metric: 'accuracy', subgroup: '', value: 0.86 - (week % 3) * 0.01, n: 305 },
    ],
  },
  {
    recordId: 'northwind-assistant',
    settings: {
      frequency: 'weekly',
      population: 'Every question asked of the assistant',
      dataSource: 'The assistant’s evaluation pipeline (weekly sample of 500 questions)',
    },
    metrics: [
      {
        name: 'input drift (PSI)',
        kind: 'drift',
        direction: 'at-most',
        threshold: 0.25,
        subgroups: [],
        onBreach: 'incident',
      },
      {
        name: 'answer accuracy',
        kind: 'accuracy',
        direction: 'at-least',
        threshold: 0.9,
        subgroups: [],
        onBreach: 'alert',
      },
    ],
    values: (week) => [
      {
        metric: 'input drift (PSI)',
        subgroup: '',
        value: week < 9 ? 0.06 + week * 0.01 : 0.27 + (week - 9) * 0.03,
        n: 500,
      },
      { metric: 'answer accuracy', subgroup: '', value: week < 9 ? 0.94 : 0.91, n: 500 },
    ],
  },
];

/** The monitoring documents to write: record id → the edit that fills its `W/monitoring/<id>`. */
export function demoMonitoring(now: number): Map<string, (doc: Y.Doc) => void> {
  const start = now - WEEKS * 7 * DAY_MS;
  return new Map(
    SYSTEMS.map((system) => [
      system.recordId,
      (doc: Y.Doc) => {
        // A half-finished earlier seed left this document whole (one transaction): keep it.
        if (readObservations(doc).chunks > 0) return;
        savePlanSettings(doc, system.settings, PEOPLE.ciso, start);
        for (const metric of system.metrics) savePlanMetric(doc, metric, PEOPLE.ciso, start);
        for (let week = 0; week < WEEKS; week++) {
          const at = start + (week + 1) * 7 * DAY_MS - DAY_MS;
          const batch = system
            .values(week)
            .map((o) => ({ ...o, at, modelVersion: week < 6 ? 'v1' : 'v2' }));
          appendObservations(doc, batch, 'Evaluation pipeline', at);
        }
      },
    ]),
  );
}

/** Raises the demo's breaches in the registry, as the relay would have when they arrived (MON5). */
export function raiseDemoBreaches(
  registry: Y.Doc,
  monitoring: ReadonlyMap<string, Y.Doc>,
  now: number,
) {
  for (const [recordId, doc] of monitoring) {
    const series = metricSeries(readPlan(doc), readObservations(doc).observations);
    raiseBreaches(registry, findBreaches(recordId, series), 'Sightline monitoring', now - DAY_MS);
  }
}
