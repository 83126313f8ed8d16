import type * as Y from 'yjs';
import type { Breach } from '../monitoring/evaluate.ts';
import { addProblem } from '../schema/problems.ts';
import { isPlainObject } from '../schema/read-core.ts';
import { byCodeUnit, isId } from '../schema/values.ts';
import { ensureWritable } from '../schema/version.ts';
import { checkText, checkTimestamp } from '../schema/write.ts';
import { saveIncident } from './incidents.ts';
import { saveRisk } from './risks.ts';
import { MAX_PERSON, REGISTRY_SCHEMA } from './schema.ts';

/**
 * Monitoring alerts, a top-level map of the registry (docs/monitoring.md, MON4–MON5):
 *
 *   monitoringAlerts  breachId → { recordId, metric, subgroup, kind: threshold|fairness,
 *                                  startAt, worst, threshold, direction, action, high?, low?,
 *                                  raisedBy, raisedAt, incidentId?, riskId? } (written once)
 *                     'ack.<breachId>' → { by, at } (a lead has seen it)
 *
 * The key is the breach's deterministic id, so the relay and any number of leads who find the
 * same breach write one alert; the incident or risk it raises carries the same id, so it too
 * exists once. An alert is written only when its key is absent.
 */
export const MONITORING_ALERTS = 'monitoringAlerts';
const ACK = 'ack.';

export interface MonitoringAlert {
  id: string;
  recordId: string;
  metric: string;
  subgroup: string;
  kind: Breach['kind'];
  startAt: number;
  worst: number;
  threshold: number;
  direction: Breach['direction'];
  action: Breach['onBreach'];
  high?: string;
  low?: string;
  raisedBy: string;
  raisedAt: number;
  incidentId?: string;
  riskId?: string;
  acknowledged?: { by: string; at: number };
}

function describeBreach(breach: Breach): string {
  const where = breach.subgroup ? ` for ${breach.subgroup}` : '';
  if (breach.kind === 'fairness')
    return `The gap in ${breach.metric} between ${breach.high} and ${breach.low} reached ${round(breach.worst)}, past the plan's largest allowed gap of ${round(breach.threshold)}.`;
  const side = breach.direction === 'at-least' ? 'below' : 'above';
  return `${breach.metric}${where} was ${round(breach.worst)}, ${side} the plan's threshold of ${round(breach.threshold)}.`;
}

const round = (value: number) => String(Math.round(value * 10_000) / 10_000);

/**
 * Raises each breach not raised before: its alert, and the incident (type drift) or risk its
 * plan asks for, in one transaction. Returns the alerts it wrote (none for a breach already
 * raised, by anyone).
 */
export function raiseBreaches(
  doc: Y.Doc,
  found: readonly Breach[],
  by: string,
  at: number,
): MonitoringAlert[] {
  checkText('by', by, { min: 1, max: MAX_PERSON });
  checkTimestamp('at', at);
  const alerts = doc.getMap<unknown>(MONITORING_ALERTS);
  const fresh = found.filter((breach) => isId(breach.id) && !alerts.has(breach.id));
  if (fresh.length === 0) return [];
  const raised: MonitoringAlert[] = [];
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    for (const breach of fresh) {
      const title = `${breach.kind === 'fairness' ? 'Fairness gap' : 'Threshold breach'}: ${breach.metric}${breach.subgroup ? ` (${breach.subgroup})` : ''}`;
      const alert: MonitoringAlert = {
        id: breach.id,
        recordId: breach.recordId,
        metric: breach.metric,
        subgroup: breach.subgroup,
        kind: breach.kind,
        startAt: breach.startAt,
        worst: breach.worst,
        threshold: breach.threshold,
        direction: breach.direction,
        action: breach.onBreach,
        ...(breach.high !== undefined ? { high: breach.high, low: breach.low! } : {}),
        raisedBy: by,
        raisedAt: at,
      };
      if (breach.onBreach === 'incident') {
        saveIncident(
          doc,
          breach.id,
          {
            systemId: breach.recordId,
            title: title.slice(0, 200),
            kind: 'incident',
            type: 'drift',
            detectedAt: at,
            detectedBy: by,
            description: `Raised by monitoring. ${describeBreach(breach)}`,
            peopleAffected: '',
            severity: 'medium',
            serious: [],
            death: false,
            widespread: false,
            personalDataBreach: false,
            informed: {},
            useSuspended: false,
            riskIds: [],
            correctiveAction: '',
            status: 'open',
          },
          by,
          at,
        );
        alert.incidentId = breach.id;
      } else if (breach.onBreach === 'risk') {
        saveRisk(
          doc,
          breach.id,
          {
            systemIds: [breach.recordId],
            source: breach.kind === 'fairness' ? 'algorithmic-bias' : 'model-drift',
            description: `${title}. ${describeBreach(breach)}`.slice(0, 4000),
            likelihood: 3,
            impact: 3,
            treatment: 'mitigate',
            controls: ['A.6.2.6'],
            status: 'open',
          },
          by,
          at,
        );
        alert.riskId = breach.id;
      }
      const { id: _key, ...stored } = alert;
      alerts.set(breach.id, stored);
      raised.push(alert);
    }
  });
  return raised;
}

