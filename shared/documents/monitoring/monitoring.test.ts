import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { findBreaches, latestRun, metricSeries, thin } from './evaluate.ts';
import { appendObservations, parseObservationBatch, readObservations } from './observations.ts';
import { observationsFromSheet } from './observations-sheet.ts';
import { readPlan, savePlanMetric, type PlanMetric } from './plan.ts';
import { METRICS, OBSERVATIONS } from './schema.ts';

const T0 = Date.parse('2026-11-01T00:00:00Z');
const DAY = 86_400_000;
const metric = (m: Partial<PlanMetric> & { name: string }): PlanMetric => ({
  kind: 'accuracy',
  direction: 'at-least',
  threshold: 0.9,
  subgroups: [],
  onBreach: 'alert',
  ...m,
});

function system(metrics: PlanMetric[], rows: [string, number, string, number][]) {
  const doc = new Y.Doc();
  for (const m of metrics) savePlanMetric(doc, m, 'Lead', T0);
  const plan = readPlan(doc);
  const observations = parseObservationBatch(
    {
      observations: rows.map(([name, value, subgroup, day]) => ({
        metric: name,
        value,
        ...(subgroup ? { subgroup } : {}),
        at: new Date(T0 + day * DAY).toISOString(),
      })),
    },
    new Set(plan.metrics.keys()),
    T0 + 100 * DAY,
  );
  appendObservations(doc, observations, 'Pipeline', T0 + 100 * DAY);
  return { doc, plan, series: metricSeries(plan, readObservations(doc).observations) };
}

describe('monitoring evaluation (docs/monitoring.md MON4)', () => {
  it('a run of consecutive values past the threshold is one breach; a pass in between makes two', () => {
    const { series } = system(
      [metric({ name: 'accuracy' })],
      [
        ['accuracy', 0.95, '', 0],
        ['accuracy', 0.88, '', 1],
        ['accuracy', 0.85, '', 2],
        ['accuracy', 0.93, '', 3],
        ['accuracy', 0.8, '', 4],
      ],
    );
    const found = findBreaches('rec', series);
    expect(found.map((b) => [b.startAt, b.count, b.worst])).toEqual([
      [T0 + DAY, 2, 0.85],
      [T0 + 4 * DAY, 1, 0.8],
    ]);
    // Deterministic ids: the relay and two leads finding the same breach name it alike (MON5).
    expect(findBreaches('rec', series).map((b) => b.id)).toEqual(found.map((b) => b.id));
    expect(new Set(found.map((b) => b.id)).size).toBe(2);
  });

  it('fairness: the largest gap between subgroups at each run, against the criterion (5 points)', () => {
    // Per-group true-positive rates, as Fairlearn's MetricFrame reports them; difference() is
    // max − min (https://fairlearn.org/v0.12/user_guide/assessment/common_fairness_metrics.html).
    const { series } = system(
      [
        metric({
          name: 'tpr',
          kind: 'fairness-gap',
          direction: 'at-most',
          threshold: 0.05,
          subgroups: ['a', 'b', 'c'],
        }),
      ],
      [
        ['tpr', 0.8, 'a', 0],
        ['tpr', 0.78, 'b', 0],
        ['tpr', 0.82, 'c', 0],
        ['tpr', 0.8, 'a', 1],
        ['tpr', 0.71, 'b', 1],
        ['tpr', 0.83, 'c', 1],
        ['tpr', 0.99, 'other', 1], // not a subgroup of the plan: not compared
      ],
    );
    const gap = series.get('tpr')!.gap!;
    expect(gap.map((p) => [p.high, p.low])).toEqual([
      ['c', 'b'],
      ['c', 'b'],
    ]);
    expect(gap[0]!.value).toBeCloseTo(0.04);
    expect(gap[1]!.value).toBeCloseTo(0.12);
    const [breach] = findBreaches('rec', series);
    expect(breach).toMatchObject({
      kind: 'fairness',
      high: 'c',
      low: 'b',
      startAt: T0 + DAY,
      count: 1,
    });
    expect(latestRun(series)).toMatchObject({
      passed: false,
      metrics: [{ name: 'tpr', status: 'breach' }],
    });
  });

  it('MON6: a run passes only when every metric of the plan was measured and is within its threshold', () => {
    const metrics = [
      metric({ name: 'accuracy' }),
      metric({ name: 'psi', kind: 'drift', direction: 'at-most', threshold: 0.25 }),
    ];
    expect(latestRun(system(metrics, [['accuracy', 0.95, '', 0]]).series)).toMatchObject({
      passed: false,
      metrics: [
        { name: 'accuracy', status: 'pass' },
        { name: 'psi', status: 'no-data' },
      ],
    });
    const run = latestRun(
      system(metrics, [
        ['accuracy', 0.8, '', 0],
        ['accuracy', 0.95, '', 1],
        ['psi', 0.1, '', 1],
      ]).series,
    );
    expect(run).toEqual({
      passed: true,
      at: T0 + DAY,
      metrics: [
        { name: 'accuracy', status: 'pass', at: T0 + DAY },
        { name: 'psi', status: 'pass', at: T0 + DAY },
      ],
    });
  });

  it('thins a long line for the chart to at most 400 points', () => {
    const points = Array.from({ length: 100_000 }, (_, i) => ({ at: i, value: i % 2 }));
    const thinned = thin(points);
    expect(thinned.length).toBeLessThanOrEqual(400);
    expect(thinned[0]!.value).toBeCloseTo(0.5);
  });
});

