import { describe, expect, it } from 'vitest';
import { sightingFromNavigation } from './navigation.ts';
import { testMatcher } from './test-matcher.ts';

const T = 1_764_000_000_000;
const visit = (url: string, frameId = 0, timeStamp = T) =>
  sightingFromNavigation({ url, frameId, timeStamp }, testMatcher());

describe('sightingFromNavigation', () => {
  it('turns a top-level visit to a catalogued host into a visit sighting', () => {
    expect(visit('https://chatgpt.com/')).toEqual({
      toolKey: 'openai-chatgpt',
      name: 'ChatGPT',
      category: 'chat-assistant',
      host: 'chatgpt.com',
      signal: 'visit',
      at: T,
    });
  });

  it('keeps the subdomain that was visited, under the tool that owns it', () => {
    expect(visit('https://www.chatgpt.com/')).toMatchObject({
      toolKey: 'openai-chatgpt',
      host: 'www.chatgpt.com',
    });
    // The longest catalogued suffix decides.
    expect(visit('https://sora.chatgpt.com/explore')?.toolKey).toBe('openai-sora');
  });

  it('normalises the host: case, trailing dot, port and credentials go', () => {
    expect(visit('HTTPS://someone:pw@Claude.AI.:8443/new')).toMatchObject({
      toolKey: 'anthropic-claude',
      host: 'claude.ai',
    });
  });

  it('counts an API host visited directly as a visit', () => {
    expect(visit('https://api.openai.com/v1/models')).toMatchObject({
      toolKey: 'openai-api',
      category: 'model-hosting-api',
      host: 'api.openai.com',
      signal: 'visit',
    });
  });

  it("recognises the workspace's own tools", () => {
    expect(visit('http://llm.acme.internal/chat')).toMatchObject({
      toolKey: 'acme-llm',
      name: 'Acme LLM',
      host: 'llm.acme.internal',
    });
  });

  it('stores whole milliseconds', () => {
    expect(visit('https://chatgpt.com/', 0, T + 0.75)?.at).toBe(T);
  });

  it('ignores subframes: a request sighting knows the embedding site', () => {
    expect(visit('https://chatgpt.com/', 3)).toBeUndefined();
  });

  it.each([
    'https://example.com/chatgpt.com',
    'https://www.google.com/search?q=chatgpt',
    'https://notchatgpt.com/',
    'https://chatgpt.com.evil.example/',
    'chrome://newtab/',
    'file:///C:/Users/me/chatgpt.com.html',
    'data:text/html,chatgpt.com',
    'about:blank',
    'view-source:https://chatgpt.com/',
    'https://10.0.0.1/',
    '',
    'garbage',
  ])('ignores %s', (url) => {
    expect(visit(url)).toBeUndefined();
  });

  it('ignores an event without a usable time', () => {
    expect(visit('https://chatgpt.com/', 0, Number.NaN)).toBeUndefined();
  });
});
