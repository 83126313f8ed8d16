import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRole, mayMint, type Principal } from '../../shared/auth/access.ts';
import { parseDuration } from '../auth/duration.ts';
import {
  randomId,
  TokenError,
  type TokenService,
  type VerifiedToken,
} from '../auth/token-service.ts';
import type { TokenStore } from '../auth/token-store.ts';
import type { DocumentHistory } from '../relay/relay.ts';
import type { HealthState } from '../relay/storage-health.ts';
import { handleHistoryApi } from './history-api.ts';
import { bearerToken, HttpError, readJson, sendJson } from './json.ts';

export interface ApiServices {
  tokens: TokenService;
  tokenStore: TokenStore;
  /** Lifetime of an extension's own member token, made at enrolment. */
  reporterTokenTtlMs: number;
  /** Public: only whether the relay works, with the reason when it does not (docs/sync.md DR3). */
  health(): HealthState;
  /** Live counts, for admins only (`GET /api/status`). */
  status(): Record<string, unknown>;
  history: DocumentHistory;
}

const DEFAULT_INVITATION_TTL = '7d';

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
  // Browser extensions enrol from their own origin: the enrolment endpoint allows any origin, which
  // is safe because it is authorised by the code in its body, never by cookies.
  if (url.pathname === '/api/enrol') {
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'POST',
        'Access-Control-Allow-Headers': 'Content-Type',
        'Access-Control-Max-Age': '600',
      });
      res.end();
      return true;
    }
  }
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
    if (route === 'POST /api/enrol') return (sendJson(res, 201, await enrol(req, services)), true);
    if (route === 'GET /api/whoami') {
      const verified = await authenticate(req, services);
      // The invitation's label (a person's name, as the inviter wrote it) names its holder to others.
      const label = services.tokenStore.get(verified.id)?.label;
      return (
        sendJson(res, 200, {
          tokenId: verified.id,
          ...verified.principal,
          expiresAt: verified.expiresAt,
          ...(label ? { label } : {}),
        }),
        true
      );
    }
    if (route === 'GET /api/tokens') {
      const { principal } = await authenticateManager(req, services);
      return (sendJson(res, 200, { tokens: services.tokenStore.list(principal.workspace) }), true);
    }
    if (route === 'POST /api/tokens') return (sendJson(res, 201, await mint(req, services)), true);
    const revokeMatch = /^\/api\/tokens\/([a-f0-9]{32})$/.exec(url.pathname);
    if (req.method === 'DELETE' && revokeMatch) {
      const { principal } = await authenticateManager(req, services);
      const record = services.tokenStore.get(revokeMatch[1]!);
      if (!record || record.workspace !== principal.workspace)
        throw new HttpError(404, 'no such token in this workspace');
      services.tokens.revoke(record.id);
      return (sendJson(res, 200, { id: record.id, revoked: true }), true);
    }
    throw new HttpError(404, `no API at ${req.method} ${url.pathname}`);
  } catch (error) {
    if (error instanceof HttpError) sendJson(res, error.status, { error: error.message });
    else if (error instanceof TokenError) sendJson(res, 401, { error: error.message });
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
async function authenticateManager(
  req: IncomingMessage,
  services: ApiServices,
): Promise<VerifiedToken> {
  const verified = await authenticate(req, services);
  if (verified.principal.role !== 'admin' && verified.principal.role !== 'lead')
    throw new HttpError(403, 'only admins and leads manage tokens');
  return verified;
}

/** Exchanges an enrolment token for this extension's own member token, bound to a fresh reporter id (E1). */
async function enrol(req: IncomingMessage, services: ApiServices) {
  const body = await readJson(req);
  const verified = await services.tokens.verify(body.token);
  const { principal } = verified;
  if (principal.role !== 'member' || principal.reporterId !== undefined)
    throw new HttpError(403, 'this is not an enrolment code');
  const reporterId = randomId();
  const minted = await services.tokens.mint({
    workspace: principal.workspace,
    role: 'member',
    reporterId,
    ttlMs: services.reporterTokenTtlMs,
    kind: 'reporter',
  });
  return {
    workspace: principal.workspace,
    reporterId,
    token: minted.token,
    tokenId: minted.id,
    expiresAt: minted.expiresAt,
  };
}

async function mint(req: IncomingMessage, services: ApiServices) {
  const { principal } = await authenticateManager(req, services);
  const body = await readJson(req);
  const role = body.role;
  if (!isRole(role)) throw new HttpError(400, 'role must be admin, lead, contributor or member');
  if (!mayMint(principal as Principal, role))
    throw new HttpError(403, `a ${principal.role} cannot invite a ${role}`);
  const ttlText = typeof body.ttl === 'string' ? body.ttl : DEFAULT_INVITATION_TTL;
  const ttlMs = parseDuration(ttlText);
  if (ttlMs === undefined)
    throw new HttpError(400, 'ttl must look like 30d, 12h or 90m (at most 10 years)');
  const label = typeof body.label === 'string' ? body.label.trim().slice(0, 200) : undefined;
  const minted = await services.tokens.mint({
    workspace: principal.workspace,
    role,
    ttlMs,
    ...(label ? { label } : {}),
  });
  return {
    id: minted.id,
    token: minted.token,
    role,
    workspace: principal.workspace,
    expiresAt: minted.expiresAt,
    kind: role === 'member' ? 'enrolment' : 'invitation',
  };
}
