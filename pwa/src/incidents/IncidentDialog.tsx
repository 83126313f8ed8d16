import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import {
  INCIDENT_KINDS,
  INCIDENT_STATUSES,
  INCIDENT_TYPES,
  SEVERITIES,
  acceptConcern,
  saveIncident,
  type Incident,
  type RegistryRecord,
  type Risk,
} from '../../../shared/documents/registry/index.ts';
import {
  PARTIES,
  PARTY_LABELS,
  SERIOUS_POINTS,
  SERIOUS_POINT_LABELS,
  type Party,
} from '../../../shared/incidents/reporting-periods.ts';
import { newRecordId } from '../inventory/list/new-record-id.ts';
import { FormDialog } from '../ui/FormDialog.tsx';
import { emptyIncidentForm, fieldsOf, formOf, type IncidentForm } from './incident-form.ts';
import { KIND_LABELS, SEVERITY_LABELS, STATUS_LABELS, TYPE_LABELS } from './incident-words.ts';

interface Props {
  registry: Y.Doc;
  records: readonly RegistryRecord[];
  risks: readonly Risk[];
  /** The incident being edited; undefined for a new one. */
  incident: Incident | undefined;
  me: string;
  now: () => number;
  onClose(): void;
  /** Called with the id once saved (a new incident opens its page). */
  onSaved(id: string): void;
  /** An employee's concern being accepted: its key and the form it pre-fills. */
  proposal?: { key: string; form: IncidentForm } | undefined;
}

const toggle = <T extends string>(list: T[], item: T, on: boolean) =>
  on ? [...new Set([...list, item])] : list.filter((x) => x !== item);

