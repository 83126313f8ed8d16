import type * as Y from 'yjs';
import type { Role } from '../../auth/access.ts';
import { isPlainObject } from '../schema/read-core.ts';
import { ensureWritable } from '../schema/version.ts';
import { ADMIN_SCHEMA } from './webhooks.ts';

/**
 * Single sign-on's part of `W/admin` (docs/sync.md SSO1–SSO8). This module owns its shape:
 * `ssoGroups` (an identity provider's group → the role it gives in this workspace) and `ssoPeople`
 * (the identity provider's subject → one plain object, written whole). Readers trust nothing in it.
 */
export const SSO_GROUPS = 'ssoGroups';
export const SSO_PEOPLE = 'ssoPeople';

/** The roles a person may get by signing in (SSO2): `member` and `pipeline` are for machines. */
export const PERSON_ROLES = ['admin', 'lead', 'contributor'] as const satisfies readonly Role[];
export type PersonRole = (typeof PERSON_ROLES)[number];

export function isPersonRole(value: unknown): value is PersonRole {
  return typeof value === 'string' && (PERSON_ROLES as readonly string[]).includes(value);
}

/** Most groups mapped per workspace, and the longest group name (Entra's are 36-character ids). */
export const MAX_GROUP_MAPPINGS = 200;
export const MAX_GROUP = 256;
/** Session token ids kept per person, newest last: enough to revoke every live one (SSO6). */
export const MAX_SESSIONS = 20;

export type PersonStatus = 'pending' | 'active' | 'removed';

/** Someone who signed in through the identity provider. */
export interface SsoPerson {
  /** The identity provider's `sub`: stable, never reassigned (OpenID Connect Core §2). */
  subject: string;
  name: string;
  email: string;
  /** The groups the last sign-in claimed. */
  groups: string[];
  /** A role an admin gave this person; it wins over the groups (SSO3). Null: none given. */
  assignedRole: PersonRole | null;
  /** The role the last sign-in gave; null while pending. */
  role: PersonRole | null;
  status: PersonStatus;
  firstSeenAt: number;
  lastSignInAt: number;
  /** Session token ids issued to this person, so an admin can end them all (SSO6). */
  sessions: string[];
}

export function checkGroup(group: unknown): asserts group is string {
  if (typeof group !== 'string' || group.trim() === '' || group.length > MAX_GROUP)
    throw new TypeError(`a group is 1–${MAX_GROUP} characters`);
}

/** Maps a group to a role in this workspace; throws, changing nothing, on bad input. */
export function mapGroup(doc: Y.Doc, group: string, role: PersonRole): void {
  checkGroup(group);
  if (!isPersonRole(role))
    throw new TypeError(`a group maps to one of ${PERSON_ROLES.join(', ')}, not ${String(role)}`);
  doc.transact(() => {
    ensureWritable(doc, ADMIN_SCHEMA);
    const map = doc.getMap<unknown>(SSO_GROUPS);
    if (map.size >= MAX_GROUP_MAPPINGS && !map.has(group))
      throw new RangeError(`a workspace maps at most ${MAX_GROUP_MAPPINGS} groups`);
    map.set(group, role);
  });
}

/** Removes a group's mapping; false when it had none. */
export function unmapGroup(doc: Y.Doc, group: string): boolean {
  const map = doc.getMap<unknown>(SSO_GROUPS);
  if (!map.has(group)) return false;
  doc.transact(() => {
    ensureWritable(doc, ADMIN_SCHEMA);
    map.delete(group);
  });
  return true;
}

/** Every well-formed group mapping, sorted by group. */
export function readGroupMappings(doc: Y.Doc): { group: string; role: PersonRole }[] {
  const map = doc.share.has(SSO_GROUPS) ? doc.getMap<unknown>(SSO_GROUPS) : undefined;
  const mappings: { group: string; role: PersonRole }[] = [];
  for (const [group, role] of map?.entries() ?? [])
    if (group.length <= MAX_GROUP && isPersonRole(role)) mappings.push({ group, role });
  return mappings.sort((a, b) => a.group.localeCompare(b.group));
}

