import { escapeMarkdown } from '../assessments/escape.ts';
import { jsonProvenanceOf, type ExportProvenance } from '../assessments/provenance.ts';
import { PROVENANCE_COLUMNS, stamp } from '../assessments/registers-export.ts';
import type { Incident } from '../documents/registry/incidents.ts';
import { byCodeUnit } from '../documents/schema/values.ts';
import { csvDocument } from '../inventory/csv.ts';
import { incidentClocks, type IncidentClock } from './clocks.ts';
import {
  PARTIES,
  PARTY_LABELS,
  SERIOUS_POINT_LABELS,
  type LegalSource,
} from './reporting-periods.ts';

/**
 * The incident register as CSV and JSON (for an ISO/IEC 27001 incident process), and one incident
 * as a Markdown report whose sections follow the Commission's reporting template for serious
 * incidents under Art. 73. Deterministic: incidents by id, fixed columns, times in ISO-8601 UTC;
 * the clocks are computed at the `now` the caller passes and say so.
 */

/** What an export says about the system an incident concerns (from its inventory record). */
export interface IncidentSystem {
  name: string;
  vendor?: string;
  provider?: string;
  model?: string;
}

/** What the exports say of an incident's system, from its inventory record (one reading for the PWA and the CLI). */
export const incidentSystemOf = (
  record: { name: string; vendor?: string; provider?: string; model?: string } | undefined,
): IncidentSystem | undefined =>
  record && {
    name: record.name,
    ...(record.vendor ? { vendor: record.vendor } : {}),
    ...(record.provider ? { provider: record.provider } : {}),
    ...(record.model ? { model: record.model } : {}),
  };

const iso = (time: number | undefined) =>
  time === undefined || time <= 0 ? '' : new Date(time).toISOString();
const LIST = '; ';
const sorted = (incidents: Iterable<Incident>) =>
  [...incidents].sort((a, b) => byCodeUnit(a.id, b.id));

export const INCIDENT_COLUMNS = [
  'ID',
  'System',
  'System name',
  'Title',
  'Kind',
  'Type',
  'Detected at',
  'Detected by',
  'Severity',
  'Serious (Art. 3(49))',
  'Death',
  'Widespread infringement',
  'Personal data breach',
  'People affected',
  'People affected (number)',
  'Use suspended',
  ...PARTIES.map((party) => `${PARTY_LABELS[party]} informed at`),
  'Clocks',
  'Risks',
  'Corrective action',
  'Status',
  'Description',
  'Last changed',
  'Changed by',
] as const;

function clockWords(clock: IncidentClock): string {
  return `${clock.period.citation} due ${iso(clock.dueAt)}: ${clock.state}`;
}

/** `provenance`: who exported, when and from what state, on every row (`sightline export`). */
export function incidentRegisterCsv(
  incidents: Iterable<Incident>,
  systems: ReadonlyMap<string, IncidentSystem>,
  now: number,
  provenance?: ExportProvenance,
): string {
  const rows = sorted(incidents).map((incident) => [
    incident.id,
    incident.systemId,
    systems.get(incident.systemId)?.name ?? '',
    incident.title,
    incident.kind,
    incident.type,
    iso(incident.detectedAt),
    incident.detectedBy,
    incident.severity,
    incident.serious.map((point) => `3(49)(${point})`).join(LIST),
    incident.death ? 'yes' : 'no',
    incident.widespread ? 'yes' : 'no',
    incident.personalDataBreach ? 'yes' : 'no',
    incident.peopleAffected,
    incident.peopleCount === undefined ? '' : String(incident.peopleCount),
    incident.useSuspended ? 'yes' : 'no',
    ...PARTIES.map((party) => iso(incident.informed[party]?.at)),
    incidentClocks(incident, now).map(clockWords).join(LIST),
    incident.riskIds.join(LIST),
    incident.correctiveAction,
    incident.status,
    incident.description,
    iso(incident.updatedAt),
    incident.updatedBy,
    ...stamp(provenance),
  ]);
  return csvDocument([[...INCIDENT_COLUMNS, ...(provenance ? PROVENANCE_COLUMNS : [])], ...rows]);
}

const sourceJson = (source: LegalSource) => ({ ...source });

