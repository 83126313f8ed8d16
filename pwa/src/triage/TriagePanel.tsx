import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type * as Y from 'yjs';
import {
  MAX_REASON,
  type RegistryRecord,
  type TriageEntry,
} from '../../../shared/documents/registry/index.ts';
import {
  dayAfter,
  dismiss,
  mergeInto,
  openRecord,
  parseDay,
  snooze,
  triageLabel,
  type TriageSubject,
} from './triage-actions.ts';

export const TRIAGE_FORMS = ['open', 'merge', 'dismiss', 'snooze'] as const;
export type TriageForm = (typeof TRIAGE_FORMS)[number];

/** The single-key shortcut of each action (the inbox listens; the buttons announce them). */
export const TRIAGE_KEYS: Record<string, TriageForm> = {
  o: 'open',
  m: 'merge',
  d: 'dismiss',
  s: 'snooze',
};

const BUTTONS: Record<TriageForm, string> = {
  open: 'Open a record',
  merge: 'Merge into…',
  dismiss: 'Dismiss as noise',
  snooze: 'Snooze',
};

const NAME_MAX = 200;

interface Props {
  subject: TriageSubject;
  entry: TriageEntry | undefined;
  /** The registry document; undefined while this role has none. */
  registry: Y.Doc | undefined;
  /** The records to merge into, in the order to offer them (by name). */
  records: readonly RegistryRecord[];
  canTriage: boolean;
  /** Who is recorded as having decided (the token id, or the role). */
  by: string;
  /** The form shown, if any (the inbox owns it so that o/m/d/s can open one). */
  form: TriageForm | undefined;
  onForm(form: TriageForm | undefined): void;
  /** After a decision was written: a sentence for the status line, and whether it sets the tool aside. */
  onDone(message: string, setAside: boolean): void;
  now: () => number;
}

