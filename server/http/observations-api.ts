import type { IncomingMessage } from 'node:http';
import { personName } from '../../shared/auth/person-name.ts';
import type { TokenService } from '../auth/token-service.ts';
import { KeyedBuckets, TokenBucket } from '../relay/rate-limit.ts';
import { ObservationRefusal, type ObservationWriter } from '../relay/observation-writer.ts';
import { keyScope, requestFingerprint } from '../relay/observation-idempotency.ts';
import { idempotencyKey } from './idempotency-key.ts';
import { bearerToken, HttpError, readJson } from './json.ts';

/** A batch of 10,000 observations fits comfortably (about 80 bytes each as JSON). */
export const MAX_OBSERVATIONS_BODY = 2 * 1024 * 1024;
/**
 * Requests per token (MON3): bursts of 60, then 5 a second. Each request reads the system's
 * whole monitoring to find breaches, so a token that floods is slowed before it costs the relay.
 */
export const observationBuckets = () => new KeyedBuckets(() => new TokenBucket(60, 5));
export const OBSERVATIONS_PATH = /^\/api\/records\/([^/]{1,200})\/observations$/;

/**
 * `POST /api/records/<id>/observations` (docs/sync.md MON1–MON7): a pipeline's (or a lead's)
 * observations for one system. Answers 200 `{ added, alerts }` only once they are durable; with an
 * `Idempotency-Key`, a retry answers the first answer again and adds nothing (MON7).
 */
export async function postObservations(
  req: IncomingMessage,
  recordId: string,
  services: {
    tokens: TokenService;
    observations: ObservationWriter;
    observationsPerToken: KeyedBuckets;
  },
): Promise<{
  added: number;
  alerts: { id: string; metric: string; subgroup: string; action: string }[];
  replayed?: true;
}> {
  const token = bearerToken(req);
  if (!token) throw new HttpError(401, 'send Authorization: Bearer <token>');
  const verified = await services.tokens.verify(token);
  const { role, workspace } = verified.principal;
  if (role !== 'pipeline' && role !== 'lead' && role !== 'admin')
    throw new HttpError(403, 'only a pipeline token (or a lead) adds observations');
  if (!services.observationsPerToken.take(verified.id))
    throw new HttpError(429, 'too many requests for this token: at most 5 a second', {
      'Retry-After': '1',
    });
  const key = idempotencyKey(req);
  const body = await readJson(req, MAX_OBSERVATIONS_BODY);
  const by = personName({ role, tokenId: verified.id, label: verified.label });
  const idempotency = key && {
    scope: keyScope(workspace, verified.id),
    key,
    fingerprint: requestFingerprint(recordId, body),
  };
  try {
    return await services.observations.add(workspace, recordId, body, by, idempotency || undefined);
  } catch (error) {
    if (error instanceof ObservationRefusal) throw new HttpError(error.status, error.message);
    const refused = error as { reason?: unknown };
    if (typeof refused.reason === 'string') throw new HttpError(503, refused.reason);
    throw error;
  }
}
