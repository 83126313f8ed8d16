import { describe, expect, it } from 'vitest';
import { accountKind } from './account-kind.ts';

describe('accountKind: corporate, personal or unknown, from the address’s domain alone', () => {
  const acme = ['acme.com', 'acme.de'];

  it('is corporate at a workspace domain or its subdomain, whatever the case', () => {
    expect(accountKind('ana@acme.com', acme)).toBe('corporate');
    expect(accountKind('Ana.Lopez@EU.Acme.COM', acme)).toBe('corporate');
    expect(accountKind('ben@acme.de', acme)).toBe('corporate');
  });

  it('is personal at any other domain, including look-alikes', () => {
    expect(accountKind('ana@gmail.com', acme)).toBe('personal');
    expect(accountKind('ana@notacme.com', acme)).toBe('personal');
    expect(accountKind('ana@acme.com.evil.io', acme)).toBe('personal');
  });

  it('is unknown without an address, with a non-address, or with no workspace domains', () => {
    expect(accountKind(undefined, acme)).toBe('unknown');
    expect(accountKind('not an address', acme)).toBe('unknown');
    expect(accountKind('a@b@acme.com', acme)).toBe('unknown');
    expect(accountKind('ana@acme.com', [])).toBe('unknown');
  });
});