function who(by: string, me: string): string {
  if (by === me) return 'you';
  if (/^[a-f0-9]{32}$/.test(by)) return `token ${by.slice(0, 8)}`;
  return by || 'someone';
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Triage of one discovery: open a record from it, merge it into a record, dismiss it as noise
 * (with a reason) or snooze it until a day. Written to the registry; read-only for contributors.
 */
export function TriagePanel(props: Props) {
  const { subject, entry, registry, records, canTriage, by, form, onForm, now } = props;
  const editable = canTriage && registry !== undefined;
  const recordName = (id: string) => records.find((r) => r.id === id)?.name;
  const [error, setError] = useState<string>();

  useEffect(() => setError(undefined), [form, subject.toolKey]);

  /** Runs one write; dismissing and snoozing set the tool aside (the inbox hides it). */
  function act(write: (doc: Y.Doc) => string, setsAside: boolean) {
    if (!editable) return;
    try {
      const message = write(registry);
      setError(undefined);
      onForm(undefined);
      props.onDone(message, setsAside);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }

  return (
    <section className="triage" aria-labelledby="triage-heading">
      <h3 id="triage-heading">Triage</h3>
      <p className="triage-current">
        <span className={`triage-state ${entry?.state ?? 'new'}`}>
          {triageLabel(entry, now(), recordName)}
        </span>
        {entry && entry.state !== 'new' && entry.at > 0 && (
          <span className="muted">
            {' '}
            by {who(entry.by, by)} on {dayOf(entry.at)}
          </span>
        )}
      </p>
      {entry?.state === 'dismissed' && entry.reason && (
        <p className="triage-reason">Reason: {entry.reason}</p>
      )}
      {editable ? (
        <>
          <div className="triage-actions" role="group" aria-label="Triage actions">
            {TRIAGE_FORMS.map((kind) => (
              <button
                key={kind}
                type="button"
                aria-expanded={form === kind}
                aria-keyshortcuts={Object.keys(TRIAGE_KEYS).find((k) => TRIAGE_KEYS[k] === kind)}
                onClick={() => onForm(form === kind ? undefined : kind)}
              >
                {BUTTONS[kind]}
              </button>
            ))}
          </div>
          {form === 'open' && (
            <OpenForm
              subject={subject}
              onCancel={() => onForm(undefined)}
              onSubmit={(name) =>
                act((doc) => {
                  openRecord(doc, subject, name, { by, at: now() });
                  return `Opened a record: ${name.trim()}.`;
                }, false)
              }
            />
          )}
          {form === 'merge' && (
            <MergeForm
              records={records}
              current={entry?.recordId}
              onCancel={() => onForm(undefined)}
              onSubmit={(id) =>
                act((doc) => {
                  mergeInto(doc, subject.toolKey, id, { by, at: now() });
                  return `Merged into ${recordName(id) ?? id}.`;
                }, false)
              }
            />
          )}
          {form === 'dismiss' && (
            <DismissForm
              onCancel={() => onForm(undefined)}
              onSubmit={(reason) =>
                act((doc) => {
                  dismiss(doc, subject.toolKey, reason, { by, at: now() });
                  return `Dismissed ${subject.name}.`;
                }, true)
              }
            />
          )}
          {form === 'snooze' && (
            <SnoozeForm
              now={now}
              onCancel={() => onForm(undefined)}
              onSubmit={(until) =>
                act((doc) => {
                  snooze(doc, subject.toolKey, until, { by, at: now() });
                  return `Snoozed ${subject.name} until ${dayOf(until)}.`;
                }, true)
              }
            />
          )}
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
        </>
      ) : (
        <p className="muted">Only admins and leads triage; you can read the decision here.</p>
      )}
    </section>
  );
}

/** Focuses the form's first field when it opens, so that the keyboard carries on there. */
function useFirstField<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

function InlineForm(props: {
  label: string;
  submit: string;
  onSubmit(): void;
  onCancel(): void;
  children: ReactNode;
}) {
  return (
    <form
      className="triage-form"
      aria-label={props.label}
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      {props.children}
      <div className="triage-form-buttons">
        <button type="submit">{props.submit}</button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function OpenForm(props: {
  subject: TriageSubject;
  onSubmit(name: string): void;
  onCancel(): void;
}) {
  const [name, setName] = useState(props.subject.name.slice(0, NAME_MAX));
  const [invalid, setInvalid] = useState(false);
  const first = useFirstField<HTMLInputElement>();
  return (
    <InlineForm
      label="Open a record"
      submit="Create record"
      onCancel={props.onCancel}
      onSubmit={() => (name.trim() === '' ? setInvalid(true) : props.onSubmit(name))}
    >
      <label>
        Record name
        <input
          ref={first}
          type="text"
          value={name}
          required
          maxLength={NAME_MAX}
          aria-invalid={invalid}
          onChange={(event) => setName(event.target.value)}
        />
      </label>
      {invalid && <p className="error">A record needs a name.</p>}
    </InlineForm>
  );
}

function MergeForm(props: {
  records: readonly RegistryRecord[];
  current: string | undefined;
  onSubmit(id: string): void;
  onCancel(): void;
}) {
  const [id, setId] = useState('');
  const [invalid, setInvalid] = useState(false);
  const first = useFirstField<HTMLSelectElement>();
  if (props.records.length === 0) {
    return (
      <div className="triage-form">
        <p className="muted">There are no records yet: open one instead.</p>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    );
  }
  return (
    <InlineForm
      label="Merge into a record"
      submit="Merge"
      onCancel={props.onCancel}
      onSubmit={() => (id === '' ? setInvalid(true) : props.onSubmit(id))}
    >
      <label>
        Record
        <select
          ref={first}
          value={id}
          required
          aria-invalid={invalid}
          onChange={(event) => setId(event.target.value)}
        >
          <option value="">Choose a record…</option>
          {props.records.map((record) => (
            <option key={record.id} value={record.id}>
              {record.name}
              {record.id === props.current ? ' (current)' : ''}
            </option>
          ))}
        </select>
      </label>
      {invalid && <p className="error">Choose the record to merge into.</p>}
    </InlineForm>
  );
}

function DismissForm(props: { onSubmit(reason: string): void; onCancel(): void }) {
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  const first = useFirstField<HTMLTextAreaElement>();
  return (
    <InlineForm
      label="Dismiss as noise"
      submit="Dismiss"
      onCancel={props.onCancel}
      onSubmit={() => (reason.trim() === '' ? setInvalid(true) : props.onSubmit(reason))}
    >
      <label>
        Reason (required)
        <textarea
          ref={first}
          value={reason}
          rows={2}
          required
          maxLength={MAX_REASON}
          aria-invalid={invalid}
          aria-describedby={invalid ? 'dismiss-reason-error' : undefined}
          onChange={(event) => {
            setReason(event.target.value);
            setInvalid(false);
          }}
        />
      </label>
      {invalid && (
        <p id="dismiss-reason-error" className="error">
          Say why this is noise.
        </p>
      )}
    </InlineForm>
  );
}

function SnoozeForm(props: { now: () => number; onSubmit(until: number): void; onCancel(): void }) {
  const [value, setValue] = useState(() => dayAfter(props.now(), 7));
  const [invalid, setInvalid] = useState(false);
  const first = useFirstField<HTMLInputElement>();
  const tomorrow = dayAfter(props.now(), 1);
  return (
    <InlineForm
      label="Snooze"
      submit="Snooze until then"
      onCancel={props.onCancel}
      onSubmit={() => {
        const until = parseDay(value);
        if (until === undefined || until <= props.now()) setInvalid(true);
        else props.onSubmit(until);
      }}
    >
      <label>
        Until
        <input
          ref={first}
          type="date"
          value={value}
          min={tomorrow}
          required
          aria-invalid={invalid}
          onChange={(event) => {
            setValue(event.target.value);
            setInvalid(false);
          }}
        />
      </label>
      {invalid && <p className="error">Choose a day after today.</p>}
    </InlineForm>
  );
}
