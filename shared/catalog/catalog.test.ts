import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../detection/matcher.ts';
import { builtInCatalog, CATALOG_VERSION } from './catalog.ts';
import { NEVER_MATCH_BARE } from './never-match.ts';
import { CATEGORIES } from './schema.ts';

const catalog = builtInCatalog();
const matcher = compileMatcher(catalog);

describe('the built-in catalog', () => {
  it('validates and has at least 1,000 tools', () => {
    expect(catalog.length).toBeGreaterThanOrEqual(1000);
    expect(CATALOG_VERSION).toMatch(/^\d{4}\.\d{2}\.\d{2}$/);
  });

  it('covers every category', () => {
    for (const category of CATEGORIES) {
      expect(
        catalog.filter((tool) => tool.category === category).length,
        category,
      ).toBeGreaterThanOrEqual(20);
    }
  });

  it('keeps facts sourced, and only the kinds the schema knows', () => {
    for (const tool of catalog) {
      const { trainsByDefault, ...facts } = tool.facts;
      for (const fact of Object.values(facts)) expect(fact?.source, tool.id).toMatch(/^https:\/\//);
      // Per plan, each read on the vendor's own page on a given day (docs/catalog.md, "Vendor facts").
      for (const fact of Object.values(trainsByDefault ?? {})) {
        expect(fact?.source, tool.id).toMatch(/^https:\/\//);
        expect(fact?.read, tool.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  it('carries no per-plan training facts: vendor facts live in vendor-facts/, read through vendorFactsOf', () => {
    for (const tool of catalog) expect(tool.facts.trainsByDefault, tool.id).toBeUndefined();
  });

  it('never matches a bare domain that is not an AI product, nor shared infrastructure', () => {
    for (const host of NEVER_MATCH_BARE) {
      expect(matcher.matchHostname(host), host).toBeUndefined();
      expect(matcher.matchHostname(`www.${host}`), `www.${host}`).toBeUndefined();
    }
  });

  it.each([
    ['chatgpt.com', 'openai-chatgpt', 'host'],
    ['chat.openai.com', 'openai-chatgpt', 'host'],
    ['cdn.oaistatic.com', 'openai-chatgpt', 'subdomain'],
    ['api.openai.com', 'openai-api', 'api-host'],
    ['claude.ai', 'anthropic-claude', 'host'],
    ['api.anthropic.com', 'anthropic-api', 'api-host'],
    ['gemini.google.com', undefined, 'host'],
    ['generativelanguage.googleapis.com', undefined, 'api-host'],
    ['us-central1-aiplatform.googleapis.com', 'google-vertex-ai', 'api-host'],
    ['copilot.microsoft.com', undefined, 'host'],
    ['bedrock-runtime.us-east-1.amazonaws.com', undefined, 'api-host'],
    ['my-resource.openai.azure.com', undefined, 'subdomain'],
    ['perplexity.ai', undefined, 'host'],
    ['chat.deepseek.com', undefined, 'host'],
    ['api.deepseek.com', undefined, 'api-host'],
    ['kimi.com', undefined, 'host'],
    ['chat.mistral.ai', undefined, 'host'],
    ['api.mistral.ai', undefined, 'api-host'],
    ['huggingface.co', undefined, 'host'],
    ['cursor.com', undefined, 'host'],
    ['midjourney.com', undefined, 'host'],
    ['elevenlabs.io', undefined, 'host'],
    ['api.elevenlabs.io', undefined, 'api-host'],
    ['otter.ai', undefined, 'host'],
    ['sora.chatgpt.com', undefined, 'host'],
  ] as const)('%s is an AI tool', (host, toolId, matchedBy) => {
    const match = matcher.matchHostname(host);
    expect(match, host).toBeDefined();
    if (toolId) expect(match?.toolId).toBe(toolId);
    // An API host may also be listed as a host of the API's own entry: either is a sighting.
    if (matchedBy !== 'subdomain')
      expect(match?.matchedBy === matchedBy || match?.matchedBy === 'subdomain').toBe(true);
  });

  it.each([
    'google.com',
    'www.google.com',
    'mail.google.com',
    'docs.google.com',
    'drive.google.com',
    'fonts.googleapis.com',
    'storage.googleapis.com',
    'microsoft.com',
    'login.microsoftonline.com',
    'outlook.office.com',
    'teams.microsoft.com',
    'github.com',
    'api.github.com',
    'raw.githubusercontent.com',
    'notion.so',
    'www.notion.so',
    'amazonaws.com',
    's3.amazonaws.com',
    'ec2.us-east-1.amazonaws.com',
    'd1234.cloudfront.net',
    'myapp.blob.core.windows.net',
    'openai.com.evil.example',
    'notchatgpt.com',
    'slack.com',
    'zoom.us',
    'www.bbc.co.uk',
    'wikipedia.org',
    'baidu.com',
    'www.baidu.com',
    'qq.com',
    'aliyun.com',
    'x.com',
    'facebook.com',
    'adobe.com',
    'canva.com',
    'figma.com',
  ])('%s is not an AI tool', (host) => {
    expect(matcher.matchHostname(host)).toBeUndefined();
  });
});
