import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import {
  RISK_STATUSES,
  TREATMENTS,
  checkRiskErm,
  saveRisk,
  saveRiskErm,
  type RegistryRecord,
  type Risk,
} from '../../../shared/documents/registry/index.ts';
import { ANNEX_A_CONTROLS, ANNEX_A_GROUPS, RISK_SOURCES } from '../../../shared/iso42001/index.ts';
import { newRecordId } from '../inventory/list/new-record-id.ts';
import { FormDialog } from '../ui/FormDialog.tsx';
import { EMPTY_RISK_FORM, fieldsOf, formOf, type RiskForm } from './risk-form.ts';
import { PersonInput } from '../people/PersonInput.tsx';
import { STATUS_LABELS, TREATMENT_LABELS } from './risk-rows.ts';
import { ermFieldsOf, ermFormOf } from './erm/erm-form.ts';
import { RiskErmFields } from './erm/RiskErmFields.tsx';
import { useRiskErm } from './erm/use-risk-erm.ts';

interface Props {
  registry: Y.Doc;
  records: readonly RegistryRecord[];
  /** The risk being edited; undefined for a new one. */
  risk: Risk | undefined;
  me: string;
  now: () => number;
  onClose(): void;
}

const RATINGS = ['1', '2', '3', '4', '5'];
const LIKELIHOOD = ['rare', 'unlikely', 'possible', 'likely', 'almost certain'];
const IMPACT = ['negligible', 'minor', 'moderate', 'major', 'severe'];

const toggle = (list: string[], item: string, on: boolean) =>
  on ? [...new Set([...list, item])] : list.filter((x) => x !== item);

/** Add or edit one risk. Mounted while open; a rejected save shows why and changes nothing. */
export function RiskDialog({ registry, records, risk, me, now, onClose }: Props) {
  const [form, setForm] = useState<RiskForm>(() => (risk ? formOf(risk) : EMPTY_RISK_FORM));
  const [error, setError] = useState<string>();
  const stored = useRiskErm(registry).erm;
  const [erm, setErm] = useState(() => ermFormOf(risk ? stored.get(risk.id) : undefined));
  const set = <K extends keyof RiskForm>(key: K, value: RiskForm[K]) =>
    setForm((current) => ({ ...current, [key]: value }));
  const text = (key: 'source' | 'description' | 'likelihood' | 'impact' | 'owner') => ({
    value: form[key],
    onChange: (event: { target: { value: string } }) => set(key, event.target.value),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const fields = fieldsOf(form);
      const ermFields = ermFieldsOf(erm);
      // Both checked before either writes: a transaction is not undone by a throw.
      checkRiskErm(ermFields);
      const id = risk?.id ?? newRecordId();
      const at = now();
      registry.transact(() => {
        saveRisk(registry, id, fields, me, at);
        saveRiskErm(registry, id, ermFields, me, at);
      });
    } catch (failure) {
      setError(`Not saved: ${failure instanceof Error ? failure.message : String(failure)}.`);
      return;
    }
    onClose();
  }

  const title = risk ? 'Edit risk' : 'New risk';
  return (
    <FormDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={title}
      description="Score = likelihood × impact; the band follows from the score."
      onSubmit={submit}
      error={error}
      submitLabel={risk ? 'Save risk' : 'Add risk'}
      size="wide"
      className="risk-dialog"
    >
      <label>
        Source
        <select {...text('source')}>
          {RISK_SOURCES.map((source) => (
            <option key={source.id} value={source.id}>
              {source.label}
              {source.origin === 'annex-c' ? ' (Annex C)' : ''}
            </option>
          ))}
        </select>
      </label>
      <label>
        Description (required)
        <textarea {...text('description')} rows={3} aria-required="true" maxLength={4000} />
      </label>
      <div className="risk-dialog-row">
        <label>
          Likelihood
          <select {...text('likelihood')}>
            {RATINGS.map((n, i) => (
              <option key={n} value={n}>{`${n} – ${LIKELIHOOD[i]}`}</option>
            ))}
          </select>
        </label>
        <label>
          Impact
          <select {...text('impact')}>
            {RATINGS.map((n, i) => (
              <option key={n} value={n}>{`${n} – ${IMPACT[i]}`}</option>
            ))}
          </select>
        </label>
      </div>
      <label>
        Owner
        <PersonInput
          aria-label="Owner"
          value={form.owner}
          onValue={(value) => set('owner', value)}
          maxLength={200}
        />
      </label>
      <div className="risk-dialog-row">
        <label>
          Treatment
          <select value={form.treatment} onChange={(event) => set('treatment', event.target.value)}>
            {TREATMENTS.map((id) => (
              <option key={id} value={id}>
                {TREATMENT_LABELS[id]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select value={form.status} onChange={(event) => set('status', event.target.value)}>
            {RISK_STATUSES.map((id) => (
              <option key={id} value={id}>
                {STATUS_LABELS[id]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Due date
          <input
            type="date"
            value={form.dueDate}
            onChange={(event) => set('dueDate', event.target.value)}
          />
        </label>
      </div>
      <RiskErmFields
        form={erm}
        likelihood={Number(form.likelihood)}
        impact={Number(form.impact)}
        onChange={setErm}
      />
      <fieldset className="risk-picks">
        <legend>Systems</legend>
        {records.length === 0 && <p className="muted">No records in the inventory yet.</p>}
        {records.map((record) => (
          <label key={record.id} className="check">
            <input
              type="checkbox"
              checked={form.systemIds.includes(record.id)}
              onChange={(event) =>
                set('systemIds', toggle(form.systemIds, record.id, event.target.checked))
              }
            />
            {record.name}
          </label>
        ))}
      </fieldset>
      <fieldset className="risk-picks">
        <legend>Annex A controls</legend>
        {ANNEX_A_GROUPS.map((group) => (
          <div key={group.id} role="group" aria-label={`${group.id} ${group.title}`}>
            <p className="risk-picks-group">
              {group.id} {group.title}
            </p>
            {ANNEX_A_CONTROLS.filter((c) => c.group === group.id).map((control) => (
              <label key={control.id} className="check">
                <input
                  type="checkbox"
                  checked={form.controls.includes(control.id)}
                  onChange={(event) =>
                    set('controls', toggle(form.controls, control.id, event.target.checked))
                  }
                />
                {control.id} {control.title}
              </label>
            ))}
          </div>
        ))}
      </fieldset>
    </FormDialog>
  );
}
