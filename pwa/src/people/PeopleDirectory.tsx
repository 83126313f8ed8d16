import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { removePerson } from '../../../shared/documents/registry/index.ts';
import { usePeopleDirectory } from './people-context.tsx';

const FROM_WORDS = { invitation: 'joined with an invitation', added: 'added by' } as const;

/** Settings → People directory: the names owner, assignee and reviewer fields offer. */
export function PeopleDirectory({ registry }: { registry: Y.Doc | undefined }) {
  const { people, add } = usePeopleDirectory();
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!add || name.trim() === '') return;
    const problem = add(name);
    setError(problem);
    if (problem === undefined) setName('');
  };
  return (
    <section aria-labelledby="people-directory-heading" className="people-directory">
      <h2 id="people-directory-heading">People directory</h2>
      <p className="muted">
        The names offered by owner, assignee and reviewer fields, so one person is one name. People
        who join with an invitation are added as they join; a lead adds anyone else.
      </p>
      {people.length === 0 ? (
        <p className="muted">Nobody yet.</p>
      ) : (
        <ul>
          {people.map((person) => (
            <li key={person.key}>
              <span>{person.name}</span>{' '}
              <span className="muted">
                (
                {person.from === 'invitation'
                  ? FROM_WORDS.invitation
                  : `${FROM_WORDS.added} ${person.by}`}
                )
              </span>
              {add && registry && (
                <button
                  type="button"
                  aria-label={`Remove ${person.name} from the people`}
                  onClick={() => removePerson(registry, person.key)}
                >
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {add && (
        <form onSubmit={submit} className="people-add">
          <label>
            Name
            <input
              type="text"
              value={name}
              maxLength={200}
              onChange={(event) => setName(event.target.value)}
            />
          </label>
          <button type="submit" disabled={name.trim() === ''}>
            Add person
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
