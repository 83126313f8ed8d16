import type { Incident } from '../documents/registry/incidents.ts';
import { REPORTING_PERIODS, type Party, type ReportingPeriod } from './reporting-periods.ts';

/**
 * The legal clocks of an incident, a pure function of the incident and `now` (docs/incidents.md,
 * rules I1–I6). Every clock starts at `detectedAt`, when the organisation became aware of it.
 *
 * A period of N days or hours ends exactly N × 24 h (or N h) after awareness. Regulation (EEC,
 * Euratom) No 1182/71 would let a period in days run to the end of its last day; ending it at
 * the same hour instead is never later than the law, so the screen errs early, never late.
 */

export const HOUR_MS = 3_600_000;

/**
 * - `due-now`: an "immediately" duty not yet done.
 * - `running`: before its due time, nobody informed yet.
 * - `overdue`: past its due time, nobody informed yet.
 * - `met`: informed by the due time (any time, for "immediately").
 * - `late`: informed, but after the due time.
 */
export type ClockState = 'due-now' | 'running' | 'overdue' | 'met' | 'late';

export interface IncidentClock {
  period: ReportingPeriod;
  party: Party;
  startsAt: number;
  /** Equal to `startsAt` for "immediately". */
  dueAt: number;
  immediate: boolean;
  informedAt?: number;
  state: ClockState;
  /** dueAt − now while nobody is informed (negative once overdue); undefined once informed. */
  msLeft?: number;
}

/** The Art. 73 period that applies to a serious incident: the shortest of those whose case fits. */
function article73(incident: Incident): ReportingPeriod {
  if (incident.widespread || incident.serious.includes('b'))
    return REPORTING_PERIODS['ai-act-73-3'];
  if (incident.death) return REPORTING_PERIODS['ai-act-73-4'];
  return REPORTING_PERIODS['ai-act-73-2'];
}

/** The periods this incident starts, in the order they fall due. None for a near miss. */
export function applicablePeriods(incident: Incident): ReportingPeriod[] {
  if (incident.kind === 'near-miss') return [];
  const periods: ReportingPeriod[] = [];
  const serious = incident.serious.length > 0 || incident.death || incident.widespread;
  if (serious) periods.push(REPORTING_PERIODS['ai-act-26-5'], article73(incident));
  if (incident.personalDataBreach) periods.push(REPORTING_PERIODS['gdpr-33-1']);
  return periods.sort((a, b) => a.hours - b.hours);
}

function clockOf(incident: Incident, period: ReportingPeriod, now: number): IncidentClock {
  const startsAt = incident.detectedAt;
  const dueAt = startsAt + period.hours * HOUR_MS;
  const immediate = period.hours === 0;
  const clock: IncidentClock = {
    period,
    party: period.party,
    startsAt,
    dueAt,
    immediate,
    state: 'running',
  };
  const informedAt = incident.informed[period.party]?.at;
  if (informedAt !== undefined) {
    clock.informedAt = informedAt;
    clock.state = immediate || informedAt <= dueAt ? 'met' : 'late';
    return clock;
  }
  clock.msLeft = dueAt - now;
  clock.state = immediate ? 'due-now' : now > dueAt ? 'overdue' : 'running';
  return clock;
}

export function incidentClocks(incident: Incident, now: number): IncidentClock[] {
  return applicablePeriods(incident).map((period) => clockOf(incident, period, now));
}

/** A clock still waiting for someone to be informed. */
export const isOpenClock = (clock: IncidentClock): boolean =>
  clock.state === 'due-now' || clock.state === 'running' || clock.state === 'overdue';

/** Counts over a register, for the dashboard and the page head (one source for both). */
export function clockCounts(incidents: Iterable<Incident>, now: number) {
  let open = 0;
  let overdue = 0;
  for (const incident of incidents) {
    for (const clock of incidentClocks(incident, now)) {
      if (isOpenClock(clock)) open++;
      if (clock.state === 'overdue') overdue++;
    }
  }
  return { open, overdue };
}

/** "3 d 4 h left", "5 h 10 min overdue", "immediately". */
export function timeLeftWords(clock: IncidentClock): string {
  if (clock.msLeft === undefined) return '';
  if (clock.immediate) return 'immediately';
  const ms = Math.abs(clock.msLeft);
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const span =
    days > 0 ? `${days} d ${hours} h` : hours > 0 ? `${hours} h ${mins} min` : `${mins} min`;
  return clock.msLeft >= 0 ? `${span} left` : `${span} overdue`;
}
