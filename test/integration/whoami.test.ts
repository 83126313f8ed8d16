import { describe, expect, it } from 'vitest';
import { httpWhoami } from '../../pwa/src/session/whoami.ts';
import { useTestServer } from '../helpers/test-server.ts';

describe('GET /api/whoami (docs/sync.md E2–E3)', () => {
  const testServer = useTestServer();

  it('names the token: workspace, role, id, expiry, and the invitation’s label when it has one', async () => {
    const server = testServer();
    const whoami = httpWhoami(fetch, server.url);
    const dana = await server.tokens.mint({
      workspace: 'acme',
      role: 'lead',
      ttlMs: 3_600_000,
      label: 'Dana Whitfield',
    });
    expect(await whoami(dana.token)).toEqual({
      kind: 'ok',
      workspace: 'acme',
      role: 'lead',
      tokenId: dana.id,
      expiresAt: Math.floor(dana.expiresAt / 1000) * 1000, // the JWT keeps whole seconds
      label: 'Dana Whitfield',
    });
    const unlabelled = await server.token('acme', 'contributor');
    const answer = await whoami(unlabelled);
    expect(answer).toMatchObject({ kind: 'ok', role: 'contributor' });
    expect(answer).not.toHaveProperty('label');
  });

  it('refuses a revoked or forged token', async () => {
    const server = testServer();
    const whoami = httpWhoami(fetch, server.url);
    const minted = await server.tokens.mint({ workspace: 'acme', role: 'lead', ttlMs: 60_000 });
    await server.tokens.revoke(minted.id);
    expect(await whoami(minted.token)).toMatchObject({ kind: 'refused' });
    expect(await whoami('not.a.token')).toMatchObject({ kind: 'refused' });
  });
});
