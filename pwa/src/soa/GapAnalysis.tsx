import type { GroupReadiness } from '../../../shared/assessments/index.ts';

interface Props {
  groups: readonly GroupReadiness[];
  overall: GroupReadiness;
  /** Controls included without a justification (ISO/IEC 42001 6.1.3 asks for one). */
  unjustified?: readonly string[];
}

/** Readiness per clause group as a table; the bar repeats the per cent shown beside it. */
export function GapAnalysis({ groups, overall, unjustified = [] }: Props) {
  return (
    <section aria-labelledby="soa-gap" className="soa-gap">
      <h2 id="soa-gap">Annex A readiness per clause group</h2>
      <p className="muted">
        Readiness = (implemented + half of partial) ÷ (applicable + undecided). An undecided control
        counts as a gap. This measures the Annex A controls only, not the mandatory clauses 4–10 a
        certification audit starts from: it is not a full gap analysis.
      </p>
      {unjustified.length > 0 && (
        <p className="soa-unjustified" role="note">
          {unjustified.length} applicable control{unjustified.length === 1 ? ' has' : 's have'} no
          justification for inclusion (ISO/IEC 42001 6.1.3 asks for one): {unjustified.join(', ')}.
        </p>
      )}
      <table className="soa-gap-table table-cards">
        <thead>
          <tr>
            <th scope="col">Clause group</th>
            <th scope="col">Readiness</th>
            <th scope="col">Implemented</th>
            <th scope="col">Partial</th>
            <th scope="col">Not started</th>
            <th scope="col">Not applicable</th>
            <th scope="col">Undecided</th>
          </tr>
        </thead>
        <tbody>
          {[...groups, overall].map((g) => (
            <tr key={g.group} className={g.group === 'all' ? 'soa-gap-overall' : undefined}>
              <th scope="row">{g.group === 'all' ? g.title : `${g.group} ${g.title}`}</th>
              <td data-label="Readiness">
                <span className="soa-bar" aria-hidden="true">
                  <span style={{ width: `${g.readiness}%` }} />
                </span>{' '}
                {g.readiness} %
              </td>
              <td data-label="Implemented">{g.implemented}</td>
              <td data-label="Partial">{g.partial}</td>
              <td data-label="Not started">{g.notStarted}</td>
              <td data-label="Not applicable">{g.notApplicable}</td>
              <td data-label="Undecided">{g.undecided}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