/** Add or edit one incident. A rejected save shows why and changes nothing. */
export function IncidentDialog(props: Props) {
  const { registry, records, risks, incident, me, now } = props;
  const [form, setForm] = useState<IncidentForm>(() =>
    incident
      ? formOf(incident)
      : (props.proposal?.form ?? emptyIncidentForm(records[0]?.id ?? '', me, now())),
  );
  const [error, setError] = useState<string>();
  const set = <K extends keyof IncidentForm>(key: K, value: IncidentForm[K]) =>
    setForm((current) => ({ ...current, [key]: value }));
  const text = (
    key: 'systemId' | 'title' | 'kind' | 'type' | 'detectedAt' | 'detectedBy' | 'severity',
  ) => ({
    value: form[key],
    onChange: (event: { target: { value: string } }) => set(key, event.target.value),
  });
  const area = (key: 'description' | 'peopleAffected' | 'correctiveAction' | 'peopleCount') => ({
    value: form[key],
    onChange: (event: { target: { value: string } }) => set(key, event.target.value),
  });
  const setNotice = (party: Party, key: 'at' | 'by' | 'to', value: string) =>
    setForm((current) => ({
      ...current,
      informed: { ...current.informed, [party]: { ...current.informed[party], [key]: value } },
    }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const id = incident?.id ?? newRecordId();
    try {
      if (props.proposal) {
        acceptConcern(registry, props.proposal.key, id, fieldsOf(form, me), me, now());
      } else saveIncident(registry, id, fieldsOf(form, me), me, now());
    } catch (failure) {
      setError(`Not saved: ${failure instanceof Error ? failure.message : String(failure)}.`);
      return;
    }
    props.onSaved(id);
  }

  return (
    <FormDialog
      open
      onOpenChange={(open) => !open && props.onClose()}
      title={incident ? 'Edit incident' : props.proposal ? 'Accept a concern' : 'New incident'}
      description="The legal clocks start at the time it became known."
      onSubmit={submit}
      error={error}
      submitLabel={incident ? 'Save incident' : 'Add incident'}
      size="wide"
      className="incident-dialog"
    >
      <label>
        System
        <select {...text('systemId')}>
          {records.length === 0 && <option value="">No records in the inventory yet</option>}
          {records.map((record) => (
            <option key={record.id} value={record.id}>
              {record.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Title (required)
        <input {...text('title')} maxLength={200} aria-required="true" />
      </label>
      <div className="incident-dialog-row">
        <label>
          Kind
          <select {...text('kind')}>
            {INCIDENT_KINDS.map((id) => (
              <option key={id} value={id}>
                {KIND_LABELS[id]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Type
          <select {...text('type')}>
            {INCIDENT_TYPES.map((id) => (
              <option key={id} value={id}>
                {TYPE_LABELS[id]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Severity
          <select {...text('severity')}>
            {SEVERITIES.map((id) => (
              <option key={id} value={id}>
                {SEVERITY_LABELS[id]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="incident-dialog-row">
        <label>
          Became known at
          <input type="datetime-local" {...text('detectedAt')} />
        </label>
        <label>
          Detected by
          <input {...text('detectedBy')} maxLength={200} />
        </label>
      </div>
      <label>
        What happened
        <textarea {...area('description')} rows={3} maxLength={4000} />
      </label>
      <div className="incident-dialog-row">
        <label>
          People affected
          <input {...area('peopleAffected')} maxLength={4000} />
        </label>
        <label>
          How many
          <input {...area('peopleCount')} inputMode="numeric" />
        </label>
      </div>
      <fieldset className="incident-picks">
        <legend>Serious incident (EU AI Act Art. 3(49))</legend>
        {SERIOUS_POINTS.map((point) => (
          <label key={point} className="check">
            <input
              type="checkbox"
              checked={form.serious.includes(point)}
              onChange={(event) =>
                set('serious', toggle(form.serious, point, event.target.checked))
              }
            />
            {SERIOUS_POINT_LABELS[point]}
          </label>
        ))}
        <label className="check">
          <input
            type="checkbox"
            checked={form.death}
            onChange={(event) => set('death', event.target.checked)}
          />
          A person died (Art. 73(4): 10 days)
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={form.widespread}
            onChange={(event) => set('widespread', event.target.checked)}
          />
          Widespread infringement (Art. 3(61); Art. 73(3): 2 days)
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={form.personalDataBreach}
            onChange={(event) => set('personalDataBreach', event.target.checked)}
          />
          Personal data breach (GDPR Art. 33: 72 hours)
        </label>
      </fieldset>
      <fieldset className="incident-notices">
        <legend>Who was informed, and when</legend>
        {PARTIES.map((party) => (
          <div
            key={party}
            className="incident-dialog-row"
            role="group"
            aria-label={PARTY_LABELS[party]}
          >
            <label>
              {PARTY_LABELS[party]}: informed at
              <input
                type="datetime-local"
                value={form.informed[party].at}
                onChange={(event) => setNotice(party, 'at', event.target.value)}
              />
            </label>
            <label>
              By
              <input
                value={form.informed[party].by}
                placeholder={me}
                maxLength={200}
                onChange={(event) => setNotice(party, 'by', event.target.value)}
              />
            </label>
            <label>
              Whom
              <input
                value={form.informed[party].to}
                maxLength={200}
                onChange={(event) => setNotice(party, 'to', event.target.value)}
              />
            </label>
          </div>
        ))}
      </fieldset>
      <label className="check">
        <input
          type="checkbox"
          checked={form.useSuspended}
          onChange={(event) => set('useSuspended', event.target.checked)}
        />
        Use of the system suspended
      </label>
      <label>
        Corrective action
        <textarea {...area('correctiveAction')} rows={2} maxLength={4000} />
      </label>
      <label>
        Status
        <select value={form.status} onChange={(event) => set('status', event.target.value)}>
          {INCIDENT_STATUSES.map((id) => (
            <option key={id} value={id}>
              {STATUS_LABELS[id]}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="incident-picks">
        <legend>Linked risks</legend>
        {risks.length === 0 && <p className="muted">No risks in the register yet.</p>}
        {risks.map((risk) => (
          <label key={risk.id} className="check">
            <input
              type="checkbox"
              checked={form.riskIds.includes(risk.id)}
              onChange={(event) =>
                set('riskIds', toggle(form.riskIds, risk.id, event.target.checked))
              }
            />
            {risk.description.slice(0, 120)}
          </label>
        ))}
      </fieldset>
    </FormDialog>
  );
}
