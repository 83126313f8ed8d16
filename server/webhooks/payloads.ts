import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Webhook, WebhookEvent } from '../../shared/documents/admin/webhooks.ts';

/** One event, as every webhook subscribed to it receives it (docs/sync.md HOOK3). */
export interface WebhookEventBody {
  /** Stable over retries and relays: a receiver drops an id it has seen (HOOK8). */
  id: string;
  event: WebhookEvent;
  workspace: string;
  at: string;
  /** One sentence for people: what the Slack and Teams formats show. */
  summary: string;
  data: Record<string, unknown>;
}

/**
 * The request body for the webhook's format (HOOK4). `json` is the event itself. `slack` is a
 * Slack incoming-webhook message, `{"text": …}` (https://api.slack.com/messaging/webhooks).
 * `teams` is a message with one Adaptive Card attachment, the shape Teams incoming webhooks and
 * Workflows accept ("Send Adaptive Cards using an Incoming Webhook",
 * https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook).
 */
export function bodyFor(webhook: Pick<Webhook, 'format'>, event: WebhookEventBody): string {
  switch (webhook.format) {
    case 'json':
      return JSON.stringify(event);
    case 'slack':
      return JSON.stringify({ text: `Sightline (${event.workspace}): ${event.summary}` });
    case 'teams':
      return JSON.stringify({
        type: 'message',
        attachments: [
          {
            contentType: 'application/vnd.microsoft.card.adaptive',
            contentUrl: null,
            content: {
              $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
              type: 'AdaptiveCard',
              version: '1.4',
              body: [
                {
                  type: 'TextBlock',
                  text: `Sightline: ${event.event}`,
                  weight: 'Bolder',
                  wrap: true,
                },
                { type: 'TextBlock', text: event.summary, wrap: true },
                {
                  type: 'FactSet',
                  facts: [
                    { title: 'Workspace', value: event.workspace },
                    { title: 'When', value: event.at },
                  ],
                },
              ],
            },
          },
        ],
      });
  }
}

/**
 * `X-Sightline-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` (HOOK5). The time
 * is signed with the body, so a receiver that refuses a t more than 5 minutes off its clock, and an
 * event id it has seen, cannot be replayed to.
 */
export function signature(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', Buffer.from(secret, 'hex'))
    .update(`${unixSeconds}.${body}`)
    .digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/** What a receiver does (docs/operations.md shows the same in a few lines); used by the tests. */
export function verifySignature(
  secret: string,
  body: string,
  header: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const parts = Object.fromEntries(
    header.split(',').map((part) => part.split('=', 2) as [string, string]),
  );
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(signature(secret, body, t).split('v1=')[1]!, 'hex');
  const given = Buffer.from(parts.v1 ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
