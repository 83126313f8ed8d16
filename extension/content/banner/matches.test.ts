import { describe, expect, it } from 'vitest';
import { builtInCatalog } from '../../../shared/catalog/catalog.ts';
import { bannerMatches } from './matches.ts';

describe('bannerMatches', () => {
  const matches = bannerMatches();

  it('covers every catalogued product host and its subdomains, once each, sorted', () => {
    expect(matches).toContain('*://*.chatgpt.com/*');
    expect(new Set(matches).size).toBe(matches.length);
    expect(matches).toEqual([...matches].sort());
    const hosts = new Set(builtInCatalog().flatMap((tool) => tool.hosts));
    expect(matches).toHaveLength(hosts.size);
  });

  it('is only host patterns: no API-only hosts, no all-sites pattern', () => {
    for (const pattern of matches) expect(pattern).toMatch(/^\*:\/\/\*\.[a-z0-9.-]+\/\*$/);
    expect(matches).not.toContain('*://*.api.openai.com/*');
    expect(matches).not.toContain('<all_urls>');
  });
});
