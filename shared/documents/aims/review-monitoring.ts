import type * as Y from 'yjs';
import { readMonitoringAlerts } from '../registry/monitoring-alerts.ts';
import { readRegistryRecord } from '../registry/records.ts';
import { isPlainObject } from '../schema/read-core.ts';

/**
 * Monitoring and measurement results as a management-review input (ISO/IEC 42001 9.3.2 c):
 * the breaches raised as alerts since the previous review (docs/monitoring.md, MON4–MON5), read
 * through `readMonitoringAlerts` — the reader the dashboard and the record page use — by system
 * and metric, open (no lead has seen it yet) against seen, and the fairness gaps among them.
 */
export interface ReviewMonitoring {
  available: boolean;
  note: string;
  /** Alerts raised since, and how many of them no lead has seen yet. */
  raised: number;
  open: number;
  /** Per system and metric, in system then metric order. */
  bySystem: { system: string; metric: string; raised: number; open: number }[];
  /** The fairness gaps among them: the widest gap, between which subgroups, and the criterion. */
  fairness: { system: string; metric: string; between: string; worst: number; allowed: number }[];
}

export function gatherReviewMonitoring(doc: Y.Doc, sinceTime: number): ReviewMonitoring {
  const alerts = readMonitoringAlerts(doc).alerts.filter((a) => a.raisedAt >= sinceTime);
  const names = new Map<string, string>();
  const systemName = (id: string) => {
    if (!names.has(id)) names.set(id, readRegistryRecord(doc, id)?.name ?? id);
    return names.get(id)!;
  };
  const rows = new Map<string, ReviewMonitoring['bySystem'][number]>();
  const fairness: ReviewMonitoring['fairness'] = [];
  for (const alert of alerts) {
    const system = systemName(alert.recordId);
    const key = `${system}\u0000${alert.metric}`;
    const row = rows.get(key) ?? { system, metric: alert.metric, raised: 0, open: 0 };
    row.raised++;
    if (!alert.acknowledged) row.open++;
    rows.set(key, row);
    if (alert.kind === 'fairness') {
      fairness.push({
        system,
        metric: alert.metric,
        between: `${alert.high ?? ''} and ${alert.low ?? ''}`,
        worst: alert.worst,
        allowed: alert.threshold,
      });
    }
  }
  const byName = (a: { system: string; metric: string }, b: { system: string; metric: string }) =>
    a.system.localeCompare(b.system) || a.metric.localeCompare(b.metric);
  const open = alerts.filter((a) => !a.acknowledged).length;
  return {
    available: true,
    note:
      alerts.length === 0
        ? 'No monitoring breach was raised in this period.'
        : `${alerts.length} breach${alerts.length === 1 ? '' : 'es'} raised, ${open} not yet seen by a lead.`,
    raised: alerts.length,
    open,
    bySystem: [...rows.values()].sort(byName),
    fairness: fairness.sort(byName),
  };
}

const round = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? String(Math.round(value * 1e4) / 1e4) : '?';
const text = (value: unknown) => (typeof value === 'string' ? value : '?');

/**
 * The monitoring input in words, for a live or a frozen review. Frozen inputs are JSON kept in
 * the document (reviews approved before monitoring was gathered hold only a note), so this
 * never trusts their shape.
 */
export function reviewMonitoringWords(value: unknown): string {
  if (!isPlainObject(value)) return 'not recorded';
  const note = typeof value.note === 'string' ? value.note : 'not recorded';
  if (value.available !== true || !Array.isArray(value.bySystem)) return note;
  const rows = value.bySystem.filter(isPlainObject).map((row) => {
    const seen = Number(row.raised) - Number(row.open);
    return `${text(row.system)} — ${text(row.metric)}: ${round(row.raised)} raised (${round(row.open)} open, ${round(seen)} seen)`;
  });
  const gaps = (Array.isArray(value.fairness) ? value.fairness : [])
    .filter(isPlainObject)
    .map(
      (gap) =>
        `${text(gap.system)} — ${text(gap.metric)}: gap of ${round(gap.worst)} between ${text(gap.between)}, allowed ${round(gap.allowed)}`,
    );
  return [note, ...rows, ...(gaps.length ? [`Fairness gaps: ${gaps.join('; ')}`] : [])].join(' ');
}
