import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import {
  MAX_REASON,
  deleteRecord,
  mergeRecords,
  setArchived,
  type RegistryRecord,
} from '../../../../shared/documents/registry/index.ts';
import { formatDay } from '../classification-words.ts';
import { recordHref } from '../list/record-href.ts';
import { personShown } from './record-words.ts';

interface Props {
  record: RegistryRecord;
  /** Every other record it could be merged into, by name. */
  others: readonly RegistryRecord[];
  registry: Y.Doc;
  me: string;
  /** Deleting is for admins only. */
  isAdmin: boolean;
  now: () => number;
}

type Form = 'merge' | 'delete' | undefined;

/**
 * Correcting a record (rule RC3): archive it (kept, hidden, restorable), merge it into another
 * (everything follows), or, for an admin, delete it with a reason. Each is in the history.
 */
export function RecordActions({ record, others, registry, me, isAdmin, now }: Props) {
  const [form, setForm] = useState<Form>();
  const [into, setInto] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const run = (write: () => void, then?: string) => {
    try {
      write();
      setError(undefined);
      setForm(undefined);
      setReason('');
      if (then !== undefined) window.location.hash = then;
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };
  const stamp = () => ({ by: me, at: now(), ...(reason.trim() ? { reason: reason.trim() } : {}) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form === 'merge') {
      if (into === '') return setError('Choose the record to keep.');
      run(() => mergeRecords(registry, record.id, into, stamp()), recordHref(into));
    } else if (form === 'delete') {
      if (reason.trim() === '') return setError('Say why it is deleted: the reason is kept.');
      run(() => deleteRecord(registry, record.id, stamp()), '#/inventory');
    }
  };
  return (
    <section className="record-actions" aria-label="Correct this record">
      {record.archived && (
        <p className="record-archived" role="note">
          Archived by {personShown(record.archived.by)} on {formatDay(record.archived.at)}
          {record.archived.reason ? `: ${record.archived.reason}` : ''}. It is kept, and hidden from
          the inventory unless you show archived records.
        </p>
      )}
      <div className="record-action-buttons">
        <button
          type="button"
          onClick={() => run(() => setArchived(registry, record.id, !record.archived, stamp()))}
        >
          {record.archived ? 'Restore from the archive' : 'Archive'}
        </button>
        <button type="button" aria-expanded={form === 'merge'} onClick={() => setForm('merge')}>
          Merge into another record…
        </button>
        {isAdmin && (
          <button type="button" aria-expanded={form === 'delete'} onClick={() => setForm('delete')}>
            Delete…
          </button>
        )}
      </div>
      {form && (
        <form
          className="record-action-form"
          aria-label={form === 'merge' ? 'Merge into another record' : 'Delete the record'}
          onSubmit={submit}
          noValidate
        >
          {form === 'merge' && (
            <label>
              The record to keep (its detections, notes, history, risks and assessments gain this
              one’s)
              <select value={into} onChange={(event) => setInto(event.target.value)}>
                <option value="">Choose a record…</option>
                {others.map((other) => (
                  <option key={other.id} value={other.id}>
                    {other.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label>
            {form === 'delete' ? 'Reason (required, kept in the history)' : 'Reason (optional)'}
            <textarea
              rows={2}
              value={reason}
              maxLength={MAX_REASON}
              onChange={(event) => setReason(event.target.value)}
            />
          </label>
          <div className="record-action-buttons">
            <button type="submit">{form === 'merge' ? 'Merge' : 'Delete the record'}</button>
            <button type="button" onClick={() => setForm(undefined)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {error && (
        <p role="alert" className="record-field-error">
          {error}
        </p>
      )}
    </section>
  );
}
