import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import {
  IMPLEMENTATION_STATES,
  readOwnControls,
  removeOwnControl,
  saveOwnControl,
  type OwnControl,
} from '../../../../shared/documents/registry/index.ts';
import { IMPLEMENTATION_LABELS } from '../../../../shared/exports/words.ts';
import { iso27001Item } from '../../../../shared/iso27001/index.ts';
import { newRecordId } from '../../inventory/list/new-record-id.ts';
import { sharedReader, useDocument } from '../../sync/use-document.ts';
import {
  EMPTY_OWN_CONTROL,
  ownFieldsOf,
  ownFormOf,
  type OwnControlForm,
} from './own-control-form.ts';

const NONE: ReturnType<typeof readOwnControls> = { controls: [], problems: [] };
const readShared = sharedReader((doc) => ({ read: () => readOwnControls(doc) }));
export const useOwnControls = (registry: Y.Doc | undefined) =>
  useDocument(registry, readShared, NONE);

interface Props {
  registry: Y.Doc;
  canEdit: boolean;
  me: string;
  now: () => number;
}

/**
 * The SoA's controls from other sources than Annex A (SOA1–SOA3): a reused ISO/IEC 27001
 * control, a group standard, an internal rule — each with the justification of its inclusion or
 * exclusion.
 */
export function OwnControls({ registry, canEdit, me, now }: Props) {
  const { controls, problems } = useOwnControls(registry);
  const [editing, setEditing] = useState<{ id?: string; form: OwnControlForm }>();
  return (
    <section aria-labelledby="soa-own" className="soa-own">
      <h2 id="soa-own">The organisation’s own controls</h2>
      <p className="muted">
        Controls from other sources than Annex A (ISO/IEC 42001 6.1.3), for example a reused ISO
        27001 control. Each needs a justification, for inclusion as for exclusion.
      </p>
      {controls.length === 0 && <p className="muted">None yet.</p>}
      {controls.map((control) => (
        <OwnControlCard
          key={control.id}
          control={control}
          canEdit={canEdit}
          onEdit={() => setEditing({ id: control.id, form: ownFormOf(control) })}
          onRemove={() => removeOwnControl(registry, control.id)}
        />
      ))}
      {problems.length > 0 && (
        <p className="muted small">{problems.length} unreadable entries were left out.</p>
      )}
      {canEdit &&
        (editing ? (
          <OwnControlEditor
            initial={editing.form}
            onCancel={() => setEditing(undefined)}
            onSave={(form) => {
              saveOwnControl(registry, editing.id ?? newRecordId(), ownFieldsOf(form), me, now());
              setEditing(undefined);
            }}
          />
        ) : (
          <button type="button" onClick={() => setEditing({ form: EMPTY_OWN_CONTROL })}>
            Add own control
          </button>
        ))}
    </section>
  );
}

function OwnControlCard(props: {
  control: OwnControl;
  canEdit: boolean;
  onEdit(): void;
  onRemove(): void;
}) {
  const { control } = props;
  const iso = control.iso27001 ? iso27001Item(control.iso27001) : undefined;
  return (
    <article className="soa-control soa-own-control" aria-labelledby={`own-${control.id}`}>
      <h3 id={`own-${control.id}`}>
        {control.ref} {control.title}
      </h3>
      <dl className="soa-summary">
        {control.source && (
          <>
            <dt>Source</dt>
            <dd>{control.source}</dd>
          </>
        )}
        {iso && (
          <>
            <dt>ISO/IEC 27001:2022</dt>
            <dd>
              {iso.id} {iso.title}
            </dd>
          </>
        )}
        <dt>Applicable</dt>
        <dd>{control.applicable ? 'Yes' : 'No'}</dd>
        <dt>
          {control.applicable ? 'Justification for inclusion' : 'Justification for exclusion'}
        </dt>
        <dd>{control.justification}</dd>
        <dt>Implementation</dt>
        <dd>
          {control.applicable ? IMPLEMENTATION_LABELS[control.implementation] : 'Not applicable'}
        </dd>
        {control.owner && (
          <>
            <dt>Owner</dt>
            <dd>{control.owner}</dd>
          </>
        )}
        {control.evidence.length > 0 && (
          <>
            <dt>Evidence</dt>
            <dd>
              {control.evidence.map((url) => (
                <a key={url} href={url} rel="noreferrer noopener" target="_blank">
                  {url}
                </a>
              ))}
            </dd>
          </>
        )}
      </dl>
      {props.canEdit && (
        <p>
          <button type="button" onClick={props.onEdit} aria-label={`Edit ${control.ref}`}>
            Edit
          </button>{' '}
          <button type="button" onClick={props.onRemove} aria-label={`Remove ${control.ref}`}>
            Remove
          </button>
        </p>
      )}
    </article>
  );
}

function OwnControlEditor(props: {
  initial: OwnControlForm;
  onSave(form: OwnControlForm): void;
  onCancel(): void;
}) {
  const [form, setForm] = useState(props.initial);
  const [error, setError] = useState<string>();
  const bind = (key: keyof OwnControlForm) => ({
    value: form[key],
    onChange: (event: { target: { value: string } }) =>
      setForm((current) => ({ ...current, [key]: event.target.value })),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    try {
      props.onSave(form);
    } catch (failure) {
      setError(`Not saved: ${failure instanceof Error ? failure.message : String(failure)}.`);
    }
  };
  return (
    <form onSubmit={submit} className="own-control-form" aria-label="Own control">
      <label>
        Reference (your number, e.g. ORG-3)
        <input {...bind('ref')} maxLength={40} required />
      </label>
      <label>
        Title
        <input {...bind('title')} maxLength={200} required />
      </label>
      <label>
        Source
        <input {...bind('source')} maxLength={200} placeholder="ISO/IEC 27001:2022 ISMS" />
      </label>
      <label>
        ISO/IEC 27001:2022 control it is (optional)
        <input {...bind('iso27001')} maxLength={10} placeholder="A.8.15" />
      </label>
      <label>
        Applicable
        <select {...bind('applicable')}>
          <option value="yes">Yes</option>
          <option value="no">No</option>
        </select>
      </label>
      <label>
        {form.applicable === 'yes' ? 'Justification for inclusion' : 'Justification for exclusion'}{' '}
        (required)
        <textarea {...bind('justification')} rows={2} maxLength={2000} />
      </label>
      <label>
        Implementation
        <select {...bind('implementation')}>
          {IMPLEMENTATION_STATES.map((state) => (
            <option key={state} value={state}>
              {IMPLEMENTATION_LABELS[state]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Owner
        <input {...bind('owner')} maxLength={200} />
      </label>
      <label>
        Evidence links (one a line, http or https)
        <textarea {...bind('evidence')} rows={2} />
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <p>
        <button type="submit" className="primary">
          Save own control
        </button>{' '}
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </p>
    </form>
  );
}
