import type { IncomingMessage, ServerResponse } from 'node:http';
import { personName } from '../../shared/auth/person-name.ts';
import type { TokenService } from '../auth/token-service.ts';
import { bearerToken, HttpError, readJson, sendJson } from '../http/json.ts';
import type { AlertStorage } from '../storage/alert-storage.ts';
import { newDigestSubscription } from './new-subscription.ts';

export interface DigestServices {
  tokens: TokenService;
  alerts: AlertStorage;
  /** Whether this relay has an SMTP server (DIG1): Settings says when none does. */
  sending: boolean;
}

/**
 * The workspace's e-mail digests, for its admins and leads (docs/sync.md DIG5): `GET
 * /api/digests` lists the subscriptions with each one's latest delivery, `POST /api/digests`
 * `{to, every}` adds one, `DELETE /api/digests/<id>` removes one. They are rows of the shared
 * store, so every relay uses a change at its next look.
 */
export async function handleDigestsApi(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  services: DigestServices,
): Promise<void> {
  const token = bearerToken(req);
  if (!token) throw new HttpError(401, 'send Authorization: Bearer <token>');
  const verified = await services.tokens.verify(token);
  const { workspace, role } = verified.principal;
  if (role !== 'admin' && role !== 'lead')
    throw new HttpError(403, 'only admins and leads manage e-mail digests');
  const route = `${req.method} ${url.pathname}`;
  if (route === 'GET /api/digests') {
    const log = await services.alerts.digestLog(workspace, 500);
    const digests = (await services.alerts.digests(workspace)).map((digest) => {
      const last = log.find((entry) => entry.subscriptionId === digest.id);
      return { ...digest, ...(last ? { last } : {}) };
    });
    return sendJson(res, 200, { sending: services.sending, digests });
  }
  if (route === 'POST /api/digests') {
    const body = await readJson(req);
    const by = personName({ role, tokenId: verified.id, label: verified.label });
    let digest;
    try {
      digest = newDigestSubscription(
        await services.alerts.digests(workspace),
        { workspace, to: body.to, every: body.every },
        by,
        Date.now(),
      );
    } catch (error) {
      if (error instanceof RangeError) throw new HttpError(400, error.message);
      throw error;
    }
    await services.alerts.addDigest(digest);
    return sendJson(res, 201, digest);
  }
  const one = /^\/api\/digests\/([a-f0-9]{16})$/.exec(url.pathname);
  if (one && req.method === 'DELETE') {
    if (!(await services.alerts.removeDigest(workspace, one[1]!)))
      throw new HttpError(404, `no digest ${one[1]}`);
    return sendJson(res, 200, { removed: one[1] });
  }
  throw new HttpError(404, 'no such digest route');
}
