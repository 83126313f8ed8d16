import { useEffect, useState, type ChangeEvent, type FormEvent } from 'react';
import type * as Y from 'yjs';
import {
  appendObservations,
  parseObservationBatch,
} from '../../../shared/documents/monitoring/observations.ts';
import { observationsFromSheet } from '../../../shared/documents/monitoring/observations-sheet.ts';
import { readSheet } from '../../../shared/inventory/import/read-sheet.ts';
import {
  removePlanMetric,
  savePlanMetric,
  type PlanMetric,
} from '../../../shared/documents/monitoring/plan.ts';
import {
  BREACH_ACTIONS,
  DIRECTIONS,
  METRIC_KINDS,
  type BreachAction,
  type Direction,
  type MetricKind,
} from '../../../shared/documents/monitoring/schema.ts';
import type { OpenedAssessment } from '../sync/assessment-documents.ts';
import { useDocument } from '../sync/use-document.ts';
import { DeploymentGate } from './DeploymentGate.tsx';
import { MetricChart } from './MetricChart.tsx';
import { MonitoringAlerts } from './MonitoringAlerts.tsx';
import { useOpenMonitoring } from './monitoring-context.ts';
import {
  ACTION_WORDS,
  DIRECTION_WORDS,
  EMPTY_VIEW,
  readMonitoringView,
  valueShown,
} from './monitoring-view.ts';
import './monitoring.css';