/** A lead has seen an alert: it leaves the dashboard's open alerts. */
export function acknowledgeAlert(doc: Y.Doc, id: string, by: string, at: number): boolean {
  checkText('by', by, { min: 1, max: MAX_PERSON });
  checkTimestamp('at', at);
  const alerts = doc.getMap<unknown>(MONITORING_ALERTS);
  if (!isId(id) || !alerts.has(id) || alerts.has(ACK + id)) return false;
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    alerts.set(ACK + id, { by, at });
  });
  return true;
}

const num = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;
const str = (value: unknown, max = 200) =>
  typeof value === 'string' && value.length <= max ? value : undefined;

/** Every alert, newest first; never trusts the document (a malformed entry is skipped, reported). */
export function readMonitoringAlerts(doc: Y.Doc): {
  alerts: MonitoringAlert[];
  problems: string[];
} {
  const problems: string[] = [];
  const alerts: MonitoringAlert[] = [];
  const map = doc.getMap<unknown>(MONITORING_ALERTS);
  for (const key of [...map.keys()].sort(byCodeUnit)) {
    if (key.startsWith(ACK)) continue;
    const value = map.get(key);
    const v = isPlainObject(value) ? value : {};
    const kind = v.kind === 'threshold' || v.kind === 'fairness' ? v.kind : undefined;
    const direction =
      v.direction === 'at-least' || v.direction === 'at-most' ? v.direction : undefined;
    const action =
      v.action === 'alert' || v.action === 'incident' || v.action === 'risk' ? v.action : undefined;
    const recordId = isId(v.recordId) ? v.recordId : undefined;
    const [metric, subgroup, raisedBy] = [str(v.metric, 64), str(v.subgroup, 64), str(v.raisedBy)];
    const [startAt, worst, threshold, raisedAt] = [
      num(v.startAt),
      num(v.worst),
      num(v.threshold),
      num(v.raisedAt),
    ];
    if (
      !isId(key) ||
      !kind ||
      !direction ||
      !action ||
      !recordId ||
      metric === undefined ||
      subgroup === undefined ||
      raisedBy === undefined ||
      startAt === undefined ||
      worst === undefined ||
      threshold === undefined ||
      raisedAt === undefined
    ) {
      addProblem(problems, `${MONITORING_ALERTS}.${key.slice(0, 80)}: not an alert`);
      continue;
    }
    const ack = map.get(ACK + key);
    const ackBy = isPlainObject(ack) ? str(ack.by) : undefined;
    const ackAt = isPlainObject(ack) ? num(ack.at) : undefined;
    alerts.push({
      id: key,
      recordId,
      metric,
      subgroup,
      kind,
      startAt,
      worst,
      threshold,
      direction,
      action,
      ...(str(v.high, 64) !== undefined
        ? { high: str(v.high, 64)!, low: str(v.low, 64) ?? '' }
        : {}),
      raisedBy,
      raisedAt,
      ...(isId(v.incidentId) ? { incidentId: v.incidentId } : {}),
      ...(isId(v.riskId) ? { riskId: v.riskId } : {}),
      ...(ackBy !== undefined && ackAt !== undefined
        ? { acknowledged: { by: ackBy, at: ackAt } }
        : {}),
    });
  }
  alerts.sort((a, b) => b.raisedAt - a.raisedAt || b.startAt - a.startAt);
  return { alerts, problems };
}
