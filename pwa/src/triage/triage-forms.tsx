import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { MAX_REASON, type RecordRef } from '../../../shared/documents/registry/index.ts';
import { dayAfter, parseDay, type TriageSubject } from './triage-actions.ts';

const NAME_MAX = 200;

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
  /** True after a refused submit: focus goes back to the field to fix, not left on the button. */
  invalid: boolean;
  children: ReactNode;
}) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (props.invalid) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [props.invalid]);
  return (
    <form
      ref={form}
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

export function OpenForm(props: {
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
      invalid={invalid}
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

export function MergeForm(props: {
  records: readonly RecordRef[];
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
      invalid={invalid}
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

export function DismissForm(props: { onSubmit(reason: string): void; onCancel(): void }) {
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  const first = useFirstField<HTMLTextAreaElement>();
  const errorId = useId();
  return (
    <InlineForm
      label="Dismiss as noise"
      submit="Dismiss"
      onCancel={props.onCancel}
      invalid={invalid}
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
          aria-describedby={invalid ? errorId : undefined}
          onChange={(event) => {
            setReason(event.target.value);
            setInvalid(false);
          }}
        />
      </label>
      {invalid && (
        <p id={errorId} className="error">
          Say why this is noise.
        </p>
      )}
    </InlineForm>
  );
}

export function SnoozeForm(props: {
  now: () => number;
  onSubmit(until: number): void;
  onCancel(): void;
}) {
  const [value, setValue] = useState(() => dayAfter(props.now(), 7));
  const [invalid, setInvalid] = useState(false);
  const first = useFirstField<HTMLInputElement>();
  const tomorrow = dayAfter(props.now(), 1);
  return (
    <InlineForm
      label="Snooze"
      submit="Snooze until then"
      onCancel={props.onCancel}
      invalid={invalid}
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
