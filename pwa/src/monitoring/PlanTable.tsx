import type * as Y from 'yjs';
import { removePlanMetric, type PlanMetric } from '../../../shared/documents/monitoring/plan.ts';
import { ACTION_WORDS, DIRECTION_WORDS, valueShown } from './monitoring-view.ts';

/** The plan's metrics as a table; a writer removes one from its row. */
export function PlanTable({
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
      <table className="monitoring-metrics table-cards">
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
              <td data-label="Kind">{metric.kind}</td>
              <td data-label="Threshold">
                {metric.kind === 'fairness-gap' ? 'gap at most' : DIRECTION_WORDS[metric.direction]}{' '}
                {valueShown(metric.threshold)}
              </td>
              <td data-label="Subgroups">{metric.subgroups.join(', ') || 'everyone'}</td>
              <td data-label="A breach raises">{ACTION_WORDS[metric.onBreach]}</td>
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
