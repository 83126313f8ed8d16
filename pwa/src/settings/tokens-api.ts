import { isRole, type Role } from '../../../shared/auth/access.ts';
import { fieldsOf, relayCaller } from './relay-call.ts';

/** One invitation or enrolment code as `GET /api/tokens` lists it (never the token itself). */
export interface TokenSummary {
  id: string;
  role: Role;
  /** 'invitation', 'enrolment', 'cli' (minted on the command line) or another the relay adds. */
  kind: string;
  label: string | null;
  /** Epoch ms. */
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
}

/** What `POST /api/tokens` answers: the token, which the relay never shows again. */
export interface MintedToken {
  id: string;
  token: string;
  role: Role;
  workspace: string;
  expiresAt: number;
  kind: 'invitation' | 'enrolment';
}

export interface MintRequest {
  role: Role;
  /** A lifetime such as `7d`, `12h`, `90m` (docs/sync.md E2–E3). */
  ttl: string;
  label?: string;
}

export type ApiFailure =
  /** No answer: offline, or the relay is down. */
  | { ok: false; kind: 'unreachable'; error: string }
  /** An answer with a status that is not a success; `error` is the relay's words when it sent some. */
  | { ok: false; kind: 'refused'; status: number; error: string };

export type ApiResult<T> = { ok: true; value: T } | ApiFailure;

export interface TokensApi {
  list(): Promise<ApiResult<TokenSummary[]>>;
  mint(request: MintRequest): Promise<ApiResult<MintedToken>>;
  revoke(id: string): Promise<ApiResult<{ id: string; revoked: boolean }>>;
}

const isTime = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

const TOKEN_ID = /^[a-f0-9]{32}$/;

/** Reads one row of the list; undefined for a row of the wrong shape (the answer is not trusted). */
export function readTokenSummary(value: unknown): TokenSummary | undefined {
  const row = fieldsOf(value);
  const { id, role, kind, label, createdAt, expiresAt, revokedAt } = row;
  if (typeof id !== 'string' || !TOKEN_ID.test(id) || !isRole(role)) return undefined;
  if (typeof kind !== 'string' || !isTime(createdAt) || !isTime(expiresAt)) return undefined;
  return {
    id,
    role,
    kind,
    label: typeof label === 'string' ? label : null,
    createdAt,
    expiresAt,
    revokedAt: isTime(revokedAt) ? revokedAt : null,
  };
}

function readMinted(value: unknown): MintedToken | undefined {
  const { id, token, role, workspace, expiresAt, kind } = fieldsOf(value);
  if (typeof id !== 'string' || !TOKEN_ID.test(id) || typeof token !== 'string' || !token)
    return undefined;
  if (!isRole(role) || typeof workspace !== 'string' || !isTime(expiresAt)) return undefined;
  return {
    id,
    token,
    role,
    workspace,
    expiresAt,
    kind:
      kind === 'enrolment' || (kind === undefined && role === 'member')
        ? 'enrolment'
        : 'invitation',
  };
}

/**
 * The relay's token API (docs/sync.md E2–E3) for admins and leads, with this device's token.
 * Never throws: every answer is a result, and a failure carries the relay's own words.
 */
export function createTokensApi(
  token: string,
  fetcher: typeof fetch = (...args) => fetch(...args),
  base = '',
): TokensApi {
  const call = relayCaller(token, fetcher, base);

  return {
    list: () =>
      call('GET', '/api/tokens', (answer) => {
        const rows = fieldsOf(answer).tokens;
        if (!Array.isArray(rows)) return undefined;
        return rows.map(readTokenSummary).filter((row) => row !== undefined);
      }),
    mint: (request) =>
      call('POST', '/api/tokens', readMinted, {
        role: request.role,
        ttl: request.ttl,
        ...(request.label ? { label: request.label } : {}),
      }),
    revoke: (id) => {
      if (!TOKEN_ID.test(id)) {
        return Promise.resolve<ApiFailure>({
          ok: false,
          kind: 'refused',
          status: 400,
          error: 'not a token id',
        });
      }
      return call('DELETE', `/api/tokens/${id}`, (answer) => {
        const { id: revokedId, revoked } = fieldsOf(answer);
        return typeof revokedId === 'string'
          ? { id: revokedId, revoked: revoked === true }
          : undefined;
      });
    },
  };
}

/** The link that opens the workspace in the PWA with an invitation (`#/join`). */
export function joinLink(origin: string, workspace: string, token: string): string {
  const params = new URLSearchParams({ workspace, token });
  return `${origin}/#/join?${params.toString()}`;
}

/** The link an extension's options page accepts to enrol (docs/extension.md). */
export function enrolmentLink(origin: string, code: string): string {
  return `${origin}/#/enrol?${new URLSearchParams({ code }).toString()}`;
}
