import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomId } from '../auth/token-service.ts';
import type { ApiServices } from './api.ts';
import { HttpError, readJson } from './json.ts';

/** The origins of browser extensions' own pages: the only pages that may enrol from a browser. */
const EXTENSION_ORIGIN = /^(chrome|moz|safari-web)-extension:\/\/[A-Za-z0-9._-]+$/;

/**
 * Extensions enrol from their own origin, so `/api/enrol` answers CORS for extension origins —
 * never for a web page on another origin, which could otherwise mint reporters from any visitor's
 * browser (H1). Returns true when it answered a preflight.
 */
export function enrolmentCors(req: IncomingMessage, res: ServerResponse): boolean {
  const origin = req.headers.origin;
  if (typeof origin === 'string' && EXTENSION_ORIGIN.test(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
  }
  if (req.method !== 'OPTIONS') return false;
  res.writeHead(204, {
    'Access-Control-Allow-Methods': 'POST',
    'Access-Control-Allow-Headers': 'Content-Type',
    'Access-Control-Max-Age': '600',
  });
  res.end();
  return true;
}

/** The enrolment under way for each code: those with one code run one at a time (H3). */
const underWay = new Map<string, Promise<unknown>>();

/** Runs `work` after every enrolment with the same code that started before it has finished. */
function oneAtATime<T>(codeId: string, work: () => Promise<T>): Promise<T> {
  const previous = underWay.get(codeId) ?? Promise.resolve();
  const mine = previous.then(work, work);
  const settled = mine.catch(() => undefined);
  underWay.set(codeId, settled);
  void settled.then(() => {
    if (underWay.get(codeId) === settled) underWay.delete(codeId);
  });
  return mine;
}

function tooMany(what: string): HttpError {
  return new HttpError(429, `too many enrolments ${what}: try again in a minute`, {
    'Retry-After': '60',
  });
}

/**
 * Exchanges an enrolment code for this extension's own member token, bound to a fresh reporter id
 * (E1), within the per-IP and per-code rates (H1) and the code's cap on reporters (H3). The
 * reporter is recorded as minted by the code, so it is listed and revoked with it (H2, H4).
 */
export async function enrol(req: IncomingMessage, services: ApiServices) {
  // Counted before the code is read: guessing codes costs the same as using one.
  if (!services.enrolmentsPerIp.take(services.clientAddress(req)))
    throw tooMany('from this address');
  const body = await readJson(req);
  const verified = await services.tokens.verify(body.token);
  const { principal } = verified;
  if (principal.role !== 'member' || principal.reporterId !== undefined)
    throw new HttpError(403, 'this is not an enrolment code');
  // Counted and minted one at a time per code, so that enrolments at once cannot pass the cap.
  const reporterId = randomId();
  const minted = await oneAtATime(verified.id, async () => {
    const cap = (await services.tokenStore.get(verified.id))?.maxReporters ?? null;
    if (cap !== null && (await services.tokenStore.enrolled(verified.id)).count >= cap)
      throw new HttpError(
        403,
        `this enrolment code has enrolled the most reporters it may (${cap})`,
      );
    if (!services.enrolmentsPerCode.take(verified.id)) throw tooMany('with this code');
    return services.tokens.mint({
      workspace: principal.workspace,
      role: 'member',
      reporterId,
      ttlMs: services.reporterTokenTtlMs,
      kind: 'reporter',
      mintedBy: verified.id,
    });
  });
  return {
    workspace: principal.workspace,
    reporterId,
    token: minted.token,
    tokenId: minted.id,
    expiresAt: minted.expiresAt,
  };
}
