import { useMemo, useState, type FormEvent } from 'react';
import {
  WEBHOOK_FORMATS,
  type Delivery,
  type WebhookEvent,
  type WebhookFormat,
} from '../../../shared/documents/admin/webhooks.ts';
import type { Credentials } from '../session/join-link.ts';
import { ErrorAndStatus } from '../settings/ErrorAndStatus.tsx';
import { useRelayList } from '../settings/use-relay-list.ts';
import { createWebhooksApi, type AddedWebhook, type WebhooksApi } from './webhooks-api.ts';
import './webhooks.css';

interface Props {
  credentials: Credentials;
  api?: WebhooksApi | undefined;
}

/** What an admin can subscribe to; `webhook.test` is the test button's own. */
const EVENTS: [WebhookEvent, string][] = [
  ['discovery.new', 'A new AI tool is seen'],
  ['discovery.spike', 'A tool reaches 5, 10, 25, 50, 100… reporters'],
  ['clock.due', 'An incident’s reporting clock is running'],
  ['review.due', 'A review is due within 30 days or overdue'],
];
const FORMAT_WORDS: Record<WebhookFormat, string> = {
  json: 'JSON (signed, for your own systems)',
  slack: 'Slack incoming webhook',
  teams: 'Microsoft Teams incoming webhook or Workflow',
};

const timeShown = (at: number) => {
  const iso = new Date(at).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
};

export function deliveryShown(delivery: Delivery): string {
  const outcome = delivery.ok
    ? `delivered (${delivery.status})`
    : `failed${delivery.status ? ` (${delivery.status})` : ''}${delivery.error ? `: ${delivery.error}` : ''}`;
  return `${timeShown(delivery.at)} — ${delivery.event}, attempt ${delivery.attempt}: ${outcome}`;
}

/**
 * Settings → Webhooks, for admins (docs/sync.md HOOK1–HOOK9): where the workspace's events are
 * sent, each webhook's latest deliveries, a test, and adding or removing one. The relay keeps them
 * in the workspace's admin document, so every relay uses a change at once.
 */
export function WebhooksSection({ credentials, api: given }: Props) {
  const api = useMemo(
    () => given ?? createWebhooksApi(credentials.token),
    [given, credentials.token],
  );
  const {
    open,
    show,
    value: webhooks,
    error,
    message,
    setMessage,
    busy,
    act,
  } = useRelayList(api, 'list the webhooks');
  const [added, setAdded] = useState<AddedWebhook>();
  const [url, setUrl] = useState('');
  const [format, setFormat] = useState<WebhookFormat>('json');
  // The discovery events are on by default, as for `sightline webhook add` (new-webhook.ts).
  const [events, setEvents] = useState<Set<WebhookEvent>>(
    () => new Set<WebhookEvent>(['discovery.new', 'discovery.spike']),
  );

  function add(event: FormEvent) {
    event.preventDefault();
    void act(
      'add the webhook',
      () => api.add({ url: url.trim(), events: [...events], format }),
      (value) => {
        setAdded(value);
        setUrl('');
      },
    );
  }

  return (
    <section aria-labelledby="webhooks-heading" className="webhooks">
      <h2 id="webhooks-heading">Webhooks</h2>
      <p className="muted">
        Send this workspace’s events — a new AI tool, a tool spreading, a reporting clock running, a
        review due — to a Slack or Teams channel or your own systems. Each request is signed (
        <code>X-Sightline-Signature</code>); failures are retried for about 40 minutes.
      </p>
      {!open && (
        <button type="button" onClick={show}>
          Show webhooks
        </button>
      )}
      {open && (
        <>
          <ErrorAndStatus error={error} message={message} />
          {added && (
            <div className="webhooks-secret">
              <p>
                Added. The signing secret for <span className="webhooks-url">{added.url}</span>,
                shown only now — give it to the receiver:
              </p>
              <code className="webhooks-url">{added.secret}</code>
              <button type="button" onClick={() => setAdded(undefined)}>
                Done
              </button>
            </div>
          )}
          {webhooks?.length === 0 && <p className="muted">No webhooks yet.</p>}
          {webhooks && webhooks.length > 0 && (
            <ul className="webhooks-list">
              {webhooks.map((webhook) => (
                <li key={webhook.id} data-webhook-id={webhook.id}>
                  <p className="webhooks-url">{webhook.url}</p>
                  <p className="muted">
                    {FORMAT_WORDS[webhook.format]} · {webhook.events.join(', ')} · added by{' '}
                    {webhook.createdBy || 'unknown'}
                  </p>
                  {webhook.deliveries.length === 0 ? (
                    <p className="muted">No deliveries yet.</p>
                  ) : (
                    <details>
                      <summary>Latest: {deliveryShown(webhook.deliveries.at(-1)!)}</summary>
                      <ol className="webhooks-log" reversed>
                        {[...webhook.deliveries].reverse().map((delivery) => (
                          <li key={`${delivery.eventId}.${delivery.attempt}.${delivery.at}`}>
                            {deliveryShown(delivery)}
                          </li>
                        ))}
                      </ol>
                    </details>
                  )}
                  <div className="webhooks-actions">
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() =>
                        void act(
                          'send a test',
                          () => api.test(webhook.id),
                          (delivery) => setMessage(`Test: ${deliveryShown(delivery)}`),
                        )
                      }
                    >
                      Send test
                    </button>
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() =>
                        void act(
                          'remove the webhook',
                          () => api.remove(webhook.id),
                          () => setMessage(`Removed the webhook to ${webhook.url}.`),
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
              URL (https){' '}
              <input
                type="url"
                required
                maxLength={2048}
                value={url}
                onChange={(event) => setUrl(event.target.value)}
                placeholder="https://hooks.example.com/sightline"
              />
            </label>
            <label>
              Format{' '}
              <select
                value={format}
                onChange={(event) => setFormat(event.target.value as WebhookFormat)}
              >
                {WEBHOOK_FORMATS.map((value) => (
                  <option key={value} value={value}>
                    {FORMAT_WORDS[value]}
                  </option>
                ))}
              </select>
            </label>
            <fieldset>
              <legend>Events</legend>
              {EVENTS.map(([event, words]) => (
                <label key={event}>
                  <input
                    type="checkbox"
                    checked={events.has(event)}
                    onChange={(change) => {
                      const next = new Set(events);
                      if (change.target.checked) next.add(event);
                      else next.delete(event);
                      setEvents(next);
                    }}
                  />{' '}
                  {words} (<code>{event}</code>)
                </label>
              ))}
            </fieldset>
            <button type="submit" disabled={busy || events.size === 0 || url.trim() === ''}>
              Add webhook
            </button>
          </form>
        </>
      )}
    </section>
  );
}
