import { describe, expect, it } from 'vitest';
import { parseDocumentName } from '../documents/names.ts';
import { accessFor, mayMint, ROLES, type Access, type Principal } from './access.ts';

const doc = (name: string) => parseDocumentName(name)!;

/** The table in docs/sync.md, cell by cell: rows are documents, columns admin, lead, contributor, member (bound to r1), pipeline (MON1). */
const TABLE: [string, Access, Access, Access, Access, Access][] = [
  ['acme/policy', 'write', 'write', 'read', 'read', 'none'],
  ['acme/registry', 'write', 'write', 'read', 'none', 'none'],
  ['acme/assessment/a1', 'write', 'write', 'write', 'none', 'none'],
  ['acme/reports/r1', 'read', 'read', 'none', 'write', 'none'],
  ['acme/reports/r2', 'read', 'read', 'none', 'none', 'none'],
  ['acme/discoveries', 'read', 'read', 'read', 'none', 'none'],
  ['acme/monitoring/rec1', 'write', 'write', 'write', 'none', 'none'],
  ['acme/admin', 'write', 'none', 'none', 'none', 'none'],
  // INT1: a stakeholder interview — the lead writes the questions, a contributor the answers.
  ['acme/interview/int1', 'write', 'write', 'write', 'none', 'none'],
];

describe('accessFor (docs/sync.md P1–P6, MON1, INT1)', () => {
  it.each(TABLE)(
    '%s: admin %s, lead %s, contributor %s, member %s, pipeline %s',
    (name, ...expected) => {
      ROLES.forEach((role, i) => {
        const principal: Principal = {
          workspace: 'acme',
          role,
          ...(role === 'member' ? { reporterId: 'r1' } : {}),
        };
        expect(accessFor(principal, doc(name)), `${role} on ${name}`).toBe(expected[i]);
      });
    },
  );

  it('P1: a token for one workspace opens nothing in another', () => {
    for (const role of ROLES) {
      for (const [name] of TABLE) {
        expect(accessFor({ workspace: 'other', role, reporterId: 'r1' }, doc(name))).toBe('none');
      }
    }
  });

  it('P5: an enrolment token (member without a reporter) opens no report', () => {
    expect(accessFor({ workspace: 'acme', role: 'member' }, doc('acme/reports/r1'))).toBe('none');
    expect(accessFor({ workspace: 'acme', role: 'member' }, doc('acme/policy'))).toBe('read');
  });

  it('P7: only an admin mints admins; leads mint the rest; nobody else mints', () => {
    expect(mayMint({ workspace: 'acme', role: 'admin' }, 'admin')).toBe(true);
    expect(mayMint({ workspace: 'acme', role: 'lead' }, 'admin')).toBe(false);
    expect(mayMint({ workspace: 'acme', role: 'lead' }, 'member')).toBe(true);
    expect(mayMint({ workspace: 'acme', role: 'contributor' }, 'member')).toBe(false);
    expect(mayMint({ workspace: 'acme', role: 'member', reporterId: 'r1' }, 'member')).toBe(false);
    expect(mayMint({ workspace: 'acme', role: 'lead' }, 'pipeline')).toBe(true);
    expect(mayMint({ workspace: 'acme', role: 'pipeline' }, 'pipeline')).toBe(false);
  });
});
