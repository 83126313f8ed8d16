import { describe, expect, it } from 'vitest';
import { builtInCatalog } from '../../../shared/catalog/catalog.ts';
import { knownTools, trustedIdentity } from './trusted-names.ts';

describe('the names discoveries go by (docs/sync.md H16)', () => {
  const first = builtInCatalog()[0]!;

  it('H16: a catalogued tool by the catalog; a workspace tool overrides it', () => {
    expect(trustedIdentity(first.id, knownTools([]))).toEqual({
      name: first.name,
      category: first.category,
    });
    const known = knownTools([{ ...first, name: 'Our own name', category: 'other' }]);
    expect(trustedIdentity(first.id, known)).toEqual({ name: 'Our own name', category: 'other' });
    expect(trustedIdentity(first.id, knownTools([]))).toMatchObject({ name: first.name });
  });

  it('H16: anything else by its key, which the relay checked', () => {
    const known = knownTools([]);
    expect(trustedIdentity('host:notes.example.ai', known)).toEqual({
      name: 'notes.example.ai',
      category: 'other',
    });
    expect(trustedIdentity(`extension:${'a'.repeat(32)}`, known)).toEqual({
      name: `Browser extension ${'a'.repeat(32)}`,
      category: 'browser-extension',
    });
    expect(trustedIdentity('not-in-this-catalog', known)).toEqual({
      name: 'not-in-this-catalog',
      category: 'other',
    });
  });
});
