import { useState } from 'react';
import type * as Y from 'yjs';
import {
  acknowledgeAlert,
  readMonitoringAlerts,
  type MonitoringAlert,
} from '../../../shared/documents/registry/monitoring-alerts.ts';
import { useRegistry } from '../sync/documents.ts';
import { useDocument } from '../sync/use-document.ts';
import { dayTime, valueShown } from './monitoring-view.ts';
import './monitoring.css';

const NO_ALERTS: ReturnType<typeof readMonitoringAlerts> = { alerts: [], problems: [] };

export function useMonitoringAlerts(registry: Y.Doc | undefined) {
  return useDocument(registry, readMonitoringAlerts, NO_ALERTS).alerts;
}

function alertWords(alert: MonitoringAlert): string {
  const where = alert.subgroup ? ` (${alert.subgroup})` : '';
  if (alert.kind === 'fairness')
    return `${alert.metric}: gap of ${valueShown(alert.worst)} between ${alert.high} and ${alert.low}, allowed ${valueShown(alert.threshold)}`;
  const side = alert.direction === 'at-least' ? 'below' : 'above';
  return `${alert.metric}${where}: ${valueShown(alert.worst)}, ${side} ${valueShown(alert.threshold)}`;
}

interface Props {
  registry: Y.Doc | undefined;
  /** On a record page: that record's alerts, acknowledged ones too. On the dashboard: every open one. */
  recordId?: string;
  canEdit?: boolean;
  me?: string;
  now?: () => number;
}

/**
 * Monitoring alerts (docs/monitoring.md): the dashboard lists every alert no lead has
 * acknowledged, each record page its own. Both read the registry's `monitoringAlerts` through
 * one reader, so they always agree.
 */
export function MonitoringAlerts({
  registry,
  recordId,
  canEdit = false,
  me,
  now = Date.now,
}: Props) {
  const alerts = useMonitoringAlerts(registry);
  const { records } = useRegistry(registry);
  const [error, setError] = useState<string>();
  const shown = recordId
    ? alerts.filter((alert) => alert.recordId === recordId)
    : alerts.filter((alert) => !alert.acknowledged);
  const headingId = recordId ? 'record-monitoring-alerts' : 'monitoring-alerts';
  const acknowledge = (alert: MonitoringAlert) => {
    if (!registry || !me) return;
    try {
      acknowledgeAlert(registry, alert.id, me, now());
      setError(undefined);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section aria-labelledby={headingId} className="monitoring-alerts">
      <h2 id={headingId}>{recordId ? 'Monitoring alerts' : 'Monitoring alerts to look at'}</h2>
      {shown.length === 0 ? (
        <p className="muted">
          {recordId
            ? 'No threshold of this system has been breached.'
            : 'No open monitoring alert.'}
        </p>
      ) : (
        <ul className="alert-list">
          {shown.map((alert) => (
            <li key={alert.id} className={alert.acknowledged ? 'alert-seen' : 'alert-open'}>
              {!recordId && (
                <>
                  <a href={`#/inventory/${encodeURIComponent(alert.recordId)}`}>
                    {records.get(alert.recordId)?.name ?? alert.recordId}
                  </a>
                  {' — '}
                </>
              )}
              <span>{alertWords(alert)}</span>{' '}
              <span className="muted small">
                since{' '}
                <time dateTime={new Date(alert.startAt).toISOString()}>
                  {dayTime(alert.startAt)}
                </time>
                {alert.incidentId && (
                  <>
                    {' · '}
                    <a href={`#/incidents/${encodeURIComponent(alert.incidentId)}`}>incident</a>
                  </>
                )}
                {alert.riskId && (
                  <>
                    {' · '}
                    <a href="#/risks">risk</a>
                  </>
                )}
                {alert.acknowledged && ` · seen by ${alert.acknowledged.by}`}
              </span>
              {recordId && canEdit && !alert.acknowledged && (
                <button type="button" className="link-button" onClick={() => acknowledge(alert)}>
                  Mark as seen
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
