import type { Incident, RegistryRecord, Risk } from '../../../shared/documents/registry/index.ts';
import {
  PARTIES,
  PARTY_LABELS,
  SERIOUS_POINT_LABELS,
} from '../../../shared/incidents/reporting-periods.ts';
import { recordHref } from '../inventory/list/record-href.ts';
import { IncidentClocks } from './IncidentClocks.tsx';
import {
  KIND_LABELS,
  SEVERITY_LABELS,
  STATUS_LABELS,
  TYPE_LABELS,
  formatTime,
} from './incident-words.ts';

interface Props {
  incident: Incident;
  system: RegistryRecord | undefined;
  risks: ReadonlyMap<string, Risk>;
  now: number;
  canEdit: boolean;
  onEdit(): void;
  onReport(): void;
}

/** One incident: its clocks first (what must happen next), then the facts. */
export function IncidentDetail({ incident, system, risks, now, canEdit, onEdit, onReport }: Props) {
  const informed = PARTIES.filter((party) => incident.informed[party]);
  return (
    <article className="incident-detail" aria-labelledby="incident-title">
      <div className="incidents-head">
        <h1 id="incident-title">{incident.title}</h1>
        <div className="incidents-actions">
          <button type="button" onClick={onReport}>
            Download report (Markdown)
          </button>
          {canEdit && (
            <button type="button" className="primary" onClick={onEdit}>
              Edit incident
            </button>
          )}
        </div>
      </div>
      <p className="muted">
        {KIND_LABELS[incident.kind]} · {TYPE_LABELS[incident.type]} · severity{' '}
        {SEVERITY_LABELS[incident.severity].toLowerCase()} · {STATUS_LABELS[incident.status]}
      </p>
      <h2>Reporting clocks</h2>
      <IncidentClocks incident={incident} now={now} />
      <dl className="incident-facts">
        <dt>System</dt>
        <dd>
          {system ? (
            <a href={recordHref(system.id)}>{system.name}</a>
          ) : (
            <span className="muted">{incident.systemId} (no record)</span>
          )}
        </dd>
        <dt>Became known</dt>
        <dd>
          {formatTime(incident.detectedAt)} · by {incident.detectedBy || '—'}
        </dd>
        <dt>What happened</dt>
        <dd className="incident-text">{incident.description || '—'}</dd>
        <dt>People affected</dt>
        <dd className="incident-text">
          {incident.peopleAffected || '—'}
          {incident.peopleCount !== undefined && ` (${incident.peopleCount.toLocaleString('en')})`}
        </dd>
        <dt>Serious incident</dt>
        <dd>
          {incident.serious.length === 0
            ? 'No'
            : incident.serious.map((point) => SERIOUS_POINT_LABELS[point]).join('; ')}
          {incident.death && '; a person died'}
          {incident.widespread && '; widespread infringement'}
        </dd>
        <dt>Personal data breach</dt>
        <dd>{incident.personalDataBreach ? 'Yes' : 'No'}</dd>
        <dt>Informed</dt>
        <dd>
          {informed.length === 0
            ? 'Nobody yet'
            : informed.map((party) => {
                const notice = incident.informed[party]!;
                return (
                  <div key={party}>
                    {PARTY_LABELS[party]}
                    {notice.to && ` (${notice.to})`}: {formatTime(notice.at)} by {notice.by}
                  </div>
                );
              })}
        </dd>
        <dt>Use suspended</dt>
        <dd>{incident.useSuspended ? 'Yes' : 'No'}</dd>
        <dt>Linked risks</dt>
        <dd>
          {incident.riskIds.length === 0
            ? '—'
            : incident.riskIds.map((id) => (
                <div key={id}>
                  {risks.get(id)?.description ?? `${id} (no longer in the register)`}
                </div>
              ))}
        </dd>
        <dt>Corrective action</dt>
        <dd className="incident-text">{incident.correctiveAction || '—'}</dd>
        <dt>Recorded</dt>
        <dd className="muted">
          by {incident.createdBy || '—'}; last changed {formatTime(incident.updatedAt)} by{' '}
          {incident.updatedBy || '—'}
        </dd>
      </dl>
    </article>
  );
}
