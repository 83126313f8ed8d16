import type {
  IncidentKind,
  IncidentStatus,
  IncidentType,
  Severity,
} from '../../../shared/documents/registry/index.ts';
import type { ClockState } from '../../../shared/incidents/clocks.ts';

export const KIND_LABELS: Record<IncidentKind, string> = {
  incident: 'Incident',
  'near-miss': 'Near miss',
};
export const TYPE_LABELS: Record<IncidentType, string> = {
  harm: 'Harm',
  'bias-complaint': 'Bias complaint',
  drift: 'Drift',
  misuse: 'Misuse',
  security: 'Security',
  malfunction: 'Malfunction',
};
export const SEVERITY_LABELS: Record<Severity, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};
export const STATUS_LABELS: Record<IncidentStatus, string> = {
  open: 'Open',
  investigating: 'Investigating',
  closed: 'Closed',
};
export const CLOCK_STATE_LABELS: Record<ClockState, string> = {
  'due-now': 'Due now',
  running: 'Running',
  overdue: 'Overdue',
  met: 'Met',
  late: 'Met late',
};

export const incidentHref = (id?: string) =>
  id === undefined ? '#/incidents' : `#/incidents/${encodeURIComponent(id)}`;

/** A time as this device shows it: `2027-03-01 10:30` in the local time zone. */
export function formatTime(time: number): string {
  const d = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
