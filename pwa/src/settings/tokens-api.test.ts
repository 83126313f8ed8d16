import { describe, expect, it } from 'vitest';
import { fakeTokensRelay, T0 } from './fake-tokens-relay.ts';
import { createTokensApi, enrolmentLink, joinLink, readTokenSummary } from './tokens-api.ts';

const ID = 'a'.repeat(31) + '1';

describe('the tokens client', () => {
  it('lists with the bearer token and no cache, and skips rows of the wrong shape', async () => {
    const relay = fakeTokensRelay('lead', [{ label: 'Dana', role: 'lead' }]);
    relay.tokens.push(
      { id: 'not-an-id' } as never,
      { ...relay.tokens[0]!, role: 'owner' } as never,
    );
    const api = createTokensApi('TOKEN', relay.fetch);
    const result = await api.list();
    expect(result).toEqual({
      ok: true,
      value: [
        {
          id: ID,
          role: 'lead',
          kind: 'invitation',
          label: 'Dana',
          createdAt: T0,
          expiresAt: T0 + 30 * 86_400_000,
          revokedAt: null,
          mintedBy: null,
        },
      ],
    });
    expect(relay.calls).toEqual([
      {
        method: 'GET',
        url: '/api/tokens',
        authorization: 'Bearer TOKEN',
        contentType: null,
        body: undefined,
      },
    ]);
  });

  it('mints with {role, ttl, label} as JSON and returns the token once', async () => {
    const relay = fakeTokensRelay('admin');
    const api = createTokensApi('TOKEN', relay.fetch);
    const result = await api.mint({ role: 'member', ttl: '90d', label: 'Policy' });
    expect(relay.calls[0]).toMatchObject({
      method: 'POST',
      url: '/api/tokens',
      contentType: 'application/json',
      body: { role: 'member', ttl: '90d', label: 'Policy' },
    });
    expect(result.ok && result.value).toMatchObject({
      token: relay.minted[0],
      role: 'member',
      workspace: 'acme',
      kind: 'enrolment',
    });
    // An empty label is left out, so the relay stores none.
    await api.mint({ role: 'lead', ttl: '7d', label: '' });
    expect(relay.calls[1]!.body).toEqual({ role: 'lead', ttl: '7d' });
  });

  it('revokes by id with DELETE, and refuses to send anything that is not an id', async () => {
    const relay = fakeTokensRelay('lead', [{}]);
    const api = createTokensApi('TOKEN', relay.fetch);
    expect(await api.revoke(ID)).toEqual({
      ok: true,
      value: { id: ID, revoked: true, reportersRevoked: 0 },
    });
    expect(relay.calls[0]).toMatchObject({ method: 'DELETE', url: `/api/tokens/${ID}` });
    expect(await api.revoke('../whoami')).toMatchObject({ ok: false, status: 400 });
    expect(relay.calls).toHaveLength(1);
  });

  it('reads who minted a token and a code’s extensions; revokes a code with its extensions (H2, H4, H8)', async () => {
    const relay = fakeTokensRelay('admin', [
      {
        role: 'member',
        kind: 'enrolment',
        mintedBy: { id: ID, role: 'lead', label: 'Lee' },
        reporters: { count: 12, active: 10, lastSeenAt: T0 },
        maxReporters: 500,
      },
    ]);
    const api = createTokensApi('TOKEN', relay.fetch);
    expect(await api.list()).toMatchObject({
      ok: true,
      value: [
        {
          mintedBy: { id: ID, role: 'lead', label: 'Lee' },
          reporters: { count: 12, active: 10, lastSeenAt: T0 },
          maxReporters: 500,
        },
      ],
    });
    expect(await api.revoke(ID, { withReporters: true })).toEqual({
      ok: true,
      value: { id: ID, revoked: true, reportersRevoked: 10 },
    });
    expect(relay.calls[1]).toMatchObject({
      method: 'DELETE',
      url: `/api/tokens/${ID}?reporters=revoke`,
    });
  });

  it('carries the relay’s {error} words, its status, or says the relay was unreachable', async () => {
    const relay = fakeTokensRelay('contributor');
    const api = createTokensApi('TOKEN', relay.fetch);
    expect(await api.mint({ role: 'lead', ttl: '7d' })).toEqual({
      ok: false,
      kind: 'refused',
      status: 403,
      error: 'only admins and leads manage tokens',
    });
    relay.fail = { status: 502, body: 'not json' };
    expect(await api.list()).toMatchObject({
      ok: false,
      status: 502,
      error: 'the relay answered 502',
    });
    relay.fail = { status: 200, body: { tokens: 'nope' } };
    expect(await api.list()).toMatchObject({
      ok: false,
      error: 'the relay’s answer was not understood',
    });
    relay.offline = true;
    expect(await api.list()).toEqual({
      ok: false,
      kind: 'unreachable',
      error: 'the relay could not be reached',
    });
  });

  it('reads a row defensively', () => {
    expect(readTokenSummary(null)).toBeUndefined();
    expect(
      readTokenSummary({
        id: ID,
        role: 'member',
        kind: 'enrolment',
        createdAt: 1,
        expiresAt: 2,
        label: 7,
      }),
    ).toMatchObject({ label: null, revokedAt: null });
  });
});

describe('the links', () => {
  it('are the join and enrolment links the app and the extension read', () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJ3cyI6ImFjbWUifQ.sig_-x';
    expect(joinLink('https://relay.example', 'acme', token)).toBe(
      `https://relay.example/#/join?workspace=acme&token=${token}`,
    );
    expect(enrolmentLink('https://relay.example', token)).toBe(
      `https://relay.example/#/enrol?code=${token}`,
    );
  });
});
