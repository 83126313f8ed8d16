import { useState, type FormEvent } from 'react';
import { MAX_VIEW_NAME, useSavedViews } from './saved-views.ts';

interface Props {
  workspace: string;
  /** The current filters and sort, as a normalised query string. */
  query: string;
  onApply(query: string): void;
}

/** Pick, save, rename and delete named views (filters + sort), kept on this device. */
export function SavedViews({ workspace, query, onApply }: Props) {
  const { views, save, rename, remove } = useSavedViews(workspace);
  const [picked, setPicked] = useState('');
  const [form, setForm] = useState<'save' | 'rename'>();
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const [message, setMessage] = useState<string>();
  // The picked view stays selected only while the filters are still that view's.
  const current = views.find((view) => view.id === picked && view.query === query);

  const open = (kind: 'save' | 'rename') => {
    setForm(kind);
    setName(kind === 'rename' ? (current?.name ?? '') : '');
    setError(undefined);
  };
  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      if (form === 'rename' && current) {
        await rename(current.id, name);
        setMessage(`Renamed the view to ${name.trim()}.`);
      } else {
        setPicked(await save(name, query));
        setMessage(`Saved the view ${name.trim()} on this device.`);
      }
      setForm(undefined);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  return (
    <div className="saved-views">
      <label className="inventory-filter">
        Saved view
        <select
          value={current?.id ?? ''}
          onChange={(event) => {
            const view = views.find((v) => v.id === event.target.value);
            setPicked(view?.id ?? '');
            setForm(undefined);
            if (view) onApply(view.query);
          }}
        >
          <option value="">{views.length === 0 ? 'None saved' : 'Choose a view'}</option>
          {views.map((view) => (
            <option key={view.id} value={view.id}>
              {view.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => open('save')}>
        Save view…
      </button>
      {current && (
        <>
          <button type="button" onClick={() => open('rename')}>
            Rename view…
          </button>
          <button
            type="button"
            onClick={async () => {
              await remove(current.id);
              setPicked('');
              setForm(undefined);
              setMessage(`Deleted the view ${current.name}.`);
            }}
          >
            Delete view
          </button>
        </>
      )}
      {form && (
        <form className="view-form" onSubmit={submit}>
          <label>
            {form === 'save' ? 'Name of the new view' : 'New name of the view'}
            <input
              value={name}
              maxLength={MAX_VIEW_NAME}
              autoFocus
              onChange={(event) => setName(event.target.value)}
            />
          </label>
          <button type="submit">{form === 'save' ? 'Save' : 'Rename'}</button>
          <button type="button" onClick={() => setForm(undefined)}>
            Cancel
          </button>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
        </form>
      )}
      {message && !form && (
        <p role="status" className="muted view-message">
          {message}
        </p>
      )}
    </div>
  );
}
