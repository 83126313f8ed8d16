import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { setReviewer } from '../../../../shared/documents/assessment/index.ts';
import { PersonInput } from '../../people/PersonInput.tsx';

interface Props {
  doc: Y.Doc;
  reviewers: readonly string[];
  readOnly: boolean;
  onError(message: string | undefined): void;
}

/** The assessment's reviewers: a set, so two people adding at once both stay. */
export function ReviewersPanel({ doc, reviewers, readOnly, onError }: Props) {
  const [person, setPerson] = useState('');
  function change(name: string, reviewing: boolean) {
    try {
      setReviewer(doc, name, reviewing);
      onError(undefined);
      return true;
    } catch (failure) {
      onError(`Not saved: ${failure instanceof Error ? failure.message : String(failure)}`);
      return false;
    }
  }
  function add(event: FormEvent) {
    event.preventDefault();
    if (person.trim() !== '' && change(person.trim(), true)) setPerson('');
  }
  return (
    <section className="workflow-reviewers" aria-labelledby="workflow-reviewers-title">
      <h3 id="workflow-reviewers-title">Reviewers</h3>
      {reviewers.length === 0 ? <p className="workflow-muted">No reviewers yet.</p> : null}
      <ul>
        {reviewers.map((name) => (
          <li key={name}>
            <span>{name}</span>
            {readOnly ? null : (
              <button
                type="button"
                aria-label={`Remove reviewer ${name}`}
                onClick={() => change(name, false)}
              >
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      {readOnly ? null : (
        <form className="workflow-inline" onSubmit={add}>
          <label>
            Reviewer
            <PersonInput aria-label="Reviewer" value={person} maxLength={200} onValue={setPerson} />
          </label>
          <button type="submit" disabled={person.trim() === ''}>
            Add reviewer
          </button>
        </form>
      )}
    </section>
  );
}
