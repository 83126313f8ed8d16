import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { savePlanMetric } from '../../../shared/documents/monitoring/plan.ts';
import {
  BREACH_ACTIONS,
  DIRECTIONS,
  METRIC_KINDS,
  type BreachAction,
  type Direction,
  type MetricKind,
} from '../../../shared/documents/monitoring/schema.ts';
import { errorText } from './error-text.ts';
import { ACTION_WORDS, DIRECTION_WORDS } from './monitoring-view.ts';

/** Adds a metric to the plan (or replaces the one of the same name). */
export function MetricForm({ doc, me, now }: { doc: Y.Doc; me: string; now: () => number }) {
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
