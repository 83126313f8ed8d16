import { useState, type FormEvent } from 'react';

interface Props {
  /** Names the group for assistive technology ("Evidence for A.2.2"). */
  label: string;
  links: readonly string[];
  disabled?: boolean;
  /** Saves the new list; false when the writer refused it (the typed link then stays). */
  onChange(links: string[]): boolean;
}

/** Evidence links: shown as links, added by typing one, removed by its button. */
export function SoaLinks({ label, links, disabled, onChange }: Props) {
  const [draft, setDraft] = useState('');
  function add(event: FormEvent) {
    event.preventDefault();
    const url = draft.trim();
    if (url === '') return;
    if (onChange([...new Set([...links, url])])) setDraft('');
  }
  return (
    <div className="soa-links" role="group" aria-label={label}>
      <span className="soa-links-title">Evidence</span>
      {links.length === 0 ? (
        <span className="muted"> none</span>
      ) : (
        <ul>
          {links.map((url) => (
            <li key={url}>
              {/* Only http(s) links get here: the reader drops anything else. */}
              <a href={url} target="_blank" rel="noopener noreferrer">
                {url}
              </a>{' '}
              <button
                type="button"
                disabled={disabled}
                aria-label={`Remove link ${url}`}
                onClick={() => onChange(links.filter((x) => x !== url))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} className="soa-link-add" noValidate>
        <label>
          Add an evidence link
          <input
            type="url"
            value={draft}
            disabled={disabled}
            placeholder="https://"
            onChange={(event) => setDraft(event.target.value)}
          />
        </label>
        <button type="submit" disabled={disabled}>
          Add link
        </button>
      </form>
    </div>
  );
}
