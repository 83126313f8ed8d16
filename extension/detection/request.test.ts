import { describe, expect, it } from 'vitest';
import { sightingFromRequest, type RequestDetails } from './request.ts';
import { testMatcher } from './test-matcher.ts';

const T = 1_764_000_000_000;
const request = (url: string, initiator: string | undefined, type = 'xmlhttprequest') => {
  const details: RequestDetails = { url, type, timeStamp: T + 0.5, tabId: 7 };
  if (initiator !== undefined) details.initiator = initiator;
  return sightingFromRequest(details, testMatcher());
};

describe('sightingFromRequest', () => {
  it('records an AI API called from another site as AI used inside that site', () => {
    expect(request('https://api.openai.com/v1/chat/completions', 'https://www.notion.so')).toEqual({
      toolKey: 'openai-api',
      name: 'OpenAI API',
      category: 'model-hosting-api',
      host: 'api.openai.com',
      signal: 'api-call',
      embeddedIn: 'www.notion.so',
      at: T,
    });
  });

  it.each([
    ['https://api.anthropic.com/v1/messages', 'anthropic-api'],
    ['https://generativelanguage.googleapis.com/v1beta/models', 'google-gemini-api'],
    ['wss://api.openai.com/v1/realtime?model=gpt-4o-realtime', 'openai-api'],
    ['https://api.llm.acme.internal/v1/complete', 'acme-llm'],
  ])('records %s', (url, toolKey) => {
    expect(request(url, 'https://crm.example.com')).toMatchObject({
      toolKey,
      signal: 'api-call',
      embeddedIn: 'crm.example.com',
    });
  });

  it('keeps only the hostname of an initiator given as a full URL (Firefox originUrl)', () => {
    const sighting = request(
      'https://api.openai.com/v1/embeddings',
      'https://bob:pw@app.example.com:9443/accounts/42/edit?token=abc#notes',
    );
    expect(sighting?.embeddedIn).toBe('app.example.com');
  });

  it('records intranet sites by address or single-label name', () => {
    expect(request('https://api.openai.com/v1/x', 'http://10.1.2.3:8080')?.embeddedIn).toBe(
      '10.1.2.3',
    );
    expect(request('https://api.openai.com/v1/x', 'http://localhost:3000')?.embeddedIn).toBe(
      'localhost',
    );
  });

  it.each(['sub_frame', 'script', 'xmlhttprequest', 'websocket', 'other'])(
    'counts a %s request to a catalogued web host from another site',
    (type) => {
      expect(
        request('https://gemini.google.com/app', 'https://intranet.example.org', type),
      ).toMatchObject({
        toolKey: 'google-gemini',
        host: 'gemini.google.com',
        embeddedIn: 'intranet.example.org',
      });
    },
  );

  it('never counts a main frame, not even an API host: navigation records visits', () => {
    expect(request('https://chatgpt.com/', 'https://www.google.com', 'main_frame')).toBeUndefined();
    expect(
      request('https://api.openai.com/v1/models', 'https://example.com', 'main_frame'),
    ).toBeUndefined();
  });

  it('ignores a tool calling itself', () => {
    expect(
      request('https://cdn.oaistatic.com/app.js', 'https://chatgpt.com', 'script'),
    ).toBeUndefined();
    expect(
      request('https://chatgpt.com/backend-api/conversation', 'https://chatgpt.com'),
    ).toBeUndefined();
    expect(
      request('https://api.llm.acme.internal/v1', 'https://llm.acme.internal'),
    ).toBeUndefined();
  });

  it("counts an AI site calling another tool's API: the rule is per tool", () => {
    expect(request('https://api.openai.com/v1/x', 'https://www.perplexity.ai')).toMatchObject({
      toolKey: 'openai-api',
      embeddedIn: 'www.perplexity.ai',
    });
  });

  it.each([
    ['no initiator', undefined],
    ['an opaque initiator', 'null'],
    ['an empty initiator', ''],
    ['another extension', 'chrome-extension://abcdefghijklmnopabcdefghijklmnop'],
    ['a Firefox extension', 'moz-extension://3c8f0a9e-1111-2222-3333-444455556666'],
    ['a local file', 'file:///home/me/page.html'],
    ['a data page', 'data:text/html,hello'],
  ])('ignores a request from %s', (_what, initiator) => {
    expect(request('https://api.openai.com/v1/chat/completions', initiator)).toBeUndefined();
  });

  it.each([
    'https://www.google-analytics.com/collect',
    'https://cdn.example.com/api.openai.com.js',
    'chrome-extension://abcdefghijklmnopabcdefghijklmnop/x.js',
    'data:application/json,{}',
    'not a url',
  ])('ignores a request to %s', (url) => {
    expect(request(url, 'https://www.example.com')).toBeUndefined();
  });

  it('ignores an event without a usable time', () => {
    const details = {
      url: 'https://api.openai.com/v1/x',
      initiator: 'https://www.example.com',
      type: 'xmlhttprequest',
      timeStamp: Number.NaN,
      tabId: 1,
    };
    expect(sightingFromRequest(details, testMatcher())).toBeUndefined();
  });
});
