import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Credentials } from '../session/join-link.ts';
import {
  createHistoryApi,
  type Checkpoint,
  type HistoryApi,
  type RestoreAnswer,
} from './history-api.ts';
import { ErrorAndStatus } from './ErrorAndStatus.tsx';
import { failureShown } from './settings-words.ts';
import './history.css';

interface Props {
  credentials: Credentials;
  api?: HistoryApi | undefined;
}

const DOCUMENTS = [
  ['registry', 'Registry (inventory, classification, risks, SoA)'],
  ['policy', 'Policy (statuses, guidance, catalog additions)'],
] as const;

/** A checkpoint's time as the app writes times: UTC, to the second. */
const timeShown = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;

/**
 * Settings → History, for admins (docs/sync.md DR7–DR8): the relay's checkpoints of a shared
 * document; a preview of what restoring one would change, then the restore itself — a new change
 * that everyone with the document open receives.
 */
export function HistorySection({ credentials, api: given }: Props) {
  const api = useMemo(
    () => given ?? createHistoryApi(credentials.token),
    [given, credentials.token],
  );
  const [kind, setKind] = useState<string>('registry');
  const [checkpoints, setCheckpoints] = useState<Checkpoint[]>();
  const [chosen, setChosen] = useState<string>();
  const [preview, setPreview] = useState<RestoreAnswer>();
  const [error, setError] = useState<string>();
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  // Asked only once opened: the Settings page itself never waits on the relay for it.
  const [open, setOpen] = useState(false);
  const document = `${credentials.workspace}/${kind}`;

  const load = useCallback(async () => {
    const result = await api.list(document);
    if (result.ok) {
      setCheckpoints(result.value);
      setError(undefined);
    } else setError(failureShown(result, 'list the checkpoints'));
  }, [api, document]);
  useEffect(() => {
    setChosen(undefined);
    setPreview(undefined);
    if (open) void load();
  }, [load, open]);

  async function run(apply: boolean) {
    if (!chosen) return;
    setBusy(true);
    setError(undefined);
    setMessage(undefined);
    const result = await api.restore(document, chosen, !apply);
    setBusy(false);
    if (!result.ok) {
      setError(failureShown(result, apply ? 'restore' : 'preview the restore'));
      return;
    }
    if (!apply) return setPreview(result.value);
    setPreview(undefined);
    setMessage(
      result.value.changes.length === 0
        ? `Nothing to restore: the ${kind} already holds what it held at ${timeShown(result.value.from)}.`
        : `Restored the ${kind} to ${timeShown(result.value.from)}: ${result.value.changes.length} change(s), which everyone with it open receives now.`,
    );
    void load();
  }

  return (
    <section aria-labelledby="history-heading" className="history">
      <h2 id="history-heading">History</h2>
      <p className="muted">
        The relay keeps a checkpoint of each shared document every hour it changes: every one for a
        day, one an hour for a week, one a day for 90 days. Restoring one is a new change: nothing
        after it is lost from the checkpoints, and it can be undone by restoring a later one.
      </p>
      {!open && (
        <button type="button" onClick={() => setOpen(true)}>
          Show checkpoints
        </button>
      )}
      {open && (
        <>
          <label>
            Document{' '}
            <select value={kind} onChange={(event) => setKind(event.target.value)}>
              {DOCUMENTS.map(([value, words]) => (
                <option key={value} value={value}>
                  {words}
                </option>
              ))}
            </select>
          </label>
          <ErrorAndStatus error={error} message={message} />
          {checkpoints?.length === 0 && <p className="muted">No checkpoints of the {kind} yet.</p>}
          {checkpoints && checkpoints.length > 0 && (
            <fieldset className="history-list">
              <legend>Checkpoints, newest first</legend>
              {checkpoints.map((checkpoint) => (
                <label key={checkpoint.at}>
                  <input
                    type="radio"
                    name="checkpoint"
                    value={checkpoint.at}
                    checked={chosen === checkpoint.at}
                    onChange={() => {
                      setChosen(checkpoint.at);
                      setPreview(undefined);
                    }}
                  />{' '}
                  {timeShown(checkpoint.at)}{' '}
                  <span className="muted">({Math.ceil(checkpoint.bytes / 1024)} KB)</span>
                </label>
              ))}
            </fieldset>
          )}
          <div className="history-actions">
            <button type="button" disabled={!chosen || busy} onClick={() => void run(false)}>
              Preview
            </button>
            <button
              type="button"
              disabled={!preview || busy || preview.changes.length === 0}
              onClick={() => void run(true)}
            >
              Restore
            </button>
          </div>
          {preview && (
            <div className="history-preview">
              <p>
                {preview.changes.length === 0
                  ? `The ${kind} already holds what it held at ${timeShown(preview.from)}.`
                  : `Restoring to ${timeShown(preview.from)} would make ${preview.changes.length} change(s):`}
              </p>
              <ul>
                {preview.changes.map((change) => (
                  <li key={change}>{change}</li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
    </section>
  );
}
