import type * as Y from 'yjs';
import { useDocument } from '../sync/use-document.ts';
import { DeploymentGate } from './DeploymentGate.tsx';
import { MetricChart } from './MetricChart.tsx';
import { MetricForm } from './MetricForm.tsx';
import { MonitoringAlerts } from './MonitoringAlerts.tsx';
import { EMPTY_VIEW, readMonitoringView } from './monitoring-view.ts';
import { ObservationForm } from './ObservationForm.tsx';
import { ObservationImport } from './ObservationImport.tsx';
import { PlanTable } from './PlanTable.tsx';
import { useMonitoringDoc } from './use-monitoring-doc.ts';
import './monitoring.css';

interface Props {
  recordId: string;
  registry: Y.Doc;
  /** A lead (writes the registry: acknowledges alerts). */
  canEdit: boolean;
  me: string;
  now: () => number;
}

/**
 * A system's monitoring on its record page (docs/monitoring.md): the plan (metrics, thresholds,
 * subgroups, what a breach raises), a chart per metric, the latest run, observations entered by
 * hand, and the system's alerts. Breaches are raised by the relay (MON5), never here.
 */
export function MonitoringPanel({ recordId, registry, canEdit, me, now }: Props) {
  const opened = useMonitoringDoc(recordId);
  const view = useDocument(opened?.doc, readMonitoringView, EMPTY_VIEW);
  if (!opened) return null;
  const writable = opened.access === 'write';
  const { plan, run } = view;
  return (
    <section aria-labelledby="monitoring-heading" className="monitoring">
      <h2 id="monitoring-heading">Monitoring</h2>
      {plan.metrics.size === 0 ? (
        <p className="muted">
          No monitoring plan yet: name the metrics that matter, their thresholds and subgroups.
        </p>
      ) : (
        <>
          <p className={run.passed ? 'monitoring-run-passed' : 'monitoring-run-failed'}>
            {run.passed
              ? 'The latest run passed: every metric is within its threshold.'
              : `The latest run did not pass: ${run.metrics
                  .filter((metric) => metric.status !== 'pass')
                  .map(
                    (metric) =>
                      `${metric.name} (${metric.status === 'no-data' ? 'not measured' : 'breached'})`,
                  )
                  .join(', ')}.`}{' '}
            <span className="muted small">
              {view.observations.toLocaleString('en')} observations
            </span>
          </p>
          <PlanTable metrics={[...plan.metrics.values()]} doc={opened.doc} writable={writable} />
        </>
      )}
      <DeploymentGate
        recordId={recordId}
        registry={registry}
        run={run}
        canEdit={canEdit}
        me={me}
        now={now}
      />
      {writable && <MetricForm doc={opened.doc} me={me} now={now} />}
      <div className="monitoring-charts">
        {[...view.series.values()].map((series, index) => (
          <MetricChart key={series.name} series={series} id={`metric-${index}`} />
        ))}
      </div>
      {writable && plan.metrics.size > 0 && (
        <>
          <ObservationForm doc={opened.doc} metrics={[...plan.metrics.keys()]} me={me} now={now} />
          <ObservationImport
            doc={opened.doc}
            metrics={[...plan.metrics.keys()]}
            me={me}
            now={now}
          />
        </>
      )}
      <MonitoringAlerts
        registry={registry}
        recordId={recordId}
        canEdit={canEdit}
        me={me}
        now={now}
      />
      {view.problems.length > 0 && (
        <p className="muted small">Skipped while reading: {view.problems.slice(0, 3).join('; ')}</p>
      )}
    </section>
  );
}
