import type * as Y from 'yjs';
import { clockCounts } from '../../../shared/incidents/clocks.ts';
import { incidentHref } from './incident-words.ts';
import { useIncidents, useNow } from './use-incidents.ts';
import './incidents.css';

/** The dashboard's count of legal reporting clocks still waiting for someone to be informed. */
export function RunningClocks({
  registry,
  now,
}: {
  registry: Y.Doc | undefined;
  now: () => number;
}) {
  const { incidents } = useIncidents(registry);
  const time = useNow(now);
  const { open, overdue } = clockCounts(incidents.values(), time);
  return (
    <section aria-labelledby="running-clocks" className="running-clocks">
      <h2 id="running-clocks">Incident reporting clocks</h2>
      {open === 0 ? (
        <p className="muted">No reporting clock is running.</p>
      ) : (
        <p className={overdue > 0 ? 'clock-overdue-text' : undefined}>
          <a href={incidentHref()}>
            {open} {open === 1 ? 'clock' : 'clocks'} running
          </a>
          {overdue > 0 && `, ${overdue} overdue`}
        </p>
      )}
    </section>
  );
}
