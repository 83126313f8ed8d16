import { useId, type InputHTMLAttributes } from 'react';
import { directoryName } from '../../../shared/documents/registry/index.ts';
import { usePeopleDirectory } from './people-context.tsx';
import './people.css';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'list' | 'value' | 'onChange'> & {
  value: string;
  onValue(value: string): void;
};

/**
 * A person's name, picked from the workspace's people (a list under the field); a name not in it
 * is still accepted, as a fallback, and the field says so, offering to add it (rule RC4).
 */
export function PersonInput({ value, onValue, ...rest }: Props) {
  const { people, add } = usePeopleDirectory();
  const listId = useId();
  const typed = value.trim();
  const known = typed === '' || directoryName(people, typed) !== undefined;
  return (
    <>
      <input
        {...rest}
        type="text"
        autoComplete="off"
        list={listId}
        value={value}
        onChange={(event) => onValue(event.target.value)}
      />
      <datalist id={listId}>
        {people.map((person) => (
          <option key={person.key} value={person.name} />
        ))}
      </datalist>
      {!known && (
        <span className="person-unknown">
          Not in the workspace’s people.{' '}
          {add && (
            <button type="button" onClick={() => add(typed)}>
              Add “{typed}” to the people
            </button>
          )}
        </span>
      )}
    </>
  );
}
