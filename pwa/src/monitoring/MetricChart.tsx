import type { ReactNode } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { thin, type MetricSeries } from '../../../shared/documents/monitoring/evaluate.ts';
import { dayTime, DIRECTION_WORDS, valueShown } from './monitoring-view.ts';

/** Distinct on light and dark backgrounds; a line's colour is also named in the legend. */
const COLOURS = ['#3b82c4', '#d9480f', '#2b8a3e', '#9c36b5', '#c77700', '#0b7285', '#c2255c'];
const TOOLTIP_STYLE = {
  background: 'var(--surface, #fff)',
  border: '1px solid var(--border, #d0d7de)',
  color: 'var(--text, #1b1f24)',
};

/**
 * One metric: a line per subgroup (thinned to 400 points each; breaches are found on every
 * observation), the threshold as a reference line, and for a fairness gap the gap itself. The
 * same figures are in a visually hidden table for screen readers. Names are untrusted text:
 * recharts and React render them as text.
 */
export function MetricChart({ series, id }: { series: MetricSeries; id: string }) {
  const plan = series.plan;
  const fairness = plan?.kind === 'fairness-gap';
  const lines = [...series.lines].map(([subgroup, points]) => ({
    name: subgroup || 'everyone',
    points: thin(points),
  }));
  const gap = fairness && series.gap ? thin(series.gap) : undefined;
  const latest = [...series.lines].map(
    ([subgroup, points]) => [subgroup || 'everyone', points.at(-1)] as const,
  );
  return (
    <figure className="chart-card metric-chart" aria-labelledby={`${id}-title`}>
      <figcaption>
        <h3 id={`${id}-title`}>{series.name}</h3>
        {plan && (
          <p className="muted small">
            {fairness
              ? `Largest gap between subgroups allowed: ${valueShown(plan.threshold)}`
              : `Threshold: ${DIRECTION_WORDS[plan.direction]} ${valueShown(plan.threshold)}`}
          </p>
        )}
      </figcaption>
      {lines.length === 0 ? (
        <p className="muted">No observations yet.</p>
      ) : (
        <div className="chart" aria-hidden="true">
          <TimeChart height={240} threshold={fairness ? undefined : plan?.threshold} legend>
            {lines.map((line, index) => (
              <Line
                key={line.name}
                data={line.points}
                dataKey="value"
                name={line.name}
                stroke={COLOURS[index % COLOURS.length]}
                dot={line.points.length < 60}
                isAnimationActive={false}
              />
            ))}
          </TimeChart>
          {gap && plan && (
            <TimeChart height={160} threshold={plan.threshold}>
              <Line
                data={gap}
                dataKey="value"
                name="gap"
                stroke="#c92a2a"
                isAnimationActive={false}
              />
            </TimeChart>
          )}
        </div>
      )}
      <table className="visually-hidden">
        <caption>{series.name}: latest values</caption>
        <thead>
          <tr>
            <th scope="col">Subgroup</th>
            <th scope="col">Latest value</th>
            <th scope="col">Measured</th>
          </tr>
        </thead>
        <tbody>
          {latest.map(([name, point]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{point ? valueShown(point.value) : ''}</td>
              <td>{point ? dayTime(point.at) : ''}</td>
            </tr>
          ))}
          {series.gap?.at(-1) && (
            <tr>
              <th scope="row">Gap between subgroups</th>
              <td>{valueShown(series.gap.at(-1)!.value)}</td>
              <td>{dayTime(series.gap.at(-1)!.at)}</td>
            </tr>
          )}
        </tbody>
      </table>
    </figure>
  );
}

/** A chart over time: the grid, a time axis, the value axis, a tooltip and the threshold line. */
function TimeChart(props: {
  height: number;
  threshold: number | undefined;
  legend?: boolean;
  children: ReactNode;
}) {
  return (
    <LineChart
      responsive
      style={{ width: '100%', height: props.height }}
      accessibilityLayer={false}
      margin={{ top: 8, right: 16, bottom: 4, left: 4 }}
    >
      <CartesianGrid />
      <XAxis
        type="number"
        dataKey="at"
        domain={['dataMin', 'dataMax']}
        tickFormatter={(at: number) => dayTime(at).slice(5, 10)}
        allowDuplicatedCategory={false}
      />
      <YAxis type="number" width={48} domain={['auto', 'auto']} />
      <Tooltip contentStyle={TOOLTIP_STYLE} labelFormatter={(at) => dayTime(Number(at))} />
      {props.legend && <Legend />}
      {props.threshold !== undefined && (
        <ReferenceLine
          y={props.threshold}
          stroke="#c92a2a"
          strokeDasharray="6 4"
          ifOverflow="extendDomain"
        />
      )}
      {props.children}
    </LineChart>
  );
}
