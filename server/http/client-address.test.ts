import { describe, expect, it } from 'vitest';
import { parseServeArgs } from '../cli/serve-command.ts';
import { UsageError } from '../cli/usage-error.ts';
import { clientAddress, TrustedProxies } from './client-address.ts';

// Addresses from the documentation ranges: RFC 5737 (IPv4) and RFC 3849 (IPv6).
const proxies = TrustedProxies.parse('10.0.0.0/8, 192.0.2.10, 2001:db8:a::/48');

describe('PROXY1: --trust-proxy', () => {
  it('PROXY1: takes addresses and CIDR ranges, IPv4 and IPv6', () => {
    expect(proxies.ranges).toEqual(['10.0.0.0/8', '192.0.2.10', '2001:db8:a::/48']);
    expect(proxies.trusts('10.200.3.4')).toBe(true);
    expect(proxies.trusts('192.0.2.10')).toBe(true);
    expect(proxies.trusts('192.0.2.11')).toBe(false);
    expect(proxies.trusts('2001:db8:a:1::5')).toBe(true);
    expect(proxies.trusts('2001:db8:b::5')).toBe(false);
    // An IPv4 peer on a dual-stack socket.
    expect(proxies.trusts('::ffff:10.1.1.1')).toBe(true);
    expect(proxies.trusts('not an address')).toBe(false);
  });

  it.each([
    '',
    ',',
    '10.0.0.0/33',
    '10.0.0/8',
    'proxy.internal',
    '10.0.0.0/8/1',
    '::/129',
    '1.2.3.4/x',
  ])('PROXY1: refuses %j with a message naming it', (list) => {
    expect(() => TrustedProxies.parse(list)).toThrow(/--trust-proxy/);
  });
});

describe('PROXY1: the client address', () => {
  it('PROXY1: ignores X-Forwarded-For from a peer that is not a trusted proxy (a spoofed header)', () => {
    expect(clientAddress('198.51.100.7', '203.0.113.9', proxies)).toBe('198.51.100.7');
    expect(clientAddress('198.51.100.7', '10.0.0.1', proxies)).toBe('198.51.100.7');
  });

  it('PROXY1: ignores X-Forwarded-For altogether without --trust-proxy', () => {
    expect(clientAddress('10.0.0.1', '203.0.113.9', undefined)).toBe('10.0.0.1');
  });

  it('PROXY1: from a trusted proxy, the rightmost hop that is not a trusted proxy', () => {
    expect(clientAddress('10.0.0.1', '203.0.113.9', proxies)).toBe('203.0.113.9');
    // The client wrote the leftmost entry itself; the proxy appended the address it saw.
    expect(clientAddress('10.0.0.1', '1.1.1.1, 203.0.113.9', proxies)).toBe('203.0.113.9');
    // Two proxies in a row, one of them in a header line of its own.
    expect(clientAddress('10.0.0.1', ['6.6.6.6, 203.0.113.9', '192.0.2.10'], proxies)).toBe(
      '203.0.113.9',
    );
    expect(clientAddress('::ffff:10.0.0.1', '2001:db8:c::1', proxies)).toBe('2001:db8:c::1');
  });

  it('PROXY1: every hop trusted is the leftmost; garbage passed on by a proxy is that proxy', () => {
    expect(clientAddress('10.0.0.1', '10.0.0.7, 10.0.0.8', proxies)).toBe('10.0.0.7');
    expect(clientAddress('10.0.0.1', 'evil, 10.0.0.8', proxies)).toBe('10.0.0.8');
    expect(clientAddress('10.0.0.1', 'evil', proxies)).toBe('10.0.0.1');
    expect(clientAddress('10.0.0.1', '', proxies)).toBe('10.0.0.1');
    expect(clientAddress('10.0.0.1', undefined, proxies)).toBe('10.0.0.1');
  });

  it('PROXY1: a socket without an address is "unknown", as before', () => {
    expect(clientAddress(undefined, '203.0.113.9', proxies)).toBe('unknown');
  });
});

describe('PROXY1: sightline serve --trust-proxy', () => {
  it('PROXY1: parses the list, and refuses a bad one as a usage error', () => {
    const options = parseServeArgs(['--trust-proxy', '10.0.0.0/8,192.0.2.10'], '/tmp');
    expect(options.trustProxy?.ranges).toEqual(['10.0.0.0/8', '192.0.2.10']);
    expect(parseServeArgs([], '/tmp').trustProxy).toBeUndefined();
    expect(() => parseServeArgs(['--trust-proxy', 'lb.internal'], '/tmp')).toThrow(UsageError);
  });
});
