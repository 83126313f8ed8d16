import { useMemo, useState } from 'react';
import type * as Y from 'yjs';
import type { Incident } from '../../../shared/documents/registry/index.ts';
import { clockCounts, incidentClocks, timeLeftWords } from '../../../shared/incidents/clocks.ts';
import {
  incidentRegisterCsv,
  incidentSystemOf,
  incidentRegisterJson,
  incidentReportMarkdown,
} from '../../../shared/incidents/incident-export.ts';
import { useOfferCommands } from '../palette/palette-commands.ts';
import { browserSaveFile, exportFileName, type SaveFile } from '../inventory/list/download.ts';
import { replaceRoute } from '../router/hash-route.ts';
import { useRisks } from '../risks/use-risks.ts';
import { useRegistry } from '../sync/documents.ts';
import { IncidentDetail } from './IncidentDetail.tsx';
import { IncidentDialog } from './IncidentDialog.tsx';
import type { IncidentForm } from './incident-form.ts';
import { ProposedConcerns } from './ProposedConcerns.tsx';
import {
  CLOCK_STATE_LABELS,
  KIND_LABELS,
  SEVERITY_LABELS,
  STATUS_LABELS,
  TYPE_LABELS,
  formatTime,
  incidentHref,
} from './incident-words.ts';
import { useIncidents, useNow } from './use-incidents.ts';
import './incidents.css';

export interface IncidentsPageProps {
  registry: Y.Doc | undefined;
  /** Where the relay puts employees' concerns (read by leads and contributors). */
  discoveries?: Y.Doc | undefined;
  /** Leads and admins write the registry; contributors read it. */
  canEdit: boolean;
  me: string;
  workspace: string;
  /** `#/incidents/<id>` shows one incident. */
  incidentId?: string | undefined;
  now?: () => number;
  saveFile?: SaveFile;
}

