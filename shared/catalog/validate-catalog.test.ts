import { describe, expect, it } from 'vitest';
import type { ToolEntry } from './schema.ts';
import { CatalogError, validateCatalog } from './validate-catalog.ts';

const good = (overrides: Partial<ToolEntry> = {}): ToolEntry => ({
  id: 'acme-chat',
  name: 'Acme Chat',
  vendor: 'Acme',
  category: 'chat-assistant',
  hosts: ['chat.acme.ai'],
  apiHosts: [],
  extensionIds: [],
  facts: {},
  ...overrides,
});

function problems(raw: unknown): string[] {
  try {
    validateCatalog(raw);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogError);
    return (error as CatalogError).problems;
  }
}

describe('validateCatalog', () => {
  it('accepts a well-formed catalog', () => {
    expect(
      validateCatalog([
        good(),
        good({
          id: 'b',
          hosts: ['b.ai'],
          facts: { headquarters: { value: 'FR', source: 'https://b.ai/about' } },
        }),
      ]),
    ).toHaveLength(2);
  });

  it.each([
    ['not an array', { tools: [] }, /array/],
    ['a bad id', [good({ id: 'Acme Chat' })], /kebab-case/],
    ['a host with a scheme', [good({ hosts: ['https://acme.ai'] })], /hostname/],
    ['a host with a path', [good({ hosts: ['acme.ai/chat'] })], /hostname/],
    ['an upper-case host', [good({ hosts: ['Acme.ai'] })], /hostname/],
    ['a single-label host', [good({ hosts: ['localhost'] })], /hostname/],
    ['no host at all', [good({ hosts: [] })], /needs a host/],
    ['an unknown category', [good({ category: 'toys' as never })], /category/],
    ['an unknown field', [{ ...good(), rating: 5 }], /rating/],
    [
      'a fact without a source',
      [good({ facts: { headquarters: { value: 'US' } as never } })],
      /source/,
    ],
    [
      'a fact with an http source',
      [good({ facts: { headquarters: { value: 'US', source: 'http://a.ai' } } })],
      /https/,
    ],
    ['a bad extension id', [good({ extensionIds: ['xyz'] })], /32 letters/],
    ['a duplicate id', [good(), good({ hosts: ['other.ai'] })], /duplicate id/],
    [
      'a host in two tools',
      [good(), good({ id: 'b' })],
      /chat\.acme\.ai already belongs to acme-chat/,
    ],
    [
      'an API host in two tools',
      [
        good({ apiHosts: ['api.acme.ai'] }),
        good({ id: 'b', hosts: ['b.ai'], apiHosts: ['api.acme.ai'] }),
      ],
      /api\.acme\.ai already belongs/,
    ],
    [
      'an extension id in two tools',
      [
        good({ extensionIds: ['a'.repeat(32)] }),
        good({ id: 'b', hosts: ['b.ai'], extensionIds: ['a'.repeat(32)] }),
      ],
      /extension a+ already belongs/,
    ],
    ['google.com by its bare domain', [good({ hosts: ['google.com'] })], /never match/],
    ['shared infrastructure', [good({ hosts: ['cloudfront.net'] })], /never match/],
  ])('rejects %s', (_what, raw, message) => {
    expect(problems(raw).join('\n')).toMatch(message);
  });

  it('lists every problem, not only the first', () => {
    expect(
      problems([
        good({ id: 'BAD' }),
        good({ hosts: ['google.com'] }),
        good({ id: 'c', hosts: ['amazonaws.com'] }),
      ]).length,
    ).toBeGreaterThanOrEqual(3);
  });
});
