import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';

export interface ChartRow {
  label: string;
  count: number;
  /** What the row counts by (a tier id, a category); '' for "none". */
  key?: string;
}

interface Props {
  id: string;
  title: string;
  rows: readonly ChartRow[];
  /** Horizontal bars suit long labels (categories); vertical ones suit time. */
  layout: 'horizontal-bars' | 'columns';
  /** Shown instead of the chart when every count is zero. */
  empty: string;
  /** The column heading of the labels in the table for screen readers. */
  labelHeading: string;
  /** Short axis labels for columns (the table keeps the full ones). */
  tick?: (label: string) => string;
  /**
   * Where a bar leads: the list filtered to what it counts. The bar is clickable and its row in
   * the table becomes a link (the table shows itself while a link in it has the focus).
   */
  href?: (row: ChartRow) => string | undefined;
  navigate?: (hash: string) => void;
}

const goTo = (hash: string) => void (window.location.hash = hash);

const TOOLTIP_STYLE = {
  background: 'var(--surface, #fff)',
  border: '1px solid var(--border, #d0d7de)',
  color: 'var(--text, #1b1f24)',
};

/**
 * One chart with its title, and the same numbers as a visually hidden table: the drawing is
 * hidden from screen readers, the table is what they read. Labels are untrusted text: recharts
 * and React render them as text.
 */
export function CountChart(props: Props) {
  const { id, title, rows, layout, empty, labelHeading, tick, href, navigate = goTo } = props;
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const bars = layout === 'horizontal-bars';
  const height = bars ? Math.max(120, rows.length * 30 + 40) : 220;
  return (
    <figure className="chart-card" aria-labelledby={`${id}-title`}>
      <figcaption>
        <h2 id={`${id}-title`}>{title}</h2>
      </figcaption>
      {total === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <div className="chart" aria-hidden="true">
          <BarChart
            responsive
            style={{ width: '100%', height }}
            data={[...rows]}
            layout={bars ? 'vertical' : 'horizontal'}
            accessibilityLayer={false}
            margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
          >
            <CartesianGrid horizontal={!bars} vertical={bars} />
            {bars ? (
              <>
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="label" width={150} />
              </>
            ) : (
              <>
                <XAxis type="category" dataKey="label" {...(tick ? { tickFormatter: tick } : {})} />
                <YAxis type="number" allowDecimals={false} width={32} />
              </>
            )}
            <Tooltip contentStyle={TOOLTIP_STYLE} />
            <Bar
              dataKey="count"
              name="Count"
              fill="currentColor"
              isAnimationActive={false}
              {...(href
                ? {
                    cursor: 'pointer',
                    onClick: (_: unknown, index: number) => {
                      const row = rows[index];
                      const target = row && href(row);
                      if (target) navigate(target);
                    },
                  }
                : {})}
            />
          </BarChart>
        </div>
      )}
      <table className="visually-hidden chart-table">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeading}</th>
            <th scope="col">Count</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{href?.(row) ? <a href={href(row)}>{row.label}</a> : row.label}</th>
              <td>{row.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
