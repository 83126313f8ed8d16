import type { IncomingMessage } from 'node:http';
import { isRole, mayMint } from '../../shared/auth/access.ts';
import { parseDuration } from '../auth/duration.ts';
import { MAX_LIFETIME_MS, type VerifiedToken } from '../auth/token-service.ts';
import type { TokenRecord } from '../auth/token-store.ts';
import type { ApiServices } from './api.ts';
import { HttpError, readJson } from './json.ts';

const DEFAULT_INVITATION_TTL = '7d';
const DAY_MS = 86_400_000;
const MAX_REPORTERS_CAP = 1_000_000;

/** Who minted a token, as a list shows it: the minter's id, role and label; null for the command line (H8). */
async function minter(record: TokenRecord, services: ApiServices) {
  if (record.mintedBy === null) return null;
  const by = await services.tokenStore.get(record.mintedBy);
  return { id: record.mintedBy, role: by?.role ?? null, label: by?.label ?? null };
}

/** `GET /api/tokens`: invitations and codes, who minted each, and each code's reporters (H2, H8). */
export async function listTokens(manager: VerifiedToken, services: ApiServices) {
  const records = await services.tokenStore.list(manager.principal.workspace);
  const tokens = [];
  for (const record of records)
    tokens.push({
      id: record.id,
      workspace: record.workspace,
      role: record.role,
      kind: record.kind,
      label: record.label,
      createdAt: record.createdAt,
      expiresAt: record.expiresAt,
      revokedAt: record.revokedAt,
      mintedBy: await minter(record, services),
      ...(record.kind === 'enrolment'
        ? {
            maxReporters: record.maxReporters,
            reporters: await services.tokenStore.enrolled(record.id),
          }
        : {}),
    });
  return { tokens };
}

async function codeInWorkspace(id: string, manager: VerifiedToken, services: ApiServices) {
  const record = await services.tokenStore.get(id);
  if (!record || record.workspace !== manager.principal.workspace)
    throw new HttpError(404, 'no such token in this workspace');
  return record;
}

/** `GET /api/tokens/<code>/reporters`: the extensions one enrolment code enrolled, newest first (H2). */
export async function listReporters(codeId: string, manager: VerifiedToken, services: ApiServices) {
  const code = await codeInWorkspace(codeId, manager, services);
  if (code.kind !== 'enrolment') throw new HttpError(400, 'this token is not an enrolment code');
  return {
    code: code.id,
    ...(await services.tokenStore.enrolled(code.id)),
    reporters: (await services.tokenStore.reportersOf(code.id)).map((reporter) => ({
      id: reporter.id,
      reporterId: reporter.reporterId,
      createdAt: reporter.createdAt,
      expiresAt: reporter.expiresAt,
      lastSeenAt: reporter.lastSeenAt,
      revokedAt: reporter.revokedAt,
    })),
  };
}

/**
 * `DELETE /api/tokens/<id>[?reporters=revoke]`: revokes a token and, when asked, every reporter
 * the enrolment code enrolled (H4). Only an admin revokes an admin's token (H10).
 */
export async function revoke(
  id: string,
  withReporters: boolean,
  manager: VerifiedToken,
  services: ApiServices,
) {
  const record = await codeInWorkspace(id, manager, services);
  if (record.role === 'admin' && manager.principal.role !== 'admin')
    throw new HttpError(403, "only an admin revokes an admin's token");
  await services.tokens.revoke(record.id);
  const reportersRevoked =
    withReporters && record.kind === 'enrolment'
      ? await services.tokenStore.revokeReportersOf(record.id, Date.now())
      : 0;
  return { id: record.id, revoked: true, reportersRevoked };
}

/** `POST /api/tokens`: mints at or below the minter's role (P7), within the role's lifetime (H9). */
export async function mint(req: IncomingMessage, manager: VerifiedToken, services: ApiServices) {
  const { principal } = manager;
  const body = await readJson(req);
  const role = body.role;
  if (!isRole(role))
    throw new HttpError(400, 'role must be admin, lead, contributor, member or pipeline');
  if (!mayMint(principal, role))
    throw new HttpError(403, `a ${principal.role} cannot invite a ${role}`);
  const ttlText = typeof body.ttl === 'string' ? body.ttl : DEFAULT_INVITATION_TTL;
  const ttlMs = parseDuration(ttlText);
  if (ttlMs === undefined)
    throw new HttpError(400, 'ttl must look like 30d, 12h or 90m (at most 10 years)');
  if (ttlMs > MAX_LIFETIME_MS[role])
    throw new HttpError(
      400,
      `a ${role} token lives at most ${MAX_LIFETIME_MS[role] / DAY_MS} days: ask for a shorter ttl`,
    );
  const maxReporters = body.maxReporters;
  if (
    maxReporters !== undefined &&
    (role !== 'member' ||
      !Number.isInteger(maxReporters) ||
      (maxReporters as number) < 1 ||
      (maxReporters as number) > MAX_REPORTERS_CAP)
  )
    throw new HttpError(
      400,
      `maxReporters is for enrolment codes: a whole number from 1 to ${MAX_REPORTERS_CAP}`,
    );
  const label = typeof body.label === 'string' ? body.label.trim().slice(0, 200) : undefined;
  const minted = await services.tokens.mint({
    workspace: principal.workspace,
    role,
    ttlMs,
    mintedBy: manager.id,
    ...(label ? { label } : {}),
    ...(maxReporters !== undefined ? { maxReporters: maxReporters as number } : {}),
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
