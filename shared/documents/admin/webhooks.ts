import type * as Y from 'yjs';
import { isPlainObject } from '../schema/read-core.ts';
import { defineSchema, ensureWritable } from '../schema/version.ts';

/**
 * `W/admin`: relay configuration only admins read and write (docs/sync.md HOOK1). This module owns
 * its shape: `webhooks` (id → one plain object, written whole) and `deliveries` (id → the latest
 * attempts, one plain array rewritten by the relay that delivered). Readers trust nothing in it.
 */
export const ADMIN_SCHEMA = defineSchema({
  version: 1,
  migrations: [{ version: 1, up: () => {} }],
});
export const WEBHOOKS = 'webhooks';
export const DELIVERIES = 'deliveries';

/** Events a webhook may subscribe to (HOOK3; `clock.due` and `review.due`: HOOK12). */
export const WEBHOOK_EVENTS = [
  'discovery.new',
  'discovery.spike',
  'clock.due',
  'review.due',
  'webhook.test',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
/** `json` is Sightline's own signed body; `slack` and `teams` are their incoming-webhook shapes (HOOK4). */
export const WEBHOOK_FORMATS = ['json', 'slack', 'teams'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export const MAX_WEBHOOKS = 20;
export const MAX_URL = 2048;
/** Attempts kept per webhook in the delivery log (HOOK6). */
export const MAX_DELIVERIES = 20;

export interface Webhook {
  id: string;
  url: string;
  events: WebhookEvent[];
  format: WebhookFormat;
  /** The HMAC-SHA256 key of `X-Sightline-Signature` (HOOK5); 64 hex characters. */
  secret: string;
  createdBy: string;
  createdAt: number;
}

export interface Delivery {
  at: number;
  event: string;
  /** The event's id: the same on every retry, so a receiver can drop a repeat. */
  eventId: string;
  attempt: number;
  /** The receiver's HTTP status; 0 when no answer came (refused address, timeout, network). */
  status: number;
  ok: boolean;
  error?: string;
}

const ID = /^[a-z0-9]{8,32}$/;
const SECRET = /^[a-f0-9]{64}$/;

// http(s)://host-or-[ipv6][:port][/path…]: no credentials (no @ in the host part), no spaces,
// controls or characters a URL must percent-encode. By pattern: shared/ has no URL parser.
const WEBHOOK_URL =
  /^https?:\/\/(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?(?:[/?#][^\s<>"`\\{}|^\p{Cc}]*)?$/u;

/**
 * Checks a webhook's URL as text: http(s), a host, no credentials, at most 2 KiB. Whether its host
 * may be reached (https only, no private address) is the relay's decision (HOOK7).
 */
export function checkWebhookUrl(raw: unknown): asserts raw is string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL)
    throw new TypeError(`a webhook URL is 1–${MAX_URL} characters`);
  if (!WEBHOOK_URL.test(raw))
    throw new TypeError(
      'a webhook URL is https://host[:port]/path, without a user name or password',
    );
}

export function parseEvents(raw: readonly string[]): WebhookEvent[] {
  const events = [...new Set(raw.map((e) => e.trim()).filter(Boolean))];
  if (events.length === 0) throw new TypeError('a webhook needs at least one event');
  for (const event of events)
    if (!(WEBHOOK_EVENTS as readonly string[]).includes(event))
      throw new TypeError(
        `unknown event ${JSON.stringify(event)}: use ${WEBHOOK_EVENTS.join(', ')}`,
      );
  return events as WebhookEvent[];
}

/** Adds a webhook; throws, changing nothing, on bad input or past MAX_WEBHOOKS. */
export function addWebhook(doc: Y.Doc, webhook: Webhook): void {
  checkWebhookUrl(webhook.url);
  parseEvents(webhook.events);
  if (!ID.test(webhook.id))
    throw new TypeError('a webhook id is 8–32 lower-case letters or digits');
  if (!SECRET.test(webhook.secret)) throw new TypeError('a webhook secret is 64 hex characters');
  if (!(WEBHOOK_FORMATS as readonly string[]).includes(webhook.format))
    throw new TypeError(`format is one of ${WEBHOOK_FORMATS.join(', ')}`);
  if (typeof webhook.createdBy !== 'string' || webhook.createdBy.length > 200)
    throw new TypeError('createdBy is a name');
  doc.transact(() => {
    ensureWritable(doc, ADMIN_SCHEMA);
    const map = doc.getMap<unknown>(WEBHOOKS);
    if (map.size >= MAX_WEBHOOKS && !map.has(webhook.id))
      throw new RangeError(`a workspace has at most ${MAX_WEBHOOKS} webhooks`);
    map.set(webhook.id, { ...webhook, events: [...webhook.events] });
  });
}

/** Removes a webhook and its delivery log; false when there was none by that id. */
export function removeWebhook(doc: Y.Doc, id: string): boolean {
  const map = doc.getMap<unknown>(WEBHOOKS);
  if (!map.has(id)) return false;
  doc.transact(() => {
    ensureWritable(doc, ADMIN_SCHEMA);
    map.delete(id);
    doc.getMap<unknown>(DELIVERIES).delete(id);
  });
  return true;
}

/** Appends one attempt to a webhook's log, keeping the latest MAX_DELIVERIES. */
export function recordDelivery(doc: Y.Doc, id: string, delivery: Delivery): void {
  doc.transact(() => {
    ensureWritable(doc, ADMIN_SCHEMA);
    const map = doc.getMap<unknown>(DELIVERIES);
    const earlier = readDeliveryList(map.get(id));
    map.set(id, [...earlier, delivery].slice(-MAX_DELIVERIES));
  });
}

/** Every well-formed webhook, by creation time; malformed entries are skipped and named in `problems`. */
export function readWebhooks(doc: Y.Doc, problems: string[] = []): Webhook[] {
  const webhooks: Webhook[] = [];
  const map = doc.share.has(WEBHOOKS) ? doc.getMap<unknown>(WEBHOOKS) : undefined;
  for (const [id, value] of map?.entries() ?? []) {
    const webhook = readWebhook(id, value);
    if (webhook) webhooks.push(webhook);
    else problems.push(`${WEBHOOKS}.${id}: not a webhook`);
  }
  return webhooks.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

export function readDeliveries(doc: Y.Doc, id: string): Delivery[] {
  if (!doc.share.has(DELIVERIES)) return [];
  return readDeliveryList(doc.getMap<unknown>(DELIVERIES).get(id));
}

function readWebhook(id: string, value: unknown): Webhook | undefined {
  if (!ID.test(id) || !isPlainObject(value)) return undefined;
  const { url, events, format, secret, createdBy, createdAt } = value;
  if (typeof url !== 'string' || typeof secret !== 'string' || !SECRET.test(secret))
    return undefined;
  try {
    checkWebhookUrl(url);
  } catch {
    return undefined;
  }
  if (!Array.isArray(events) || !events.every((e) => typeof e === 'string')) return undefined;
  const known = events.filter((e): e is WebhookEvent =>
    (WEBHOOK_EVENTS as readonly string[]).includes(e),
  );
  if (typeof format !== 'string' || !(WEBHOOK_FORMATS as readonly string[]).includes(format))
    return undefined;
  return {
    id,
    url,
    events: known,
    format: format as WebhookFormat,
    secret,
    createdBy: typeof createdBy === 'string' ? createdBy.slice(0, 200) : '',
    createdAt: typeof createdAt === 'number' && Number.isFinite(createdAt) ? createdAt : 0,
  };
}

/** One delivery-log entry, or undefined when it is not one (also what the PWA reads from the API). */
export function readDelivery(entry: unknown): Delivery | undefined {
  if (!isPlainObject(entry)) return undefined;
  const { at, event, eventId, attempt, status, ok, error } = entry;
  if (
    typeof at !== 'number' ||
    typeof event !== 'string' ||
    typeof eventId !== 'string' ||
    typeof attempt !== 'number' ||
    typeof status !== 'number' ||
    typeof ok !== 'boolean'
  )
    return undefined;
  return {
    at,
    event: event.slice(0, 64),
    eventId: eventId.slice(0, 200),
    attempt,
    status,
    ok,
    ...(typeof error === 'string' ? { error: error.slice(0, 300) } : {}),
  };
}

function readDeliveryList(value: unknown): Delivery[] {
  if (!Array.isArray(value)) return [];
  return value.slice(-MAX_DELIVERIES).flatMap((entry) => readDelivery(entry) ?? []);
}