const RANK: Record<PersonRole, number> = { contributor: 1, lead: 2, admin: 3 };

/**
 * The role a sign-in gives (SSO2–SSO4): an admin's assignment first; else the highest role any of
 * the person's groups maps to; else none (pending). A removed person gets none.
 */
export function roleFor(
  person: Pick<SsoPerson, 'assignedRole' | 'status'> | undefined,
  groups: readonly string[],
  mappings: readonly { group: string; role: PersonRole }[],
): PersonRole | null {
  if (person?.status === 'removed') return null;
  if (person?.assignedRole) return person.assignedRole;
  const mine = new Set(groups);
  let best: PersonRole | null = null;
  for (const { group, role } of mappings)
    if (mine.has(group) && (best === null || RANK[role] > RANK[best])) best = role;
  return best;
}

export function readPerson(doc: Y.Doc, subject: string): SsoPerson | undefined {
  if (!doc.share.has(SSO_PEOPLE)) return undefined;
  return parsePerson(subject, doc.getMap<unknown>(SSO_PEOPLE).get(subject));
}

/** Everyone who signed in, pending first, then by name. */
export function readPeople(doc: Y.Doc): SsoPerson[] {
  const map = doc.share.has(SSO_PEOPLE) ? doc.getMap<unknown>(SSO_PEOPLE) : undefined;
  const people: SsoPerson[] = [];
  for (const [subject, value] of map?.entries() ?? []) {
    const person = parsePerson(subject, value);
    if (person) people.push(person);
  }
  const order: Record<PersonStatus, number> = { pending: 0, active: 1, removed: 2 };
  return people.sort((a, b) => order[a.status] - order[b.status] || a.name.localeCompare(b.name));
}

/** Writes one person whole. */
export function writePerson(doc: Y.Doc, person: SsoPerson): void {
  if (typeof person.subject !== 'string' || person.subject === '' || person.subject.length > 255)
    throw new TypeError('a subject is 1–255 characters');
  doc.transact(() => {
    ensureWritable(doc, ADMIN_SCHEMA);
    doc.getMap<unknown>(SSO_PEOPLE).set(person.subject, {
      ...person,
      name: person.name.slice(0, 200),
      email: person.email.slice(0, 320),
      groups: person.groups.slice(0, 100).map((g) => g.slice(0, MAX_GROUP)),
      sessions: person.sessions.slice(-MAX_SESSIONS),
    });
  });
}

/** An admin's decision about a person (SSO3, SSO6): a role, or removal. Returns the person as written. */
export function decide(
  doc: Y.Doc,
  subject: string,
  decision: PersonRole | 'removed',
): SsoPerson | undefined {
  const person = readPerson(doc, subject);
  if (!person) return undefined;
  const next: SsoPerson =
    decision === 'removed'
      ? { ...person, status: 'removed', assignedRole: null, role: null }
      : { ...person, status: 'active', assignedRole: decision, role: decision };
  writePerson(doc, next);
  return next;
}

function parsePerson(subject: string, value: unknown): SsoPerson | undefined {
  if (!isPlainObject(value) || subject === '' || subject.length > 255) return undefined;
  const { name, email, groups, assignedRole, role, status, firstSeenAt, lastSignInAt, sessions } =
    value;
  if (status !== 'pending' && status !== 'active' && status !== 'removed') return undefined;
  const strings = (list: unknown, max: number) =>
    Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string').slice(-max) : [];
  const time = (t: unknown) => (typeof t === 'number' && Number.isFinite(t) ? t : 0);
  return {
    subject,
    name: typeof name === 'string' && name.trim() !== '' ? name.slice(0, 200) : subject,
    email: typeof email === 'string' ? email.slice(0, 320) : '',
    groups: strings(groups, 100),
    assignedRole: isPersonRole(assignedRole) ? assignedRole : null,
    role: isPersonRole(role) ? role : null,
    status,
    firstSeenAt: time(firstSeenAt),
    lastSignInAt: time(lastSignInAt),
    sessions: strings(sessions, MAX_SESSIONS).filter((s) => /^[a-f0-9]{32}$/.test(s)),
  };
}
