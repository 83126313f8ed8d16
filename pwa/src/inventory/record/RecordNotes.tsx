import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import {
  addNote,
  NOTE_KINDS,
  removeNote,
  type NoteKind,
  type RecordNote,
} from '../../../../shared/documents/registry/index.ts';
import { formatTime, NOTE_KIND_LABELS, personShown } from './record-words.ts';

interface Props {
  recordId: string;
  notes: RecordNote[];
  registry: Y.Doc;
  canEdit: boolean;
  me: string;
  now: () => number;
  /** Note ids; the page gives random ones. */
  newId: () => string;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Dated performance and drift notes: the list, and for leads a form to add one. */
export function RecordNotes({ recordId, notes, registry, canEdit, me, now, newId }: Props) {
  const [kind, setKind] = useState<NoteKind>('performance');
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') return setError('Write the note first.');
    try {
      addNote(registry, recordId, { id: newId(), kind, text: text.trim(), by: me, at: now() });
      setText('');
      setError(undefined);
    } catch (e) {
      setError(message(e)); // what was typed stays in the field
    }
  };
  const remove = (note: RecordNote) => {
    try {
      removeNote(registry, recordId, note.id, me, now());
      setError(undefined);
    } catch (e) {
      setError(message(e));
    }
  };
  return (
    <section aria-labelledby="record-notes-heading" className="record-notes">
      <h2 id="record-notes-heading">Performance and drift notes</h2>
      {notes.length === 0 ? (
        <p className="muted">No notes yet.</p>
      ) : (
        <ul className="note-list">
          {notes.map((note) => (
            <li key={note.id} className="note">
              <p className="note-meta">
                <span className={`note-kind note-kind-${note.kind}`}>
                  {NOTE_KIND_LABELS[note.kind]}
                </span>{' '}
                <time dateTime={new Date(note.at).toISOString()}>{formatTime(note.at)}</time> ·{' '}
                {personShown(note.by)}
              </p>
              <p className="note-text">{note.text}</p>
              {canEdit && (
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Remove the ${note.kind} note of ${formatTime(note.at)}`}
                  onClick={() => remove(note)}
                >
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form className="note-form" onSubmit={submit}>
          <label>
            <span className="record-field-label">Kind</span>
            <select value={kind} onChange={(e) => setKind(e.target.value as NoteKind)}>
              {NOTE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {NOTE_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="record-field-label">Note</span>
            <textarea rows={3} value={text} onChange={(e) => setText(e.target.value)} />
          </label>
          <button type="submit">Add note</button>
          {error && (
            <p role="alert" className="record-field-error">
              {error}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