export function incidentRegisterJson(
  incidents: Iterable<Incident>,
  systems: ReadonlyMap<string, IncidentSystem>,
  now: number,
  provenance?: ExportProvenance,
): string {
  const list = sorted(incidents).map((incident) => ({
    ...incident,
    systemName: systems.get(incident.systemId)?.name ?? null,
    detectedAt: iso(incident.detectedAt),
    createdAt: iso(incident.createdAt),
    updatedAt: iso(incident.updatedAt),
    informed: Object.fromEntries(
      PARTIES.filter((party) => incident.informed[party]).map((party) => [
        party,
        { ...incident.informed[party], at: iso(incident.informed[party]?.at) },
      ]),
    ),
    clocks: incidentClocks(incident, now).map((clock) => ({
      period: clock.period.id,
      citation: clock.period.citation,
      source: sourceJson(clock.period.source),
      party: clock.party,
      dueAt: iso(clock.dueAt),
      immediate: clock.immediate,
      informedAt: clock.informedAt === undefined ? null : iso(clock.informedAt),
      state: clock.state,
    })),
  }));
  const exported = jsonProvenanceOf(provenance);
  return (
    JSON.stringify(
      { ...(exported ? { exported } : {}), clocksAt: iso(now), incidents: list },
      null,
      2,
    ) + '\n'
  );
}

const yesNo = (flag: boolean) => (flag ? 'Yes' : 'No');
const md = (text: string) => (text.trim() === '' ? '—' : escapeMarkdown(text));

/**
 * One incident as a Markdown report. The sections follow the Commission's draft template for
 * reporting serious incidents under Art. 73 (consultation of 26 September 2025): reporter,
 * AI system, the incident, its seriousness, people affected, notifications, measures taken.
 */
export function incidentReportMarkdown(
  incident: Incident,
  system: IncidentSystem | undefined,
  options: { workspace: string; now: number },
): string {
  const clocks = incidentClocks(incident, options.now);
  const lines = [
    `# Incident report: ${md(incident.title)}`,
    '',
    `Incident ${incident.id} · ${incident.kind === 'near-miss' ? 'near miss' : 'incident'} · status ${incident.status} · clocks as at ${iso(options.now)}`,
    '',
    '## 1. Reporter',
    '',
    `- Organisation (deployer): ${md(options.workspace)}`,
    `- Detected by: ${md(incident.detectedBy)}`,
    `- Recorded by: ${md(incident.createdBy)}, last changed by ${md(incident.updatedBy)} at ${iso(incident.updatedAt)}`,
    '',
    '## 2. AI system',
    '',
    `- System: ${system ? md(system.name) : `${incident.systemId} (not in the inventory)`}`,
    `- Provider: ${md(system?.provider ?? system?.vendor ?? '')}`,
    `- Model: ${md(system?.model ?? '')}`,
    '',
    '## 3. The incident',
    '',
    `- Became known (clocks start): ${iso(incident.detectedAt)}`,
    `- Type: ${incident.type}`,
    `- Severity: ${incident.severity}`,
    '',
    md(incident.description),
    '',
    '## 4. Seriousness (Art. 3(49))',
    '',
    ...(incident.serious.length === 0
      ? ['- Not a serious incident under Art. 3(49).']
      : incident.serious.map((point) => `- ${SERIOUS_POINT_LABELS[point]}`)),
    `- Death of a person (Art. 73(4)): ${yesNo(incident.death)}`,
    `- Widespread infringement (Art. 73(3)): ${yesNo(incident.widespread)}`,
    `- Personal data breach (GDPR Art. 33): ${yesNo(incident.personalDataBreach)}`,
    '',
    '## 5. People affected',
    '',
    md(incident.peopleAffected),
    ...(incident.peopleCount === undefined ? [] : ['', `Number: ${incident.peopleCount}`]),
    '',
    '## 6. Reporting deadlines and notifications',
    '',
    ...(clocks.length === 0
      ? ['No legal reporting period applies.']
      : [
          '| Duty | Due | Informed | State |',
          '| --- | --- | --- | --- |',
          ...clocks.map(
            (clock) =>
              `| ${clock.period.citation} — ${PARTY_LABELS[clock.party]} | ${clock.immediate ? 'immediately' : iso(clock.dueAt)} | ${iso(clock.informedAt) || '—'} | ${clock.state} |`,
          ),
        ]),
    '',
    ...PARTIES.filter((party) => incident.informed[party]).map((party) => {
      const notice = incident.informed[party]!;
      const to = notice.to ? ` (${md(notice.to)})` : '';
      return `- ${PARTY_LABELS[party]}${to}: informed ${iso(notice.at)} by ${md(notice.by)}`;
    }),
    '',
    '## 7. Measures taken',
    '',
    `- Use suspended: ${yesNo(incident.useSuspended)}`,
    `- Linked risks: ${incident.riskIds.length === 0 ? '—' : incident.riskIds.join(', ')}`,
    '',
    md(incident.correctiveAction),
    '',
    '## Sources',
    '',
    ...[...new Set(clocks.map((clock) => clock.period.source))].map(
      (source) => `- ${source.title}, ${source.url} (read ${source.read})`,
    ),
    '',
  ];
  return lines.join('\n').replace(/\n{3,}/g, '\n\n');
}
