import type { LogFinding } from './log-accumulator.ts';

const count = (n: number) => n.toLocaleString('en');

/**
 * The hosts of a log that the catalog does not know but whose name says AI, apart from the
 * catalogued tools: each with its score and the reasons, so that a lead checks before acting.
 */
export function LikelyHosts({ fileName, findings }: { fileName: string; findings: LogFinding[] }) {
  if (findings.length === 0) return null;
  return (
    <section className="likely-hosts" aria-labelledby="likely-hosts-heading">
      <h3 id="likely-hosts-heading">Possibly AI — not in the catalog</h3>
      <p className="muted">
        The catalog does not know these hosts; their names say AI. Added to the inbox, each one can
        be made a workspace catalog entry there in one step, or dismissed.
      </p>
      <table className="log-tools table-cards">
        <caption className="visually-hidden">Possibly AI hosts in {fileName}</caption>
        <thead>
          <tr>
            <th scope="col">Domain</th>
            <th scope="col">Score</th>
            <th scope="col">Why</th>
            <th scope="col">Hosts</th>
            <th scope="col">Lines</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((finding) => (
            <tr key={finding.toolKey} data-likely-host={finding.name}>
              <th scope="row">{finding.name}</th>
              <td className="number" data-label="Score">
                {finding.likely?.score.toFixed(2)}
              </td>
              <td data-label="Why">{finding.likely?.reasons.join('; ')}</td>
              <td data-label="Hosts">{finding.hosts.join(', ')}</td>
              <td className="number" data-label="Lines">
                {count(finding.lines)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
