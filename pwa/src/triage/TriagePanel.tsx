import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import {
  setTriage,
  type RecordRef,
  type TriageEntry,
} from '../../../shared/documents/registry/index.ts';
import {
  dismiss,
  mergeInto,
  openRecord,
  snooze,
  triageLabel,
  type TriageSubject,
} from './triage-actions.ts';
import { DismissForm, MergeForm, OpenForm, SnoozeForm } from './triage-forms.tsx';
import { triageWrite } from './triage-undo.ts';
import { EarlierDecisions, ExistingRecord, existingRecord } from './triage-extras.tsx';

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

interface Props {
  subject: TriageSubject;
  entry: TriageEntry | undefined;
  /** The registry document; undefined while this role has none. */
  registry: Y.Doc | undefined;
  /** The records to merge into, in the order to offer them (by name). */
  records: readonly RecordRef[];
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
  // One record per tool: `o` on a tool that has one shows it, unless the lead asks for another.
  const existing = existingRecord(subject.toolKey, entry, records);
  const [another, setAnother] = useState(false);
  useEffect(() => setAnother(false), [subject.toolKey]);
  const setAside = entry?.state === 'dismissed' || entry?.state === 'snoozed';

  useEffect(() => setError(undefined), [form, subject.toolKey]);

  /** Runs one write; dismissing and snoozing set the tool aside (the inbox hides it). */
  function act(write: (doc: Y.Doc) => string, setsAside: boolean) {
    if (!editable) return;
    try {
      const message = triageWrite(registry, () => write(registry));
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
      {editable && setAside && (
        <button
          type="button"
          className="triage-restore"
          onClick={() =>
            act((doc) => {
              setTriage(doc, subject.toolKey, { state: 'new', by, at: now() });
              return `${subject.name} is back in the inbox.`;
            }, false)
          }
        >
          Restore to the inbox
        </button>
      )}
      {entry?.earlier && <EarlierDecisions earlier={entry.earlier} recordName={recordName} />}
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
          {form === 'open' && existing && !another && (
            <ExistingRecord
              record={existing}
              onAnother={() => setAnother(true)}
              onCancel={() => onForm(undefined)}
            />
          )}
          {form === 'open' && (!existing || another) && (
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
