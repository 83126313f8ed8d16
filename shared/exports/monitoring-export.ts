import type * as Y from 'yjs';
import type { ExportProvenance } from '../assessments/provenance.ts';
import { findBreaches, latestRun, metricSeries } from '../documents/monitoring/evaluate.ts';
import { readObservations } from '../documents/monitoring/observations.ts';
import { readPlan } from '../documents/monitoring/plan.ts';
import { readMonitoringAlerts } from '../documents/registry/monitoring-alerts.ts';
import { csvDocument } from '../inventory/csv.ts';

/**
 * The monitoring export (docs/monitoring.md): every observation as CSV (F6: "observations as
 * CSV"), the plans, latest runs and breaches as JSON, and a Markdown summary for the impact
 * assessment, the management review (9.1) and the Art. 26(5) evidence.
 */
export interface MonitoredSystem {
  id: string;
  name: string;
  doc: Y.Doc;
}

const iso = (time: number) => new Date(time).toISOString();

function evaluate(system: MonitoredSystem) {
  const plan = readPlan(system.doc);
  const { observations } = readObservations(system.doc);
  const series = metricSeries(plan, observations);
  return { plan, observations, run: latestRun(series), breaches: findBreaches(system.id, series) };
}

export function monitoringCsv(
  systems: readonly MonitoredSystem[],
  provenance: ExportProvenance,
): string {
  const stamp = [
    provenance.organisation,
    provenance.workspace,
    provenance.exportedBy,
    iso(provenance.exportedAt),
    provenance.documentState,
  ];
  const rows: string[][] = [
    [
      'Organisation',
      'Workspace',
      'Exported by',
      'Exported at',
      'Document state',
      'System id',
      'System',
      'Metric',
      'Subgroup',
      'At',
      'Value',
      'Model version',
      'n',
      'Threshold',
      'Direction',
    ],
  ];
  for (const system of systems) {
    const { plan, observations } = evaluate(system);
    for (const o of [...observations].sort((a, b) => a.at - b.at)) {
      const metric = plan.metrics.get(o.metric);
      rows.push([
        ...stamp,
        system.id,
        system.name,
        o.metric,
        o.subgroup,
        iso(o.at),
        String(o.value),
        o.modelVersion,
        o.n ? String(o.n) : '',
        metric ? String(metric.threshold) : '',
        metric ? (metric.kind === 'fairness-gap' ? 'largest gap at most' : metric.direction) : '',
      ]);
    }
  }
  return csvDocument(rows);
}

export function monitoringJson(
  systems: readonly MonitoredSystem[],
  registry: Y.Doc,
  provenance: ExportProvenance,
): string {
  const alerts = readMonitoringAlerts(registry).alerts;
  return JSON.stringify(
    {
      exported: { ...provenance, exportedAt: iso(provenance.exportedAt) },
      systems: systems.map((system) => {
        const { plan, observations, run, breaches } = evaluate(system);
        return {
          id: system.id,
          name: system.name,
          plan: {
            frequency: plan.frequency ?? null,
            population: plan.population,
            dataSource: plan.dataSource,
            metrics: [...plan.metrics.values()],
          },
          observations: observations.length,
          latestRun: { ...run, ...(run.at !== undefined ? { at: iso(run.at) } : {}) },
          breaches: breaches.map((b) => ({ ...b, startAt: iso(b.startAt), lastAt: iso(b.lastAt) })),
        };
      }),
      alerts: alerts.map((a) => ({ ...a, startAt: iso(a.startAt), raisedAt: iso(a.raisedAt) })),
    },
    null,
    2,
  );
}

/** Markdown text of untrusted names: no markup, no table breaks. */
const md = (text: string) => text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');

export function monitoringMarkdown(
  systems: readonly MonitoredSystem[],
  provenance: ExportProvenance,
): string {
  const lines = [
    `# Monitoring summary — ${md(provenance.organisation)}`,
    '',
    `Workspace ${md(provenance.workspace)}, exported by ${md(provenance.exportedBy)} on ${iso(provenance.exportedAt)}, document state ${provenance.documentState}.`,
    '',
  ];
  for (const system of systems) {
    const { plan, observations, run, breaches } = evaluate(system);
    if (plan.metrics.size === 0 && observations.length === 0) continue;
    lines.push(`## ${md(system.name)}`, '');
    lines.push(
      `${observations.length} observations. Latest run: ${run.passed ? 'passed' : 'did not pass'}${run.at !== undefined ? ` (${iso(run.at)})` : ''}.`,
      '',
      '| Metric | Threshold | Subgroups | A breach raises | Latest |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const metric of plan.metrics.values()) {
      const status = run.metrics.find((m) => m.name === metric.name)?.status ?? 'no-data';
      const threshold = `${metric.kind === 'fairness-gap' ? 'gap at most' : metric.direction} ${metric.threshold}`;
      lines.push(
        `| ${md(metric.name)} | ${threshold} | ${md(metric.subgroups.join(', ') || 'everyone')} | ${metric.onBreach} | ${status} |`,
      );
    }
    lines.push('');
    if (breaches.length > 0) {
      lines.push('Breaches:', '');
      for (const b of breaches) {
        const where =
          b.kind === 'fairness'
            ? ` (gap between ${md(b.high ?? '')} and ${md(b.low ?? '')})`
            : b.subgroup
              ? ` (${md(b.subgroup)})`
              : '';
        lines.push(
          `- ${md(b.metric)}${where}: ${b.worst} against ${b.threshold}, from ${iso(b.startAt)} to ${iso(b.lastAt)} (${b.count} observations)`,
        );
      }
      lines.push('');
    }
  }
  return lines.join('\n');
}
