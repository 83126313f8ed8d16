import { useMemo, useState, type FormEvent } from 'react';
import type { Credentials } from '../../session/join-link.ts';
import { ErrorAndStatus } from '../ErrorAndStatus.tsx';
import { useRelayList } from '../use-relay-list.ts';
import {
  createDigestsApi,
  type DigestEvery,
  type DigestShown,
  type DigestsApi,
} from './digests-api.ts';
import '../../webhooks/webhooks.css';

interface Props {
  credentials: Credentials;
  api?: DigestsApi | undefined;
}

const STATUS_WORDS: Record<string, string> = {
  queued: 'waiting to be tried again',
  sent: 'sent',
  empty: 'nothing to tell, not sent',
  failed: 'failed',
  removed: 'not sent: removed',
};

export function lastShown(last: NonNullable<DigestShown['last']>): string {
  const status = STATUS_WORDS[last.status] ?? last.status;
  const attempts = last.attempt > 1 ? ` after ${last.attempt} attempts` : '';
  return `Latest: ${last.periodKey}, ${status}${attempts}${last.error ? ` (${last.error})` : ''}`;
}

/**
 * Settings → E-mail digests, for admins and leads (docs/sync.md DIG1–DIG10): who receives the
 * workspace's daily or weekly summary of new tools, reviews due and clocks running, with each
 * one's latest delivery. The relays keep them in their shared store and use a change at their
 * next look.
 */
export function DigestsSection({ credentials, api: given }: Props) {
  const api = useMemo(
    () => given ?? createDigestsApi(credentials.token),
    [given, credentials.token],
  );
  const {
    open,
    show,
    value: list,
    error,
    message,
    setMessage,
    busy,
    act,
  } = useRelayList(api, 'list the e-mail digests');
  const [to, setTo] = useState('');
  const [every, setEvery] = useState<DigestEvery>('weekly');

  function add(event: FormEvent) {
    event.preventDefault();
    void act(
      'add the digest',
      () => api.add({ to: to.trim(), every }),
      (digest) => {
        setMessage(`${digest.address} will receive the ${digest.every} digest.`);
        setTo('');
      },
    );
  }

  return (
    <section aria-labelledby="digests-heading" className="webhooks">
      <h2 id="digests-heading">E-mail digests</h2>
      <p className="muted">
        A daily or weekly e-mail of this workspace’s new AI tools, reviews overdue or due soon and
        legal reporting clocks running. Nothing new and nothing due: no e-mail.
      </p>
      {!open && (
        <button type="button" onClick={show}>
          Show e-mail digests
        </button>
      )}
      {open && (
        <>
          <ErrorAndStatus error={error} message={message} />
          {list && !list.sending && (
            <p className="muted">
              This relay has no mail server: digests go out from relays started with{' '}
              <code>--smtp-url</code> (docs/deploy.md).
            </p>
          )}
          {list?.digests.length === 0 && <p className="muted">No e-mail digests yet.</p>}
          {list && list.digests.length > 0 && (
            <ul className="webhooks-list">
              {list.digests.map((digest) => (
                <li key={digest.id} data-digest-id={digest.id}>
                  <p className="webhooks-url">{digest.address}</p>
                  <p className="muted">
                    {digest.every === 'daily' ? 'Daily' : 'Weekly'} · added by{' '}
                    {digest.createdBy || 'unknown'}
                  </p>
                  <p className="muted">{digest.last ? lastShown(digest.last) : 'None sent yet.'}</p>
                  <div className="webhooks-actions">
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() =>
                        void act(
                          'remove the digest',
                          () => api.remove(digest.id),
                          () =>
                            setMessage(
                              `${digest.address} will receive no more ${digest.every} digests.`,
                            ),
                        )
                      }
                    >
                      Remove
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )}
          <form className="webhooks-add" onSubmit={add}>
            <label>
              E-mail address{' '}
              <input
                type="email"
                required
                maxLength={254}
                value={to}
                onChange={(event) => setTo(event.target.value)}
                placeholder="ai-governance@example.com"
              />
            </label>
            <label>
              How often{' '}
              <select
                value={every}
                onChange={(event) => setEvery(event.target.value as DigestEvery)}
              >
                <option value="daily">Daily (yesterday, UTC)</option>
                <option value="weekly">Weekly (last week, from Monday)</option>
              </select>
            </label>
            <button type="submit" disabled={busy || to.trim() === ''}>
              Add digest
            </button>
          </form>
        </>
      )}
    </section>
  );
}
