import { randomBytes } from 'node:crypto';
import {
  checkWebhookUrl,
  parseEvents,
  WEBHOOK_FORMATS,
  type Webhook,
  type WebhookFormat,
} from '../../shared/documents/admin/webhooks.ts';
import { checkReachable, type WebhookNetwork } from './address-policy.ts';

export interface WebhookRequest {
  url?: unknown;
  events?: unknown;
  format?: unknown;
}

/** The events a webhook gets when none are named. */
export const DEFAULT_EVENTS = ['discovery.new', 'discovery.spike'];

/**
 * A new webhook from what an admin asked for, with a fresh id and signing secret; throws a
 * TypeError that says what is wrong (HOOK2, HOOK7). The host is resolved once, so a URL the relay
 * would refuse to deliver to is refused now, not silently later.
 */
export async function newWebhook(
  request: WebhookRequest,
  by: string,
  network: WebhookNetwork,
): Promise<Webhook> {
  if (typeof request.url !== 'string') throw new TypeError('"url" is required');
  checkWebhookUrl(request.url);
  const url = new URL(request.url);
  try {
    await checkReachable(url, network);
  } catch (error) {
    throw new TypeError((error as Error).message, { cause: error });
  }
  const events =
    request.events === undefined
      ? DEFAULT_EVENTS
      : Array.isArray(request.events) && request.events.every((e) => typeof e === 'string')
        ? (request.events as string[])
        : typeof request.events === 'string'
          ? request.events.split(',')
          : undefined;
  if (!events) throw new TypeError('"events" is a list of event names');
  const format = request.format ?? 'json';
  if (typeof format !== 'string' || !(WEBHOOK_FORMATS as readonly string[]).includes(format))
    throw new TypeError(`"format" is one of ${WEBHOOK_FORMATS.join(', ')}`);
  return {
    id: randomBytes(8).toString('hex'),
    url: url.href,
    events: parseEvents(events),
    format: format as WebhookFormat,
    secret: randomBytes(32).toString('hex'),
    createdBy: by,
    createdAt: Date.now(),
  };
}
