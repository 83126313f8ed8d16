import type { Role } from '../../../shared/auth/access.ts';

/** One call the fake relay answered, as the client sent it. */
export interface SeenCall {
  method: string;
  url: string;
  authorization: string | null;
  contentType: string | null;
  body: unknown;
}

interface Row {
  id: string;
  workspace: string;
  role: Role;
  reporterId: null;
  kind: string;
  label: string | null;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
  mintedBy: { id: string; role: Role | null; label: string | null } | null;
  reporters?: { count: number; active: number; lastSeenAt: number | null };
  maxReporters?: number | null;
}

const DAY = 86_400_000;
export const T0 = Date.UTC(2026, 0, 10);
/** The token id of the fake relay's caller, as its minted rows name their minter. */
export const CALLER_ID = '2'.padStart(32, 'a');

/**
 * A fetch that behaves like the relay's token API (server/http/api.ts) for one workspace and one
 * caller's role, for tests: it lists, mints and revokes in memory. `fail` makes the next calls
 * answer an error instead; `offline` makes fetch reject like a browser without network.
 */
export function fakeTokensRelay(role: Role = 'admin', rows: Partial<Row>[] = []) {
  let next = 0;
  const newId = () => (++next).toString(16).padStart(32, 'a');
  const tokens: Row[] = rows.map((row) => ({
    id: newId(),
    workspace: 'acme',
    role: 'contributor',
    reporterId: null,
    kind: 'invitation',
    label: null,
    createdAt: T0,
    expiresAt: T0 + 30 * DAY,
    revokedAt: null,
    mintedBy: null,
    ...row,
  }));
  const calls: SeenCall[] = [];
  const relay = {
    tokens,
    calls,
    minted: [] as string[],
    fail: undefined as { status: number; body: unknown } | undefined,
    offline: false,
    fetch: (async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = String(input);
      const headers = new Headers(init.headers);
      const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
      const method = init.method ?? 'GET';
      calls.push({
        method,
        url,
        authorization: headers.get('authorization'),
        contentType: headers.get('content-type'),
        body,
      });
      if (relay.offline) throw new TypeError('Failed to fetch');
      if (relay.fail) return json(relay.fail.status, relay.fail.body);
      if (method === 'GET' && url === '/api/tokens') return json(200, { tokens: [...tokens] });
      if (method === 'POST' && url === '/api/tokens') {
        const asked = body as { role: Role; ttl: string; label?: string };
        if (role !== 'admin' && role !== 'lead')
          return json(403, { error: 'only admins and leads manage tokens' });
        if (asked.role === 'admin' && role !== 'admin')
          return json(403, { error: `a ${role} cannot invite a admin` });
        const id = newId();
        const token = `eyJhbGciOiJIUzI1NiJ9.${btoa(id).replace(/=+$/, '')}.sig-${id.slice(-4)}`;
        relay.minted.push(token);
        const kind = asked.role === 'member' ? 'enrolment' : 'invitation';
        tokens.unshift({
          id,
          workspace: 'acme',
          role: asked.role,
          reporterId: null,
          kind,
          label: asked.label ?? null,
          createdAt: T0 + DAY,
          expiresAt: T0 + 8 * DAY,
          revokedAt: null,
          mintedBy: { id: CALLER_ID, role, label: null },
          ...(kind === 'enrolment'
            ? { reporters: { count: 0, active: 0, lastSeenAt: null }, maxReporters: null }
            : {}),
        });
        return json(201, {
          id,
          token,
          role: asked.role,
          workspace: 'acme',
          expiresAt: T0 + 8 * DAY,
          kind,
        });
      }
      const revoke = /^\/api\/tokens\/([a-f0-9]{32})(\?reporters=revoke)?$/.exec(url);
      if (method === 'DELETE' && revoke) {
        const row = tokens.find((t) => t.id === revoke[1]);
        if (!row) return json(404, { error: 'no such token in this workspace' });
        if (row.role === 'admin' && role !== 'admin')
          return json(403, { error: "only an admin revokes an admin's token" });
        row.revokedAt = T0 + 2 * DAY;
        let reportersRevoked = 0;
        if (revoke[2] && row.reporters) {
          reportersRevoked = row.reporters.active;
          row.reporters = { ...row.reporters, active: 0 };
        }
        return json(200, { id: row.id, revoked: true, reportersRevoked });
      }
      return json(404, { error: `no API at ${method} ${url}` });
    }) as typeof fetch,
  };
  return relay;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}