interface Props {
  recordId: string;
  registry: Y.Doc;
  /** A lead (writes the registry: acknowledges alerts). */
  canEdit: boolean;
  me: string;
  now: () => number;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The system's monitoring document, opened while the record page shows it (MON1). */
function useMonitoringDoc(recordId: string): OpenedAssessment | undefined {
  const open = useOpenMonitoring();
  const [opened, setOpened] = useState<OpenedAssessment>();
  useEffect(() => {
    if (!open) return;
    let held: OpenedAssessment | undefined;
    try {
      held = open(recordId);
    } catch {
      return; // a role that may not open it (docs/sync.md MON1)
    }
    setOpened(held);
    return () => {
      held.release();
      setOpened(undefined);
    };
  }, [open, recordId]);
  return opened;
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

function PlanTable({
  metrics,
  doc,
  writable,
}: {
  metrics: PlanMetric[];
  doc: Y.Doc;
  writable: boolean;
}) {
  return (
    <div className="monitoring-table-wrap">
      <table className="monitoring-metrics">
        <caption className="visually-hidden">The monitoring plan's metrics</caption>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">Kind</th>
            <th scope="col">Threshold</th>
            <th scope="col">Subgroups</th>
            <th scope="col">A breach raises</th>
            {writable && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {metrics.map((metric) => (
            <tr key={metric.name}>
              <th scope="row">{metric.name}</th>
              <td>{metric.kind}</td>
              <td>
                {metric.kind === 'fairness-gap' ? 'gap at most' : DIRECTION_WORDS[metric.direction]}{' '}
                {valueShown(metric.threshold)}
              </td>
              <td>{metric.subgroups.join(', ') || 'everyone'}</td>
              <td>{ACTION_WORDS[metric.onBreach]}</td>
              {writable && (
                <td>
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`Remove the metric ${metric.name}`}
                    onClick={() => removePlanMetric(doc, metric.name)}
                  >
                    Remove
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MetricForm({ doc, me, now }: { doc: Y.Doc; me: string; now: () => number }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<MetricKind>('accuracy');
  const [direction, setDirection] = useState<Direction>('at-least');
  const [threshold, setThreshold] = useState('');
  const [subgroups, setSubgroups] = useState('');
  const [onBreach, setOnBreach] = useState<BreachAction>('alert');
  const [error, setError] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(threshold);
    if (threshold.trim() === '' || !Number.isFinite(value))
      return setError('Give the threshold as a number.');
    try {
      savePlanMetric(
        doc,
        {
          name: name.trim(),
          kind,
          direction: kind === 'fairness-gap' ? 'at-most' : direction,
          threshold: value,
          subgroups: subgroups
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
          onBreach,
        },
        me,
        now(),
      );
      setName('');
      setThreshold('');
      setSubgroups('');
      setError(undefined);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <form className="monitoring-form" onSubmit={submit} aria-label="Add a metric to the plan">
      <label>
        Metric
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={64} />
      </label>
      <label>
        Kind
        <select value={kind} onChange={(e) => setKind(e.target.value as MetricKind)}>
          {METRIC_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      {kind !== 'fairness-gap' && (
        <label>
          Must be
          <select value={direction} onChange={(e) => setDirection(e.target.value as Direction)}>
            {DIRECTIONS.map((d) => (
              <option key={d} value={d}>
                {DIRECTION_WORDS[d]}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {kind === 'fairness-gap' ? 'Largest gap allowed' : 'Threshold'}
        <input
          inputMode="decimal"
          value={threshold}
          onChange={(e) => setThreshold(e.target.value)}
          required
        />
      </label>
      <label>
        Subgroups (comma-separated)
        <input value={subgroups} onChange={(e) => setSubgroups(e.target.value)} />
      </label>
      <label>
        A breach raises
        <select value={onBreach} onChange={(e) => setOnBreach(e.target.value as BreachAction)}>
          {BREACH_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {ACTION_WORDS[a]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">Save metric</button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}

function ObservationForm({
  doc,
  metrics,
  me,
  now,
}: {
  doc: Y.Doc;
  metrics: string[];
  me: string;
  now: () => number;
}) {
  const [metric, setMetric] = useState(metrics[0] ?? '');
  const [value, setValue] = useState('');
  const [subgroup, setSubgroup] = useState('');
  const [error, setError] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const at = now();
    try {
      // The same checks as the pipeline API (MON3): one rule for every way in.
      const observations = parseObservationBatch(
        {
          metric,
          value: value.trim() === '' ? Number.NaN : Number(value),
          ...(subgroup.trim() ? { subgroup: subgroup.trim() } : {}),
        },
        new Set(metrics),
        at,
      );
      appendObservations(doc, observations, me, at);
      setValue('');
      setError(undefined);
    } catch (e) {
      setError(errorText(e).replace(/^observation: /, ''));
    }
  };
  return (
    <form className="monitoring-form" onSubmit={submit} aria-label="Add an observation">
      <label>
        Metric
        <select value={metric} onChange={(e) => setMetric(e.target.value)}>
          {metrics.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </label>
      <label>
        Value
        <input
          inputMode="decimal"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          required
        />
      </label>
      <label>
        Subgroup (optional)
        <input value={subgroup} onChange={(e) => setSubgroup(e.target.value)} maxLength={64} />
      </label>
      <button type="submit">Add observation</button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}

const decodeUtf8 = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(bytes);

/** Observations from a CSV or XLSX file: checked like the pipeline API's batch, all or nothing. */
function ObservationImport(props: {
  doc: Y.Doc;
  metrics: string[];
  me: string;
  now: () => number;
}) {
  const [message, setMessage] = useState<{ text: string; failed: boolean }>();
  const chosen = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      const rows = await readSheet(new Uint8Array(await file.arrayBuffer()), decodeUtf8);
      const at = props.now();
      const observations = observationsFromSheet(rows, new Set(props.metrics), at);
      appendObservations(props.doc, observations, props.me, at);
      setMessage({
        text: `Added ${observations.length} observations from ${file.name}.`,
        failed: false,
      });
    } catch (e) {
      setMessage({ text: `Nothing added: ${errorText(e)}`, failed: true });
    }
  };
  return (
    <p>
      <label className="button-like file-button">
        Import observations (CSV or XLSX)…
        <input
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="visually-hidden"
          onChange={(event) => void chosen(event)}
        />
      </label>{' '}
      {message && <span role={message.failed ? 'alert' : 'status'}>{message.text}</span>}
    </p>
  );
}
