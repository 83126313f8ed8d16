import { describe, expect, it } from 'vitest';
import { memoryKeyValueStore } from '../platform/key-value-store.ts';
import { enrolFromPolicy, relayOrigin, type FetchLike } from './enrolment.ts';

describe('relayOrigin reads every form of the relay’s address', () => {
  it.each([
    // What `sightline serve` prints, and what admins paste from it (docs/extension.md).
    ['ws://relay.acme.lan:8787/sync', 'http://relay.acme.lan:8787'],
    ['ws://relay.acme.lan:8787', 'http://relay.acme.lan:8787'],
    ['wss://relay.acme.com/sync', 'https://relay.acme.com'],
    ['https://relay.acme.com/sync', 'https://relay.acme.com'],
    ['https://relay.acme.com/', 'https://relay.acme.com'],
    ['http://10.0.0.5:8787/sync', 'http://10.0.0.5:8787'],
    ['  HTTPS://Relay.Acme.com:8443/#/enrol?code=x  ', 'https://relay.acme.com:8443'],
    ['relay.acme.com', 'https://relay.acme.com'],
    ['relay.acme.com:8443/sync', 'https://relay.acme.com:8443'],
  ])('%s → %s', (address, origin) => {
    expect(relayOrigin(address)).toBe(origin);
  });

  it('says what is wrong with an address it cannot use', () => {
    expect(() => relayOrigin('')).toThrow(/empty/);
    expect(() => relayOrigin('ftp://relay.acme.com')).toThrow(
      /https:\/\/, http:\/\/, wss:\/\/ or ws:\/\//,
    );
    expect(() => relayOrigin('https://')).toThrow(/not a URL/);
  });

  it('accepts plain http only on this computer when asked to (an address an employee types)', () => {
    expect(relayOrigin('ws://localhost:8787/sync', { plainHttp: 'loopback' })).toBe(
      'http://localhost:8787',
    );
    expect(() => relayOrigin('ws://relay.acme.lan:8787/sync', { plainHttp: 'loopback' })).toThrow(
      /https/,
    );
  });
});

function relayAnswering(calls: string[]): FetchLike {
  return async (url) => {
    calls.push(url);
    return {
      ok: true,
      status: 201,
      json: async () => ({
        workspace: 'acme',
        reporterId: 'r1',
        token: 'x.y.z',
        tokenId: 't1',
        expiresAt: 2_000_000_000_000,
      }),
    };
  };
}

describe('enrolFromPolicy', () => {
  it('enrols with the address exactly as the relay prints it', async () => {
    const calls: string[] = [];
    const enrolment = await enrolFromPolicy(
      { relayUrl: 'ws://relay.acme.lan:8787/sync', token: 'head.body.sig' },
      memoryKeyValueStore(),
      relayAnswering(calls),
    );
    expect(calls).toEqual(['http://relay.acme.lan:8787/api/enrol']);
    expect(enrolment).toMatchObject({ relayUrl: 'http://relay.acme.lan:8787', source: 'policy' });
  });

  it('does nothing without a policy, and says which half of a policy is missing', async () => {
    const storage = memoryKeyValueStore();
    const calls: string[] = [];
    expect(await enrolFromPolicy({}, storage, relayAnswering(calls))).toBeUndefined();
    await expect(
      enrolFromPolicy({ relayUrl: 'https://relay.acme.com' }, storage, relayAnswering(calls)),
    ).rejects.toThrow(/no enrolment code \(token\)/);
    await expect(
      enrolFromPolicy({ token: 'head.body.sig' }, storage, relayAnswering(calls)),
    ).rejects.toThrow(/no relay \(relayUrl\)/);
    await expect(
      enrolFromPolicy(
        { relayUrl: 'ftp://x', token: 'head.body.sig' },
        storage,
        relayAnswering(calls),
      ),
    ).rejects.toThrow(/must start with/);
    expect(calls).toEqual([]);
  });
});
