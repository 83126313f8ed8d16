import { useMemo } from 'react';
import type * as Y from 'yjs';
import { BAND_LABELS, risksHref } from '../risks/risk-rows.ts';
import { useRisks } from '../risks/use-risks.ts';
import { riskHeatMap } from './risk-heat-map.ts';
import './risk-heat-map.css';

const LIKELIHOOD = ['', 'rare', 'unlikely', 'possible', 'likely', 'almost certain'];
const IMPACT = ['', 'negligible', 'minor', 'moderate', 'major', 'severe'];

/**
 * Open risks by likelihood × impact, as a real table: the counts are text, the band is in each
 * cell's name, and colour is only an extra cue. A cell with risks links to them in the register.
 */
export function RiskHeatMap({ registry }: { registry: Y.Doc | undefined }) {
  const { risks } = useRisks(registry);
  const figure = useMemo(() => riskHeatMap(risks.values()), [risks]);
  return (
    <section aria-labelledby="risk-heat-map" className="risk-heat-map">
      <h2 id="risk-heat-map">Risk heat map</h2>
      <table className="heat-grid">
        <caption className="muted">
          {figure.total === 1 ? '1 risk' : `${figure.total} risks`} not closed, by likelihood (rows)
          and impact (columns). <a href={risksHref({ status: 'active' })}>Open the risk register</a>
        </caption>
        <thead>
          <tr>
            <td />
            {[1, 2, 3, 4, 5].map((impact) => (
              <th key={impact} scope="col">
                <span className="visually-hidden-on-phone">Impact </span>
                {impact}
                <span className="heat-scale">{IMPACT[impact]}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {figure.rows.map((row) => (
            <tr key={row[0]!.likelihood}>
              <th scope="row">
                <span className="visually-hidden-on-phone">Likelihood </span>
                {row[0]!.likelihood}
                <span className="heat-scale">{LIKELIHOOD[row[0]!.likelihood]}</span>
              </th>
              {row.map((cell) => {
                const words = `${cell.count} ${cell.count === 1 ? 'risk' : 'risks'}, likelihood ${cell.likelihood}, impact ${cell.impact}, ${BAND_LABELS[cell.band].toLowerCase()}`;
                return (
                  <td key={cell.impact} className={`heat-cell heat-${cell.band}`}>
                    {cell.count > 0 ? (
                      <a
                        href={risksHref({
                          status: 'active',
                          likelihood: cell.likelihood,
                          impact: cell.impact,
                        })}
                        aria-label={words}
                      >
                        {cell.count}
                      </a>
                    ) : (
                      <span className="muted">0</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
