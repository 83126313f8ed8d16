import type { Hocuspocus } from '@hocuspocus/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  addWebhook,
  readDeliveries,
  readWebhooks,
  removeWebhook,
} from '../../shared/documents/admin/webhooks.ts';
import { personName } from '../../shared/auth/person-name.ts';
import { formatDocumentName } from '../../shared/documents/names.ts';
import type { TokenService } from '../auth/token-service.ts';
import { bearerToken, HttpError, readJson, sendJson } from '../http/json.ts';
import type { WebhookNetwork } from './address-policy.ts';
import type { WebhookDispatcher } from './dispatcher.ts';
import { newWebhook } from './new-webhook.ts';

export interface WebhookServices {
  tokens: TokenService;
  hocuspocus: Hocuspocus;
  dispatcher: WebhookDispatcher;
  network: WebhookNetwork;
}

/**
 * The workspace's webhooks, for its admins (docs/sync.md HOOK2): `GET /api/webhooks` lists them
 * with their delivery logs (never their secrets), `POST /api/webhooks` `{url, events?, format?}`
 * adds one and answers its secret once, `DELETE /api/webhooks/<id>` removes one, and
 * `POST /api/webhooks/<id>/test` sends a `webhook.test` event now. Changes go through the relay's
 * own `W/admin` document, so every relay and every admin's PWA sees them live.
 */
export async function handleWebhooksApi(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  services: WebhookServices,
): Promise<void> {
  const token = bearerToken(req);
  if (!token) throw new HttpError(401, 'send Authorization: Bearer <token>');
  const verified = await services.tokens.verify(token);
  const { workspace, role } = verified.principal;
  if (role !== 'admin') throw new HttpError(403, 'only admins manage webhooks');
  const by = personName({ role, tokenId: verified.id, label: verified.label });
  const documentName = formatDocumentName({ workspace, kind: 'admin' });
  const route = `${req.method} ${url.pathname}`;
  const connection = await services.hocuspocus.openDirectConnection(documentName, { relay: true });
  try {
    if (route === 'GET /api/webhooks') {
      const doc = connection.document!;
      return sendJson(res, 200, {
        webhooks: readWebhooks(doc).map(({ secret: _secret, ...webhook }) => ({
          ...webhook,
          deliveries: readDeliveries(doc, webhook.id),
        })),
      });
    }
    if (route === 'POST /api/webhooks') {
      const body = await readJson(req);
      let webhook;
      try {
        webhook = await newWebhook(body, by, services.network);
        const added = webhook;
        await connection.transact((doc) => addWebhook(doc, added));
      } catch (error) {
        if (error instanceof TypeError || error instanceof RangeError)
          throw new HttpError(400, error.message);
        throw error;
      }
      return sendJson(res, 201, webhook);
    }
    const one = /^\/api\/webhooks\/([a-z0-9]{8,32})(\/test)?$/.exec(url.pathname);
    if (one && req.method === 'DELETE' && !one[2]) {
      let removed = false;
      await connection.transact((doc) => void (removed = removeWebhook(doc, one[1]!)));
      if (!removed) throw new HttpError(404, `no webhook ${one[1]}`);
      return sendJson(res, 200, { removed: one[1] });
    }
    if (one && req.method === 'POST' && one[2]) {
      const delivery = await services.dispatcher.sendTest(workspace, one[1]!, by);
      if (!delivery) throw new HttpError(404, `no webhook ${one[1]}`);
      return sendJson(res, 200, delivery);
    }
    throw new HttpError(404, `no API at ${req.method} ${url.pathname}`);
  } finally {
    await connection.disconnect();
  }
}
