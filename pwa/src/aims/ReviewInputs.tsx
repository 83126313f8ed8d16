import { reviewMonitoringWords, type ReviewInputs } from '../../../shared/documents/aims/index.ts';
import { optionWords } from './aims-words.ts';

const counted = (counts: Record<string, number>) =>
  Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([key, n]) => `${optionWords(key)}: ${n}`)
    .join(', ') || 'none';

const named = (list: readonly string[]) => (list.length === 0 ? 'none' : list.join('; '));

/** A management review's inputs (9.3.2), live for a draft, frozen for an approved review. */
export function ReviewInputsView({ inputs, live }: { inputs: ReviewInputs; live: boolean }) {
  const { previousActions: actions } = inputs;
  const rows: [string, string][] = [
    ['Since', inputs.since ?? 'the first review'],
    [
      'Actions from previous reviews',
      `${counted({ open: actions.open, 'in-progress': actions['in-progress'], done: actions.done, dropped: actions.dropped })}; overdue: ${actions.overdue}. Pending: ${named(actions.pending)}`,
    ],
    ['Issues changed', `${named(inputs.issues.changed)} (of ${inputs.issues.total})`],
    [
      'Interested parties changed',
      `${named(inputs.parties.changed)} (of ${inputs.parties.total}); not yet addressed: ${named(inputs.parties.notAddressed)}`,
    ],
    [
      'Nonconformities',
      `open ${inputs.nonconformities.open}, actions overdue ${inputs.nonconformities.overdueActions}; raised: ${named(inputs.nonconformities.raised)}; closed: ${named(inputs.nonconformities.closed)}`,
    ],
    ['Monitoring and measurement', reviewMonitoringWords(inputs.monitoring)],
    [
      'Audit results',
      `audits held: ${named(inputs.audits.held)}; findings: ${counted(inputs.audits.findings)}`,
    ],
    ['AI objectives', counted(inputs.objectives)],
    [
      'Risks',
      `${inputs.risks.notClosed} not closed (${counted(inputs.risks.byBand)}); changed since: ${inputs.risks.raised}`,
    ],
    [
      'Incidents',
      `${inputs.incidents.detected} detected since (${inputs.incidents.serious} serious); ${inputs.incidents.open} open`,
    ],
    ['Opportunities for improvement', named(inputs.opportunities)],
  ];
  return (
    <details className="aims-checklist" open={!live}>
      <summary>{live ? 'Inputs, gathered now from the workspace' : 'Inputs, as approved'}</summary>
      <dl>
        {rows.map(([label, text]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
