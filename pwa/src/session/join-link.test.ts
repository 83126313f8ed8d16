import { describe, expect, it } from 'vitest';
import { fakeToken } from '../test-support/fake-token.ts';
import { parseJoinLink, personOf, readTokenClaims } from './join-link.ts';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

const lead = fakeToken({ ws: 'acme', role: 'lead', jti: 'ab12', exp: 2_000_000_000 });
const params = (query: Record<string, string>) => new URLSearchParams(query);

describe('the join link', () => {
  it('yields the workspace, token, role, token id and expiry', () => {
    expect(parseJoinLink(params({ workspace: 'acme', token: lead }))).toEqual({
      ok: true,
      credentials: {
        workspace: 'acme',
        token: lead,
        role: 'lead',
        tokenId: 'ab12',
        expiresAt: 2_000_000_000_000,
      },
    });
  });

  it('refuses a missing or malformed workspace or token', () => {
    expect(parseJoinLink(params({ token: lead })).ok).toBe(false);
    expect(parseJoinLink(params({ workspace: 'Acme Corp', token: lead })).ok).toBe(false);
    expect(parseJoinLink(params({ workspace: 'acme' })).ok).toBe(false);
    expect(parseJoinLink(params({ workspace: 'acme', token: 'not-a-token' })).ok).toBe(false);
    expect(parseJoinLink(params({ workspace: 'acme', token: 'a.%%%.c' })).ok).toBe(false);
    expect(parseJoinLink(params({ workspace: 'acme', token: `a.${base64url([1])}.c` })).ok).toBe(
      false,
    );
  });

  it('refuses a token for another workspace or an unknown role', () => {
    const other = fakeToken({ ws: 'globex', role: 'lead' });
    expect(parseJoinLink(params({ workspace: 'acme', token: other }))).toMatchObject({
      ok: false,
      error: expect.stringContaining('another workspace'),
    });
    const odd = fakeToken({ ws: 'acme', role: 'owner' });
    expect(parseJoinLink(params({ workspace: 'acme', token: odd })).ok).toBe(false);
  });

  it('tells an extension enrolment code apart from a join link', () => {
    const member = fakeToken({ ws: 'acme', role: 'member' });
    expect(parseJoinLink(params({ workspace: 'acme', token: member }))).toMatchObject({
      ok: false,
      error: expect.stringContaining('enrolment code'),
    });
  });

  it('reads claims without trusting their types', () => {
    expect(readTokenClaims(fakeToken({ ws: 'acme', role: 'admin', jti: 7, exp: 'soon' }))).toEqual({
      workspace: 'acme',
      role: 'admin',
    });
  });
});

describe('personOf', () => {
  it('names a person by the invitation’s label, else by role and the start of the token id', () => {
    expect(personOf({ role: 'lead', tokenId: '3f2c91', label: 'Dana' })).toBe('Dana');
    expect(personOf({ role: 'lead', tokenId: '3f2c91' })).toBe('Lead 3f2c');
    expect(personOf({ role: 'contributor' })).toBe('Contributor');
  });
});
