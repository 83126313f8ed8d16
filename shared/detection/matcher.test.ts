import { describe, expect, it } from 'vitest';
import type { ToolEntry } from '../catalog/schema.ts';
import { matchInput } from './match-input.ts';
import { compileMatcher } from './matcher.ts';

const tool = (
  id: string,
  hosts: string[],
  apiHosts: string[] = [],
  extra: Partial<ToolEntry> = {},
): ToolEntry => ({
  id,
  name: id.toUpperCase(),
  vendor: 'Vendor',
  category: 'chat-assistant',
  hosts,
  apiHosts,
  extensionIds: [],
  facts: {},
  ...extra,
});

const catalog = [
  tool('chatgpt', ['chatgpt.com', 'oaistatic.com'], []),
  tool('openai-api', ['platform.openai.com'], ['api.openai.com']),
  tool('sora', ['sora.chatgpt.com'], [], { category: 'video' }),
  tool('gemini', ['gemini.google.com']),
  tool('ext', [], [], { extensionIds: ['abcdefghijklmnopabcdefghijklmnop'] }),
];
const matcher = compileMatcher(catalog);

describe('matcher', () => {
  it('matches an exact host', () => {
    expect(matcher.matchHostname('chatgpt.com')).toMatchObject({
      toolId: 'chatgpt',
      matchedBy: 'host',
      matchedHost: 'chatgpt.com',
    });
  });

  it('matches subdomains through their parent domain', () => {
    expect(matcher.matchHostname('cdn.oaistatic.com')).toMatchObject({
      toolId: 'chatgpt',
      matchedBy: 'subdomain',
    });
    expect(matcher.matchHostname('a.b.c.chatgpt.com')).toMatchObject({
      toolId: 'chatgpt',
      matchedBy: 'subdomain',
    });
  });

  it('marks API hosts, exact or below', () => {
    expect(matcher.matchHostname('api.openai.com')).toMatchObject({
      toolId: 'openai-api',
      matchedBy: 'api-host',
    });
    expect(matcher.matchHostname('eu.api.openai.com')).toMatchObject({
      toolId: 'openai-api',
      matchedBy: 'api-host',
    });
  });

  it('lets the longest catalogued suffix win', () => {
    expect(matcher.matchHostname('sora.chatgpt.com')).toMatchObject({
      toolId: 'sora',
      category: 'video',
    });
    expect(matcher.matchHostname('videos.sora.chatgpt.com')).toMatchObject({ toolId: 'sora' });
    expect(matcher.matchHostname('ab.chatgpt.com')).toMatchObject({ toolId: 'chatgpt' });
  });

  it('never matches a bare parent domain or a lookalike', () => {
    for (const host of [
      'google.com',
      'mail.google.com',
      'openai.com',
      'www.openai.com',
      'notchatgpt.com',
      'chatgpt.com.evil.net',
      'chatgpt.co',
      'com',
      'oaistatic.comx',
      'xchatgpt.com',
    ]) {
      expect(matcher.matchHostname(host), host).toBeUndefined();
    }
  });

  it('normalises messy input on the general path', () => {
    expect(matchInput(matcher, 'HTTPS://Chat.ChatGPT.com:443/c/123?q=secret')).toMatchObject({
      toolId: 'chatgpt',
      host: 'chat.chatgpt.com',
    });
    expect(matchInput(matcher, 'chatgpt.com.')).toMatchObject({ toolId: 'chatgpt' });
    expect(matchInput(matcher, 'www.chatgpt.com')).toMatchObject({
      toolId: 'chatgpt',
      matchedBy: 'subdomain',
    });
  });

  it.each([
    '',
    '...',
    '.',
    'chatgpt.com.',
    '.chatgpt.com',
    '..com',
    '192.168.1.1',
    '\u0000',
    'a'.repeat(10_000),
  ])('yields nothing, and never throws, for %j on the hot path', (input) => {
    // A trailing or leading dot is not a normalised hostname: the hot path does not guess.
    expect(() => matcher.matchHostname(input)).not.toThrow();
    if (input !== '.chatgpt.com') expect(matcher.matchHostname(input)).toBeUndefined();
  });

  it('finds tools by browser extension id', () => {
    expect(matcher.matchExtensionId('abcdefghijklmnopabcdefghijklmnop')?.id).toBe('ext');
    expect(matcher.matchExtensionId('ponmlkjihgfedcbaponmlkjihgfedcba')).toBeUndefined();
  });

  it('merges a workspace’s own tools: new ones match, and a same-id tool replaces the catalog’s', () => {
    const merged = compileMatcher(catalog, [
      tool('internal-llm', ['llm.acme.internal']),
      tool('chatgpt', ['chatgpt.com'], [], { name: 'ChatGPT (our enterprise tenant)' }),
    ]);
    expect(merged.matchHostname('llm.acme.internal')).toMatchObject({ toolId: 'internal-llm' });
    expect(merged.matchHostname('chatgpt.com')).toMatchObject({
      toolName: 'ChatGPT (our enterprise tenant)',
    });
    // The replaced entry no longer claims oaistatic.com.
    expect(merged.matchHostname('oaistatic.com')).toBeUndefined();
    expect(merged.toolCount).toBe(catalog.length + 1);
    // The catalog's own matcher is unchanged.
    expect(matcher.matchHostname('llm.acme.internal')).toBeUndefined();
  });

  it('gives a workspace tool a host the catalog also claims', () => {
    const merged = compileMatcher(catalog, [tool('our-gemini', ['gemini.google.com'])]);
    expect(merged.matchHostname('gemini.google.com')?.toolId).toBe('our-gemini');
  });
});
