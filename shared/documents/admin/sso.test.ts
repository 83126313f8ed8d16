import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  decide,
  mapGroup,
  readGroupMappings,
  readPeople,
  readPerson,
  roleFor,
  writePerson,
  type SsoPerson,
} from './sso.ts';

const mappings = [
  { group: 'ai-governance-leads', role: 'lead' as const },
  { group: 'data-science', role: 'contributor' as const },
  { group: 'it-admins', role: 'admin' as const },
];

const person = (over: Partial<SsoPerson> = {}): SsoPerson => ({
  subject: 'sub-1',
  name: 'Ada',
  email: 'ada@example.com',
  groups: [],
  assignedRole: null,
  role: null,
  status: 'pending',
  firstSeenAt: 1,
  lastSignInAt: 1,
  sessions: [],
  ...over,
});

describe('the role a sign-in gives (docs/sync.md SSO2–SSO4, SSO6)', () => {
  it('SSO2: the highest role any of the person’s groups maps to', () => {
    expect(roleFor(undefined, ['data-science'], mappings)).toBe('contributor');
    expect(roleFor(undefined, ['data-science', 'ai-governance-leads'], mappings)).toBe('lead');
    expect(roleFor(undefined, ['ai-governance-leads', 'it-admins'], mappings)).toBe('admin');
  });

  it('SSO4: no mapped group: none (pending); group names are matched exactly', () => {
    expect(roleFor(undefined, [], mappings)).toBeNull();
    expect(roleFor(undefined, ['AI-Governance-Leads', 'staff'], mappings)).toBeNull();
  });

  it('SSO3: an admin’s assignment wins over the groups; SSO6: a removed person gets nothing', () => {
    expect(roleFor(person({ assignedRole: 'contributor' }), ['it-admins'], mappings)).toBe(
      'contributor',
    );
    expect(
      roleFor(person({ status: 'removed', assignedRole: 'lead' }), ['it-admins'], mappings),
    ).toBeNull();
  });
});

describe('the SSO part of the admin document', () => {
  it('maps groups to people’s roles only, and refuses a role for machines, changing nothing', () => {
    const doc = new Y.Doc();
    mapGroup(doc, 'ai-governance-leads', 'lead');
    expect(() => mapGroup(doc, 'robots', 'pipeline' as never)).toThrow(/admin, lead, contributor/);
    expect(() => mapGroup(doc, ' ', 'lead')).toThrow(/a group is/);
    expect(readGroupMappings(doc)).toEqual([{ group: 'ai-governance-leads', role: 'lead' }]);
  });

  it('reads people defensively: pending first; bad fields are dropped, not trusted', () => {
    const doc = new Y.Doc();
    writePerson(doc, person({ subject: 'b', name: 'Bo', status: 'active', role: 'lead' }));
    writePerson(doc, person({ subject: 'a', name: 'Zed' }));
    doc.getMap('ssoPeople').set('c', { status: 'active', role: 'emperor', sessions: ['x', 7] });
    doc.getMap('ssoPeople').set('d', 'not a person');
    const people = readPeople(doc);
    expect(people.map((p) => p.subject)).toEqual(['a', 'b', 'c']);
    expect(people[2]).toMatchObject({ name: 'c', role: null, sessions: [] });
  });

  it('SSO3: an admin’s decision makes the person active with that role, or removed', () => {
    const doc = new Y.Doc();
    writePerson(doc, person());
    expect(decide(doc, 'sub-1', 'lead')).toMatchObject({ status: 'active', assignedRole: 'lead' });
    expect(decide(doc, 'sub-1', 'removed')).toMatchObject({ status: 'removed', role: null });
    expect(readPerson(doc, 'sub-1')?.status).toBe('removed');
    expect(decide(doc, 'nobody', 'lead')).toBeUndefined();
  });
});
