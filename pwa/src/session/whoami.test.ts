import { describe, expect, it } from 'vitest';
import { httpWhoami } from './whoami.ts';

const answer = (status: number, body: unknown) => async () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('whoami', () => {
  it('sends the token as a Bearer and reads the principal', async () => {
    let sent: Headers | undefined;
    const whoami = httpWhoami(async (_url, init) => {
      sent = new Headers(init?.headers);
      return answer(200, { tokenId: 'ab', workspace: 'acme', role: 'lead', expiresAt: 5 })();
    });
    expect(await whoami('T')).toEqual({
      kind: 'ok',
      workspace: 'acme',
      role: 'lead',
      tokenId: 'ab',
      expiresAt: 5,
    });
    expect(sent?.get('authorization')).toBe('Bearer T');
  });

  it('reads the invitation’s label, trimmed and clipped, and ignores a blank or wrong one', async () => {
    const read = (label: unknown) =>
      httpWhoami(answer(200, { workspace: 'acme', role: 'lead', label }))('T');
    expect(await read('  Dana  ')).toMatchObject({ label: 'Dana' });
    expect(await read('x'.repeat(500))).toMatchObject({ label: 'x'.repeat(200) });
    expect(await read('   ')).not.toHaveProperty('label');
    expect(await read(42)).not.toHaveProperty('label');
  });

  it('tells a refusal from an unreachable relay', async () => {
    expect(await httpWhoami(answer(401, { error: 'token revoked' }))('T')).toEqual({
      kind: 'refused',
      error: 'token revoked',
    });
    expect(await httpWhoami(answer(502, 'gateway'))('T')).toEqual({ kind: 'unreachable' });
    expect(await httpWhoami(answer(200, { role: 'emperor' }))('T')).toEqual({
      kind: 'unreachable',
    });
    const failing = async () => {
      throw new TypeError('network');
    };
    expect(await httpWhoami(failing)('T')).toEqual({ kind: 'unreachable' });
  });
});
