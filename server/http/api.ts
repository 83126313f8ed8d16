import type { IncomingMessage, ServerResponse } from 'node:http';
import { TokenError, type TokenService, type VerifiedToken } from '../auth/token-service.ts';
import type { ReporterClientStorage, TokenStorage } from '../storage/relay-storage.ts';
import type { KeyedBuckets } from '../relay/rate-limit.ts';
import type { DocumentHistory } from '../relay/relay.ts';
import type { HealthState } from '../relay/storage-health.ts';
import { enrol, enrolmentCors } from './enrolment.ts';
import { listExtensions } from './extensions-api.ts';
import { handleHistoryApi } from './history-api.ts';
import { OBSERVATIONS_PATH, postObservations } from './observations-api.ts';
import type { ObservationWriter } from '../relay/observation-writer.ts';
import { bearerToken, HttpError, sendJson } from './json.ts';
import { listReporters, listTokens, mint, revoke } from './token-management.ts';
import { handleWebhooksApi, type WebhookServices } from '../webhooks/webhooks-api.ts';
import { handleDigestsApi, type DigestServices } from '../digests/digests-api.ts';

export interface ApiServices {
  tokens: TokenService;
  tokenStore: TokenStorage;
  /** Lifetime of an extension's own member token, made at enrolment. */
  reporterTokenTtlMs: number;
  /** Public: only whether the relay works, with the reason when it does not (docs/sync.md DR3). */
  health(): HealthState;
  /** Live counts, for admins only (`GET /api/status`). */
  status(): Record<string, unknown>;
  history: DocumentHistory;
  /** Where a request came from: the socket's peer, or a trusted proxy's X-Forwarded-For (PROXY1). */
  clientAddress(req: IncomingMessage): string;
  /** Enrolments allowed per IP address and per enrolment code (docs/sync.md H1). */
  enrolmentsPerIp: KeyedBuckets;
  enrolmentsPerCode: KeyedBuckets;
  /** Each enrolled extension's version and policy enrolment error, from its report (EXT1). */
  reporterClients: ReporterClientStorage;
  /** A system's observations, from a pipeline (docs/sync.md MON1–MON7), and requests per token. */
  observations: ObservationWriter;
  observationsPerToken: KeyedBuckets;
  webhooks: Omit<WebhookServices, 'tokens'>;
  digests: Omit<DigestServices, 'tokens'>;
}

/**
 * The relay's HTTP API (docs/sync.md, "HTTP API"). Every answer is JSON; errors are
 * `{ "error": "…" }` with a status that says what kind. Returns false for paths it does not own.
 */
export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  services: ApiServices,
): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://relay');
  if (!url.pathname.startsWith('/api/')) return false;
  if (url.pathname === '/api/enrol' && enrolmentCors(req, res)) return true;
  try {
    const route = `${req.method} ${url.pathname}`;
    if (route === 'GET /api/health') {
      const health = services.health();
      return (
        sendJson(
          res,
          health.ok ? 200 : 503,
          health.ok ? { ok: true } : { ok: false, error: health.reason },
        ),
        true
      );
    }
    if (route === 'GET /api/status') {
      const { principal } = await authenticate(req, services);
      if (principal.role !== 'admin') throw new HttpError(403, 'only admins see the relay status');
      return (sendJson(res, 200, { storage: services.health(), ...services.status() }), true);
    }
    // DR2: while storage fails, nothing that writes is attempted (reads still answer).
    const storage = services.health();
    if (req.method !== 'GET' && req.method !== 'OPTIONS' && !storage.ok)
      throw new HttpError(503, storage.reason);
    if (url.pathname.startsWith('/api/history'))
      return (await handleHistoryApi(req, res, url, services), true);
    const observationsMatch = OBSERVATIONS_PATH.exec(url.pathname);
    if (req.method === 'POST' && observationsMatch) {
      // MON7: a replay's body is the first answer's; only this header tells them apart.
      const { replayed, ...answer } = await postObservations(req, observationsMatch[1]!, services);
      sendJson(res, 200, answer, replayed ? { 'Idempotent-Replayed': 'true' } : {});
      return true;
    }
    if (url.pathname === '/api/webhooks' || url.pathname.startsWith('/api/webhooks/'))
      return (
        await handleWebhooksApi(req, res, url, { tokens: services.tokens, ...services.webhooks }),
        true
      );
    if (url.pathname === '/api/digests' || url.pathname.startsWith('/api/digests/'))
      return (
        await handleDigestsApi(req, res, url, { tokens: services.tokens, ...services.digests }),
        true
      );
    if (route === 'POST /api/enrol') return (sendJson(res, 201, await enrol(req, services)), true);
    if (route === 'GET /api/whoami') {
      const verified = await authenticate(req, services);
      // The invitation's label (a person's name, as the inviter wrote it) names its holder to others.
      return (
        sendJson(res, 200, {
          tokenId: verified.id,
          ...verified.principal,
          expiresAt: verified.expiresAt,
          ...(verified.label ? { label: verified.label } : {}),
        }),
        true
      );
    }
    if (route === 'GET /api/tokens') {
      const manager = await authenticateManager(req, services);
      return (sendJson(res, 200, await listTokens(manager, services)), true);
    }
    if (route === 'GET /api/extensions') {
      const manager = await authenticateManager(req, services);
      return (sendJson(res, 200, await listExtensions(manager, services)), true);
    }
    if (route === 'POST /api/tokens') {
      const manager = await authenticateManager(req, services);
      return (sendJson(res, 201, await mint(req, manager, services)), true);
    }
    const reportersMatch = /^\/api\/tokens\/([a-f0-9]{32})\/reporters$/.exec(url.pathname);
    if (req.method === 'GET' && reportersMatch) {
      const manager = await authenticateManager(req, services);
      return (sendJson(res, 200, await listReporters(reportersMatch[1]!, manager, services)), true);
    }
    const revokeMatch = /^\/api\/tokens\/([a-f0-9]{32})$/.exec(url.pathname);
    if (req.method === 'DELETE' && revokeMatch) {
      const manager = await authenticateManager(req, services);
      const withReporters = url.searchParams.get('reporters') === 'revoke';
      return (
        sendJson(res, 200, await revoke(revokeMatch[1]!, withReporters, manager, services)),
        true
      );
    }
    throw new HttpError(404, `no API at ${req.method} ${url.pathname}`);
  } catch (error) {
    if (error instanceof HttpError) {
      for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
      sendJson(res, error.status, { error: error.message });
    } else if (error instanceof TokenError) sendJson(res, 401, { error: error.message });
    else {
      console.error('api error:', (error as Error).message);
      sendJson(res, 500, { error: 'internal error' });
    }
    return true;
  }
}

async function authenticate(req: IncomingMessage, services: ApiServices): Promise<VerifiedToken> {
  const token = bearerToken(req);
  if (!token) throw new HttpError(401, 'send Authorization: Bearer <token>');
  return services.tokens.verify(token);
}

/** Admins and leads manage people; everyone else is refused. */
export async function authenticateManager(
  req: IncomingMessage,
  services: ApiServices,
): Promise<VerifiedToken> {
  const verified = await authenticate(req, services);
  if (verified.principal.role !== 'admin' && verified.principal.role !== 'lead')
    throw new HttpError(403, 'only admins and leads manage tokens');
  return verified;
}
