import type { SoaViewEntry } from '../../../shared/assessments/index.ts';

interface Props {
  entry: SoaViewEntry | undefined;
  names: ReadonlyMap<string, string>;
}

/**
 * Why a control is in the statement because of the risk register: the risks whose treatment
 * names it (shared/assessments/soa-view.ts, the same reading the exports use).
 */
export function RiskReasons({ entry, names }: Props) {
  if (!entry || entry.riskReasons.length === 0) return null;
  const risks = entry.riskReasons.map((id) => names.get(id) ?? id);
  return (
    <div className={entry.conflict ? 'soa-reasons soa-conflict' : 'soa-reasons'}>
      <p>
        {entry.fromRisks
          ? 'Included because a risk’s treatment names it (undecided: a lead confirms it below).'
          : entry.conflict
            ? 'Marked not applicable, but a risk’s treatment names it: one of them is wrong.'
            : 'Treats risks from the register.'}{' '}
        Risks ({risks.length}):
      </p>
      <ul>
        {risks.map((risk, i) => (
          <li key={entry.riskReasons[i]}>{risk}</li>
        ))}
      </ul>
    </div>
  );
}
