import {
  PARTIES,
  type Party,
  type SeriousPoint,
} from '../../../shared/incidents/reporting-periods.ts';
import type { Incident, IncidentFields } from '../../../shared/documents/registry/index.ts';

/** One notice as typed: a local date-time (blank = not informed), who informed, and whom. */
export interface NoticeForm {
  at: string;
  by: string;
  to: string;
}

/** What the incident dialog edits: text as typed, choices as chosen. */
export interface IncidentForm {
  systemId: string;
  title: string;
  kind: string;
  type: string;
  /** A `datetime-local` value, in this device's time zone. */
  detectedAt: string;
  detectedBy: string;
  description: string;
  peopleAffected: string;
  peopleCount: string;
  severity: string;
  serious: SeriousPoint[];
  death: boolean;
  widespread: boolean;
  personalDataBreach: boolean;
  informed: Record<Party, NoticeForm>;
  useSuspended: boolean;
  riskIds: string[];
  correctiveAction: string;
  status: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Epoch ms as a `datetime-local` value in this device's time zone. */
export function localInput(time: number): string {
  const d = new Date(time);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value (local time) as epoch ms; throws a clear error for anything else. */
export function fromLocalInput(what: string, text: string): number {
  const time = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(text)
    ? new Date(text).getTime()
    : NaN;
  if (Number.isNaN(time)) throw new RangeError(`${what} must be a date and time`);
  return time;
}

const noNotices = (): Record<Party, NoticeForm> =>
  Object.fromEntries(PARTIES.map((party) => [party, { at: '', by: '', to: '' }])) as Record<
    Party,
    NoticeForm
  >;

export function emptyIncidentForm(systemId: string, me: string, now: number): IncidentForm {
  return {
    systemId,
    title: '',
    kind: 'incident',
    type: 'malfunction',
    detectedAt: localInput(now),
    detectedBy: me,
    description: '',
    peopleAffected: '',
    peopleCount: '',
    severity: 'medium',
    serious: [],
    death: false,
    widespread: false,
    personalDataBreach: false,
    informed: noNotices(),
    useSuspended: false,
    riskIds: [],
    correctiveAction: '',
    status: 'open',
  };
}

export function formOf(incident: Incident): IncidentForm {
  const informed = noNotices();
  for (const party of PARTIES) {
    const notice = incident.informed[party];
    if (notice) informed[party] = { at: localInput(notice.at), by: notice.by, to: notice.to ?? '' };
  }
  return {
    systemId: incident.systemId,
    title: incident.title,
    kind: incident.kind,
    type: incident.type,
    detectedAt: localInput(incident.detectedAt),
    detectedBy: incident.detectedBy,
    description: incident.description,
    peopleAffected: incident.peopleAffected,
    peopleCount: incident.peopleCount === undefined ? '' : String(incident.peopleCount),
    severity: incident.severity,
    serious: [...incident.serious],
    death: incident.death,
    widespread: incident.widespread,
    personalDataBreach: incident.personalDataBreach,
    informed,
    useSuspended: incident.useSuspended,
    riskIds: [...incident.riskIds],
    correctiveAction: incident.correctiveAction,
    status: incident.status,
  };
}

/**
 * The fields to hand to `saveIncident`. Only the shape is settled here (times, numbers, blanks
 * left out); the writer validates every value and throws, changing nothing, when one is wrong.
 * A notice without a time is no notice; one with a time but nobody named is refused there.
 */
export function fieldsOf(form: IncidentForm, me: string): IncidentFields {
  const informed: IncidentFields['informed'] = {};
  for (const party of PARTIES) {
    const notice = form.informed[party];
    if (notice.at.trim() === '') continue;
    informed[party] = {
      at: fromLocalInput(`informed (${party})`, notice.at),
      by: notice.by.trim() || me,
      ...(notice.to.trim() === '' ? {} : { to: notice.to.trim() }),
    };
  }
  const count = form.peopleCount.trim();
  return {
    systemId: form.systemId,
    title: form.title.trim(),
    kind: form.kind,
    type: form.type,
    detectedAt: fromLocalInput('detected at', form.detectedAt),
    detectedBy: form.detectedBy.trim(),
    description: form.description.trim(),
    peopleAffected: form.peopleAffected.trim(),
    ...(count === '' ? {} : { peopleCount: Number(count) }),
    severity: form.severity,
    serious: form.serious,
    death: form.death,
    widespread: form.widespread,
    personalDataBreach: form.personalDataBreach,
    informed,
    useSuspended: form.useSuspended,
    riskIds: form.riskIds,
    correctiveAction: form.correctiveAction.trim(),
    status: form.status,
  } as IncidentFields;
}
