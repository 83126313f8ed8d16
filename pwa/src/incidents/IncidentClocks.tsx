import type { Incident } from '../../../shared/documents/registry/index.ts';
import { incidentClocks, timeLeftWords } from '../../../shared/incidents/clocks.ts';
import { PARTY_LABELS } from '../../../shared/incidents/reporting-periods.ts';
import { CLOCK_STATE_LABELS, formatTime } from './incident-words.ts';

/** The legal clocks of one incident: duty, citation, due time, time left, state. */
export function IncidentClocks({ incident, now }: { incident: Incident; now: number }) {
  const clocks = incidentClocks(incident, now);
  if (clocks.length === 0) {
    return (
      <p className="muted">
        No legal clock: {incident.kind === 'near-miss' ? 'a near miss' : 'not a serious incident'}
        {incident.kind === 'near-miss' ? '' : ' and no personal data breach'}.
      </p>
    );
  }
  return (
    <ul className="incident-clocks" aria-label="Reporting clocks">
      {clocks.map((clock) => (
        <li key={clock.period.id} className={`incident-clock clock-${clock.state}`}>
          <span className="clock-duty">
            {PARTY_LABELS[clock.party]} <span className="muted">({clock.period.citation})</span>
          </span>
          <span className="clock-due">
            {clock.immediate ? 'due immediately' : `due ${formatTime(clock.dueAt)}`}
          </span>
          <span className="clock-left">
            {clock.informedAt !== undefined
              ? `informed ${formatTime(clock.informedAt)}`
              : timeLeftWords(clock)}
          </span>
          <span className="clock-state">{CLOCK_STATE_LABELS[clock.state]}</span>
        </li>
      ))}
    </ul>
  );
}
