import { useRef, useState } from 'react';
import type { BackgroundClient } from '../background/background-client.ts';
import type { LedgerResponse } from '../background/messages.ts';
import { howFoundWords } from '../ui/labels.ts';
import { answer, isObject, messageOf as message } from '../ui/answer.ts';

/** The table shows the newest entries; the export holds them all. */
export const LEDGER_ROWS_SHOWN = 500;

export type LedgerState =
  | { kind: 'loading' }
  | { kind: 'failed'; error: string }
  | { kind: 'ready'; ledger: LedgerResponse };

interface Props {
  client: BackgroundClient;
  state: LedgerState;
  enrolled: boolean;
  onChanged(): void;
}

const when = (at: number) =>
  new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The employee's ledger: every local record, what the workspace sees, export and delete. */
export function LedgerSection({ client, state, enrolled, onChanged }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [notice, setNotice] = useState<{ text: string; error?: boolean }>();

  const exportData = async () => {
    try {
      const { json } = await answer(client.exportData(), (e) => typeof e.json === 'string');
      download(json, `sightline-my-data-${new Date().toISOString().slice(0, 10)}.json`);
      setNotice({ text: 'Your data was exported as a JSON file.' });
    } catch (error) {
      setNotice({ text: `The export failed: ${message(error)}`, error: true });
    }
  };

  const deleteLocalData = async () => {
    dialog.current?.close();
    try {
      await answer(client.deleteLocalData(), isObject);
      setNotice({ text: 'The data recorded in this browser was deleted.' });
    } catch (error) {
      setNotice({ text: `Nothing was deleted: ${message(error)}`, error: true });
    }
    onChanged();
  };

  return (
    <section aria-labelledby="ledger">
      <h2 id="ledger">Your ledger</h2>
      <p>Everything this browser has recorded, newest first.</p>
      <LedgerBody state={state} />
      <h3>What your workspace can see</h3>
      {!enrolled && <p>Nothing yet: this browser is not enrolled, so nothing is shared.</p>}
      {state.kind === 'ready' && (
        <pre className="shared" data-testid="shared-json" tabIndex={0}>
          {JSON.stringify(state.ledger.shared ?? null, null, 2)}
        </pre>
      )}
      <div className="actions">
        <button type="button" className="secondary" onClick={() => void exportData()}>
          Export my data
        </button>
        <button type="button" className="danger" onClick={() => dialog.current?.showModal()}>
          Delete local data
        </button>
      </div>
      {notice && (
        <p role={notice.error ? 'alert' : 'status'} className={notice.error ? 'error' : 'success'}>
          {notice.text}
        </p>
      )}
      <dialog ref={dialog} aria-labelledby="delete-title" className="confirm">
        <h3 id="delete-title">Delete local data?</h3>
        <p>
          This deletes everything this browser has recorded. Records not yet synced to your
          workspace are lost; what your workspace already received stays with it.
        </p>
        <div className="actions">
          <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="button" className="danger" onClick={() => void deleteLocalData()}>
            Delete
          </button>
        </div>
      </dialog>
    </section>
  );
}

function LedgerBody({ state }: { state: LedgerState }) {
  if (state.kind === 'loading') return <p className="muted">Loading the ledger…</p>;
  if (state.kind === 'failed') return <p role="alert">The ledger did not load: {state.error}</p>;
  const { entries } = state.ledger;
  if (entries.length === 0) return <p data-testid="ledger-empty">Nothing recorded yet.</p>;
  const shown = [...entries].sort((a, b) => b.at - a.at).slice(0, LEDGER_ROWS_SHOWN);
  return (
    <>
      <table className="ledger" data-testid="ledger">
        <caption className="visually-hidden">What this browser has recorded</caption>
        <thead>
          <tr>
            <th scope="col">Tool</th>
            <th scope="col">Host</th>
            <th scope="col">How it was found</th>
            <th scope="col">Inside site</th>
            <th scope="col">Date</th>
            <th scope="col">Sync</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((entry, index) => (
            <tr key={`${entry.at}-${entry.toolKey}-${entry.signal}-${index}`}>
              <td>{entry.toolName}</td>
              <td className="host">{entry.host ?? '—'}</td>
              <td>{howFoundWords(entry)}</td>
              <td className="host">{entry.embeddedIn ?? '—'}</td>
              <td>{when(entry.at)}</td>
              <td className={entry.synced ? 'synced' : 'waiting'}>
                {entry.synced ? 'Synced' : 'Waiting'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.length > shown.length && (
        <p className="muted">
          Showing the newest {shown.length} of {entries.length} records; the export holds them all.
        </p>
      )}
    </>
  );
}

/** Saves `json` as a file through a temporary Blob URL. */
function download(json: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
