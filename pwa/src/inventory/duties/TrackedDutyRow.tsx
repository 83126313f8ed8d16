import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import {
  DUTY_STATUSES,
  saveTrackedDuty,
  type DutyStatus,
  type TrackedDutyFields,
} from '../../../../shared/documents/registry/index.ts';
import type { TrackerItem } from '../../../../shared/duty-tracker/index.ts';
import { formatDay } from '../classification-words.ts';

export const STATUS_LABELS: Record<DutyStatus, string> = {
  'to-do': 'To do',
  'in-progress': 'In progress',
  done: 'Done',
  'not-applicable': 'Not applicable',
};

interface Props {
  recordId: string;
  item: TrackerItem;
  registry: Y.Doc | undefined;
  canEdit: boolean;
  me: string;
  now: () => number;
}

/** One duty of the tracker: when it applies, its status, owner and evidence, saved whole. */
export function TrackedDutyRow({ recordId, item, registry, canEdit, me, now }: Props) {
  const t = item.tracked;
  const [status, setStatus] = useState<DutyStatus>(t?.status ?? 'to-do');
  const [owner, setOwner] = useState(t?.owner ?? '');
  const [evidence, setEvidence] = useState(t?.evidence ?? '');
  const [link, setLink] = useState(t?.link ?? '');
  const [date, setDate] = useState(t?.date ?? '');
  const [message, setMessage] = useState<{ kind: 'saved' | 'error'; text: string }>();
  // A change saved elsewhere (another lead, another device) shows: the fields start again from
  // the stored state whenever it changes, and this row's own message stays.
  const [syncedAt, setSyncedAt] = useState(t?.updatedAt);
  if (t?.updatedAt !== syncedAt) {
    setSyncedAt(t?.updatedAt);
    setStatus(t?.status ?? 'to-do');
    setOwner(t?.owner ?? '');
    setEvidence(t?.evidence ?? '');
    setLink(t?.link ?? '');
    setDate(t?.date ?? '');
  }
  const editable = canEdit && registry !== undefined;
  const id = `duty-${item.duty.id}`;

  function save(event: FormEvent) {
    event.preventDefault();
    if (!editable) return;
    const fields: TrackedDutyFields = { status };
    if (owner.trim() !== '') fields.owner = owner.trim();
    if (evidence.trim() !== '') fields.evidence = evidence;
    if (link.trim() !== '') fields.link = link.trim();
    if (date !== '') fields.date = date;
    try {
      saveTrackedDuty(registry, recordId, item.duty.id, fields, me, now());
      setMessage({ kind: 'saved', text: 'Saved.' });
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <li className="tracked-duty" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="tracked-duty-title">
        <span className={item.timing.appliesNow ? 'duty-when duty-now' : 'duty-when'}>
          {item.timing.label}
        </span>{' '}
        <cite>{item.duty.citation}</cite>: {item.duty.text}
      </p>
      <form
        className="tracked-duty-form"
        onSubmit={save}
        aria-label={`${item.duty.citation} status and evidence`}
      >
        <fieldset disabled={!editable}>
          <label>
            Status
            <select value={status} onChange={(e) => setStatus(e.target.value as DutyStatus)}>
              {DUTY_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Owner
            <input value={owner} maxLength={200} onChange={(e) => setOwner(e.target.value)} />
          </label>
          <label className="tracked-duty-evidence">
            {item.evidencePrompt}
            <textarea
              value={evidence}
              rows={2}
              maxLength={2000}
              onChange={(e) => setEvidence(e.target.value)}
            />
          </label>
          <label>
            Link (http or https)
            <input
              inputMode="url"
              className="tracked-duty-link"
              value={link}
              maxLength={2000}
              onChange={(e) => setLink(e.target.value)}
            />
          </label>
          <label>
            Date
            <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </label>
          {editable && <button type="submit">Save</button>}
        </fieldset>
      </form>
      {t && (
        <p className="muted small">
          Last changed by {t.updatedBy} on {formatDay(t.updatedAt)}.
        </p>
      )}
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind}>
          {message.text}
        </p>
      )}
    </li>
  );
}
