import { incidentClocks, isOpenClock, timeLeftWords } from '../incidents/clocks.ts';
import { PARTY_LABELS } from '../incidents/reporting-periods.ts';
import type { WorkspaceFacts } from './facts.ts';
import { incidentHref } from './hrefs.ts';
import { notificationId } from './ids.ts';
import type { WorkspaceNotification } from './notification.ts';

/**
 * NTF5 `clock.due`: an incident's legal reporting clock still waiting for someone to be informed
 * (incidentClocks: due now, running or overdue — docs/incidents.md I1–I6), for every lead. The id
 * carries the period and its due time: correcting the awareness time makes a new clock.
 */
export function clockDueNotifications(facts: WorkspaceFacts, now: number): WorkspaceNotification[] {
  const out: WorkspaceNotification[] = [];
  for (const incident of facts.incidents) {
    const subject = {
      type: 'incident',
      id: incident.id,
      title: incident.title,
      href: incidentHref(incident.id),
    } as const;
    for (const clock of incidentClocks(incident, now)) {
      if (!isOpenClock(clock)) continue;
      const party = PARTY_LABELS[clock.party];
      out.push({
        id: notificationId('clock.due', 'incident', incident.id, clock.period.id, clock.dueAt),
        kind: 'clock.due',
        subject,
        summary: `${incident.title}: inform the ${party.toLowerCase()} (${clock.period.citation}), ${timeLeftWords(clock)}`,
        at: clock.startsAt,
        dueAt: clock.dueAt,
        recipients: [],
      });
    }
  }
  return out;
}
