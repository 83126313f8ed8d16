import {
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
} from 'react';
import { mentionQuery, mentionsIn } from '../../../shared/comments/index.ts';
import type { Person } from '../../../shared/documents/registry/index.ts';

interface Props {
  label: string;
  submitLabel: string;
  people: readonly Person[];
  /** Writes the comment; returns why it was refused (nothing was written), or undefined. */
  onSubmit(body: string, mentions: string[]): string | undefined;
  onCancel?: () => void;
  autoFocus?: boolean;
  /** The text to start from (editing a comment). */
  initial?: string;
}

const MAX_OPTIONS = 6;

/**
 * A comment's text with @mention completion from the people directory (CMT5): typing `@` and a
 * few letters lists matching names; ArrowUp/ArrowDown move, Enter or Tab chooses, Escape closes
 * the list (and only the list); Ctrl+Enter sends. The comment keeps the names whose `@Name` is still in its text.
 */
export function Composer(props: Props) {
  const { label, submitLabel, people, onSubmit, onCancel, autoFocus } = props;
  const id = useId();
  const listId = `${id}-mentions`;
  const area = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState(props.initial ?? '');
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [closedAt, setClosedAt] = useState<number | undefined>();
  const [error, setError] = useState<string | undefined>();
  // Where the caret goes once a chosen name is in the text. Placed in the same commit, never a
  // frame later: a later move would put keys typed in between after the caret (the CI run typed
  // "c" at the end and "onfirm…" before it).
  const placeCaret = useRef<number | undefined>(undefined);
  useLayoutEffect(() => {
    const position = placeCaret.current;
    if (position === undefined || !area.current) return;
    placeCaret.current = undefined;
    area.current.setSelectionRange(position, position);
  }, [body]);
  const typing = mentionQuery(body, caret);
  const query = typing?.query.toLowerCase() ?? '';
  const options =
    typing && closedAt !== typing.start
      ? people.filter((person) => person.name.toLowerCase().includes(query)).slice(0, MAX_OPTIONS)
      : [];
  const open = options.length > 0;
  const current = Math.min(active, options.length - 1);

  function choose(person: Person) {
    if (!typing) return;
    const before = body.slice(0, typing.start);
    const after = body.slice(caret);
    const inserted = `@${person.name} `;
    const next = before + inserted + after.replace(/^\S*/, '');
    const position = before.length + inserted.length;
    setBody(next);
    setCaret(position);
    setActive(0);
    placeCaret.current = position;
    area.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (!open && event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
      return;
    }
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + options.length) % options.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      choose(options[current]!);
    } else if (event.key === 'Escape') {
      // Closes the list, not the dialog around the composer.
      event.preventDefault();
      event.stopPropagation();
      setClosedAt(typing?.start);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const refused = onSubmit(body, mentionsIn(body, people));
    setError(refused);
    if (refused === undefined) {
      setBody('');
      setCaret(0);
    }
  }

  const track = (target: HTMLTextAreaElement) => {
    setBody(target.value);
    setCaret(target.selectionStart);
    setError(undefined);
  };
  return (
    <form className="comment-composer" onSubmit={submit} noValidate>
      <label htmlFor={`${id}-text`}>{label}</label>
      <div className="comment-composer-field">
        <textarea
          id={`${id}-text`}
          ref={area}
          rows={3}
          value={body}
          autoFocus={autoFocus}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open ? `${listId}-${current}` : undefined}
          aria-describedby={`${id}-hint`}
          onChange={(event) => track(event.currentTarget)}
          onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label="People"
          className="mention-options"
          hidden={!open}
        >
          {options.map((person, index) => (
            <li
              key={person.key}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === current}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(person);
              }}
            >
              {person.name}
            </li>
          ))}
        </ul>
      </div>
      <p id={`${id}-hint`} className="muted comment-hint">
        Type @ to mention someone from the people directory; Ctrl+Enter sends.
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="comment-actions">
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="primary">
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
