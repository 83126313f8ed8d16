import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import {
  appendObservations,
  parseObservationBatch,
} from '../../../shared/documents/monitoring/observations.ts';
import { errorText } from './error-text.ts';

/** One observation entered by hand: checked as the pipeline API checks a batch (MON3). */
export function ObservationForm({
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
