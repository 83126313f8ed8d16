import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseServeArgs } from '../cli/serve-command.ts';

const dir = mkdtempSync(join(tmpdir(), 'sightline-oidc-args-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const base = [
  '--oidc-issuer',
  'https://idp.example.com/realms/acme',
  '--oidc-client-id',
  'sightline',
];

describe('serve --oidc-… (docs/deploy.md, Single sign-on)', () => {
  it('reads the client secret from a file, trimmed, with the defaults', () => {
    writeFileSync(join(dir, 'secret'), 's3cret\n');
    const { oidc } = parseServeArgs([...base, '--oidc-client-secret-file', 'secret'], dir, {});
    expect(oidc).toEqual({
      issuer: 'https://idp.example.com/realms/acme',
      clientId: 'sightline',
      clientSecret: 's3cret',
      scopes: 'openid profile email',
      groupsClaim: 'groups',
      sessionTtlMs: 12 * 3_600_000,
      displayName: 'idp.example.com',
    });
  });

  it('or from SIGHTLINE_OIDC_CLIENT_SECRET; never from the command line', () => {
    const { oidc } = parseServeArgs(base, dir, { SIGHTLINE_OIDC_CLIENT_SECRET: 'env-secret' });
    expect(oidc?.clientSecret).toBe('env-secret');
    expect(() => parseServeArgs(base, dir, {})).toThrow(/SIGHTLINE_OIDC_CLIENT_SECRET/);
    expect(() => parseServeArgs([...base, '--oidc-client-secret', 'x'], dir, {})).toThrow();
  });

  it('refuses what cannot work, naming it', () => {
    const env = { SIGHTLINE_OIDC_CLIENT_SECRET: 'x' };
    expect(() => parseServeArgs(['--oidc-client-id', 'a'], dir, env)).toThrow(
      /--oidc-client-id needs --oidc-issuer/,
    );
    expect(() => parseServeArgs(['--oidc-issuer', 'https://i'], dir, env)).toThrow(
      /needs --oidc-client-id/,
    );
    expect(() => parseServeArgs([...base, '--oidc-session-ttl', '2d'], dir, env)).toThrow(
      /at most 1 day/,
    );
    expect(() =>
      parseServeArgs([...base, '--public-url', 'sightline.example.com'], dir, env),
    ).toThrow(/--public-url/);
    expect(() =>
      parseServeArgs([...base, '--oidc-client-secret-file', 'missing'], dir, env),
    ).toThrow(/cannot be read/);
    expect(
      parseServeArgs([...base, '--public-url', 'https://s.example.com/'], dir, env).oidc?.publicUrl,
    ).toBe('https://s.example.com');
  });
});
