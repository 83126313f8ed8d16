import { isPersonRole, type PersonRole } from '../../../shared/documents/admin/sso.ts';
import { fieldsOf, relayCaller } from './relay-call.ts';
import type { ApiResult } from './tokens-api.ts';

/** One person who signed in, as `GET /api/sso/people` lists them (docs/sync.md SSO9). */
export interface SsoPersonShown {
  subject: string;
  name: string;
  email: string;
  groups: string[];
  role: PersonRole | null;
  status: 'pending' | 'active' | 'removed';
  lastSignInAt: number;
}

export interface SsoListing {
  groups: { group: string; role: PersonRole }[];
  people: SsoPersonShown[];
}

export interface SsoApi {
  list(): Promise<ApiResult<SsoListing>>;
  mapGroup(group: string, role: PersonRole | null): Promise<ApiResult<unknown>>;
  decide(subject: string, decision: PersonRole | 'removed'): Promise<ApiResult<unknown>>;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

function readPerson(value: unknown): SsoPersonShown | undefined {
  const f = fieldsOf(value);
  if (typeof f.subject !== 'string') return undefined;
  if (f.status !== 'pending' && f.status !== 'active' && f.status !== 'removed') return undefined;
  return {
    subject: f.subject,
    name: text(f.name) || f.subject,
    email: text(f.email),
    groups: Array.isArray(f.groups) ? f.groups.filter((g) => typeof g === 'string') : [],
    role: isPersonRole(f.role) ? f.role : null,
    status: f.status,
    lastSignInAt: typeof f.lastSignInAt === 'number' ? f.lastSignInAt : 0,
  };
}

function readListing(body: unknown): SsoListing | undefined {
  const { groups, people } = fieldsOf(body);
  if (!Array.isArray(groups) || !Array.isArray(people)) return undefined;
  return {
    groups: groups.flatMap((g) => {
      const { group, role } = fieldsOf(g);
      return typeof group === 'string' && isPersonRole(role) ? [{ group, role }] : [];
    }),
    people: people.flatMap((p) => readPerson(p) ?? []),
  };
}

/** The relay's single sign-on administration, with this device's (admin) token. */
export function createSsoApi(token: string, fetcher: typeof fetch = fetch, base = ''): SsoApi {
  const call = relayCaller(token, fetcher, base);
  const any = (body: unknown) => body;
  return {
    list: () => call('GET', '/api/sso/people', readListing),
    mapGroup: (group, role) => call('POST', '/api/sso/groups', any, { group, role }),
    decide: (subject, decision) => call('POST', '/api/sso/people', any, { subject, decision }),
  };
}
