import {
  readDelivery,
  WEBHOOK_EVENTS,
  WEBHOOK_FORMATS,
  type Delivery,
  type WebhookEvent,
  type WebhookFormat,
} from '../../../shared/documents/admin/webhooks.ts';
import { fieldsOf, relayCaller } from '../settings/relay-call.ts';
import type { ApiResult } from '../settings/tokens-api.ts';

/** A webhook as `GET /api/webhooks` lists it: never its secret (docs/sync.md HOOK2). */
export interface WebhookShown {
  id: string;
  url: string;
  events: WebhookEvent[];
  format: WebhookFormat;
  createdBy: string;
  createdAt: number;
  deliveries: Delivery[];
}

export interface AddedWebhook {
  id: string;
  url: string;
  /** Shown once: the receiver needs it to check `X-Sightline-Signature`. */
  secret: string;
}

export interface WebhooksApi {
  list(): Promise<ApiResult<WebhookShown[]>>;
  add(request: {
    url: string;
    events: WebhookEvent[];
    format: WebhookFormat;
  }): Promise<ApiResult<AddedWebhook>>;
  remove(id: string): Promise<ApiResult<true>>;
  test(id: string): Promise<ApiResult<Delivery>>;
}

const isEvent = (e: unknown): e is WebhookEvent =>
  (WEBHOOK_EVENTS as readonly unknown[]).includes(e);
const isFormat = (f: unknown): f is WebhookFormat =>
  (WEBHOOK_FORMATS as readonly unknown[]).includes(f);

function readList(answer: unknown): WebhookShown[] | undefined {
  const rows = fieldsOf(answer).webhooks;
  if (!Array.isArray(rows)) return undefined;
  return rows.flatMap((row) => {
    const { id, url, events, format, createdBy, createdAt, deliveries } = fieldsOf(row);
    if (typeof id !== 'string' || typeof url !== 'string' || !isFormat(format)) return [];
    return [
      {
        id,
        url,
        format,
        events: Array.isArray(events) ? events.filter(isEvent) : [],
        createdBy: typeof createdBy === 'string' ? createdBy : '',
        createdAt: typeof createdAt === 'number' ? createdAt : 0,
        deliveries: Array.isArray(deliveries)
          ? deliveries.flatMap((d) => readDelivery(d) ?? [])
          : [],
      },
    ];
  });
}

function readAdded(answer: unknown): AddedWebhook | undefined {
  const { id, url, secret } = fieldsOf(answer);
  return typeof id === 'string' && typeof url === 'string' && typeof secret === 'string'
    ? { id, url, secret }
    : undefined;
}

/** The relay's webhook API, for admins, with this device's token. */
export function createWebhooksApi(
  token: string,
  fetcher: typeof fetch = (...args) => fetch(...args),
  base = '',
): WebhooksApi {
  const call = relayCaller(token, fetcher, base);
  return {
    list: () => call('GET', '/api/webhooks', readList),
    add: (request) => call('POST', '/api/webhooks', readAdded, request),
    remove: (id) => call('DELETE', `/api/webhooks/${encodeURIComponent(id)}`, () => true as const),
    test: (id) => call('POST', `/api/webhooks/${encodeURIComponent(id)}/test`, readDelivery),
  };
}