describe('the monitoring document never trusts its shape', () => {
  it('skips a malformed chunk or tuple, and a malformed metric, and reports each', () => {
    const doc = new Y.Doc();
    savePlanMetric(doc, metric({ name: 'accuracy' }), 'Lead', T0);
    doc.getMap(METRICS).set('broken', { kind: 'vibes' });
    doc.getMap(METRICS).set('also broken', 'text');
    const array = doc.getArray(OBSERVATIONS);
    const good = { metrics: ['accuracy'], subgroups: [''], versions: [''], t0: T0 };
    array.push([
      'not json',
      42,
      JSON.stringify({
        ...good,
        m: [0, 0, 5],
        v: [0.9, 'x', 0.8],
        s: [0, 0, 0],
        t: [0, 0, 0],
        mv: [0, 0, 0],
        n: [0, 0, 0],
      }),
      JSON.stringify({
        ...good,
        metrics: ['<script>'],
        m: [0],
        v: [1],
        s: [0],
        t: [0],
        mv: [0],
        n: [0],
      }),
    ]);
    const log = readObservations(doc);
    expect(log.observations).toEqual([
      { metric: 'accuracy', value: 0.9, subgroup: '', at: T0, modelVersion: '', n: 0 },
    ]);
    expect(log.problems).toHaveLength(4);
    const plan = readPlan(doc);
    expect([...plan.metrics.keys()]).toEqual(['accuracy']);
    expect(plan.problems).toHaveLength(2);
  });

  it('refuses a plan metric that makes no sense, changing nothing', () => {
    const doc = new Y.Doc();
    expect(() =>
      savePlanMetric(
        doc,
        metric({ name: 'gap', kind: 'fairness-gap', direction: 'at-least' }),
        'Lead',
        T0,
      ),
    ).toThrow(/at-most/);
    expect(() => savePlanMetric(doc, metric({ name: '<script>' }), 'Lead', T0)).toThrow(
      /metric name/,
    );
    expect(() =>
      savePlanMetric(doc, metric({ name: 'acc', threshold: Number.NaN }), 'Lead', T0),
    ).toThrow(/threshold/);
    expect(doc.getMap(METRICS).size).toBe(0);
  });

  it('one batch is one chunk, whatever its size (MON2)', () => {
    const doc = new Y.Doc();
    savePlanMetric(doc, metric({ name: 'accuracy' }), 'Lead', T0);
    const batch = parseObservationBatch(
      {
        observations: Array.from({ length: 10_000 }, (_, i) => ({
          metric: 'accuracy',
          value: i / 10_000,
        })),
      },
      new Set(['accuracy']),
      T0,
    );
    appendObservations(doc, batch, 'Pipeline', T0);
    expect(doc.getArray(OBSERVATIONS).length).toBe(1);
    expect(readObservations(doc).observations).toHaveLength(10_000);
  });
});

describe('observations from a spreadsheet (MON3)', () => {
  const metrics = new Set(['accuracy', 'tpr']);
  it('reads headings in any case and spacing, leaves empty cells out, and checks like the API', () => {
    const rows = [
      ['Metric', 'Value', 'Subgroup', 'At', 'Model version', 'n'],
      ['accuracy', '0.93', '', '2026-11-01T09:00:00Z', 'v2', '1200'],
      ['', '', '', '', '', ''],
      ['tpr', '0.81', 'women', '2026-11-01T09:00:00Z', '', ''],
    ];
    expect(observationsFromSheet(rows, metrics, T0 + DAY)).toEqual([
      {
        metric: 'accuracy',
        value: 0.93,
        subgroup: '',
        at: T0 + 9 * 3_600_000,
        modelVersion: 'v2',
        n: 1200,
      },
      {
        metric: 'tpr',
        value: 0.81,
        subgroup: 'women',
        at: T0 + 9 * 3_600_000,
        modelVersion: '',
        n: 0,
      },
    ]);
  });

  it('names the line of the first fault, and refuses unknown columns', () => {
    const rows = [
      ['metric', 'value'],
      ['accuracy', '0.9'],
      ['accuracy', 'n/a'],
    ];
    expect(() => observationsFromSheet(rows, metrics, T0)).toThrow(
      'line 3: "value" must be a finite number',
    );
    expect(() => observationsFromSheet([['metric', 'value', '=cmd|calc']], metrics, T0)).toThrow(
      /unknown column/,
    );
    expect(() => observationsFromSheet([['metric']], metrics, T0)).toThrow(/no value column/);
  });
});