/** `#/incidents`: the AI incident register with its legal clocks; `#/incidents/<id>`: one. */
export function IncidentsPage({
  registry,
  discoveries,
  canEdit,
  me,
  workspace,
  incidentId,
  now = Date.now,
  saveFile = browserSaveFile,
}: IncidentsPageProps) {
  const { incidents, problems } = useIncidents(registry);
  const { records } = useRegistry(registry);
  const { risks } = useRisks(registry);
  const time = useNow(now);
  const [editing, setEditing] = useState<{
    incident: Incident | undefined;
    proposal?: { key: string; form: IncidentForm };
  }>();
  const recordList = useMemo(
    () => [...records.values()].sort((a, b) => a.name.localeCompare(b.name, 'en')),
    [records],
  );
  const systems = useMemo(
    () => new Map([...records.values()].map((r) => [r.id, incidentSystemOf(r)!])),
    [records],
  );
  // Newest first: the one just reported is the one people look for.
  const list = [...incidents.values()].sort((a, b) => b.detectedAt - a.detectedAt);
  const counts = clockCounts(incidents.values(), time);
  useOfferCommands(
    'incidents',
    canEdit && registry
      ? [
          {
            id: 'incident.new',
            group: 'Incidents',
            label: 'Record a new incident',
            keywords: ['near miss', 'report'],
            run: () => setEditing({ incident: undefined }),
          },
        ]
      : [],
  );

  function download(what: 'csv' | 'json') {
    saveFile({
      name: exportFileName(workspace, 'incident-register', now(), what),
      type: what === 'csv' ? 'text/csv;charset=utf-8' : 'application/json',
      text: (what === 'csv' ? incidentRegisterCsv : incidentRegisterJson)(
        incidents.values(),
        systems,
        now(),
      ),
    });
  }

  if (!registry) {
    return (
      <div className="prose">
        <h1>Incidents</h1>
        <p className="muted">This role cannot read the registry.</p>
      </div>
    );
  }
  const shown = incidentId === undefined ? undefined : incidents.get(incidentId);
  const dialog = editing && (
    <IncidentDialog
      registry={registry}
      records={recordList}
      risks={[...risks.values()]}
      incident={editing.incident}
      proposal={editing.proposal}
      me={me}
      now={now}
      onClose={() => setEditing(undefined)}
      onSaved={(id) => {
        setEditing(undefined);
        replaceRoute(incidentHref(id));
      }}
    />
  );
  if (incidentId !== undefined) {
    return (
      <div className="incidents">
        <p>
          <a href={incidentHref()}>All incidents</a>
        </p>
        {shown ? (
          <IncidentDetail
            incident={shown}
            system={records.get(shown.systemId)}
            risks={risks}
            now={time}
            canEdit={canEdit}
            onEdit={() => setEditing({ incident: shown })}
            onReport={() =>
              saveFile({
                name: exportFileName(workspace, `incident-${shown.id}`, now(), 'md'),
                type: 'text/markdown;charset=utf-8',
                text: incidentReportMarkdown(shown, systems.get(shown.systemId), {
                  workspace,
                  now: now(),
                }),
              })
            }
          />
        ) : (
          <p className="muted">No incident with this id (it may have been removed).</p>
        )}
        {dialog}
      </div>
    );
  }
  return (
    <div className="incidents">
      <div className="incidents-head">
        <h1>Incidents</h1>
        <div className="incidents-actions">
          <button type="button" onClick={() => download('csv')}>
            Export CSV
          </button>
          <button type="button" onClick={() => download('json')}>
            Export JSON
          </button>
          {canEdit && (
            <button
              type="button"
              className="primary"
              onClick={() => setEditing({ incident: undefined })}
            >
              New incident
            </button>
          )}
        </div>
      </div>
      {!canEdit && <p className="muted">Read only: leads and admins edit the register.</p>}
      <ProposedConcerns
        discoveries={discoveries}
        registry={registry}
        records={recordList}
        canEdit={canEdit}
        me={me}
        now={now}
        onAccept={(proposal) => setEditing({ incident: undefined, proposal })}
      />
      <p aria-live="polite" className={counts.overdue > 0 ? 'clock-overdue-text' : 'muted'}>
        {list.length} {list.length === 1 ? 'incident' : 'incidents'} · {counts.open} reporting{' '}
        {counts.open === 1 ? 'clock' : 'clocks'} running
        {counts.overdue > 0 && `, ${counts.overdue} overdue`}
      </p>
      {list.length === 0 ? (
        <p className="muted">No incident or near miss recorded.</p>
      ) : (
        <div className="incident-table-wrap" tabIndex={0} role="region" aria-label="Incidents">
          <table className="incident-table table-cards">
            <thead>
              <tr>
                <th scope="col">Incident</th>
                <th scope="col">System</th>
                <th scope="col">Type</th>
                <th scope="col">Severity</th>
                <th scope="col">Became known</th>
                <th scope="col">Next deadline</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {list.map((incident) => {
                const next = incidentClocks(incident, time).find(
                  (clock) => clock.informedAt === undefined,
                );
                return (
                  <tr key={incident.id} className={next ? `clock-${next.state}` : undefined}>
                    <th scope="row">
                      <a href={incidentHref(incident.id)}>{incident.title}</a>
                      {incident.kind === 'near-miss' && (
                        <span className="muted"> ({KIND_LABELS['near-miss']})</span>
                      )}
                    </th>
                    <td data-label="System">
                      {records.get(incident.systemId)?.name ?? (
                        <span className="muted">No record</span>
                      )}
                    </td>
                    <td data-label="Type">{TYPE_LABELS[incident.type]}</td>
                    <td data-label="Severity">{SEVERITY_LABELS[incident.severity]}</td>
                    <td data-label="Became known">{formatTime(incident.detectedAt)}</td>
                    <td className="clock-left" data-label="Next deadline">
                      {next
                        ? `${next.period.citation}: ${timeLeftWords(next)} (${CLOCK_STATE_LABELS[next.state]})`
                        : '—'}
                    </td>
                    <td data-label="Status">{STATUS_LABELS[incident.status]}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {problems.length > 0 && (
        <p className="muted small">
          {problems.length} unreadable {problems.length === 1 ? 'entry was' : 'entries were'} left
          out.
        </p>
      )}
      {dialog}
    </div>
  );
}
