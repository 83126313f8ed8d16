import { describe, expect, it } from 'vitest';
import { eventTime, webHostname } from './hostname.ts';

describe('webHostname', () => {
  it.each([
    ['https://chatgpt.com/c/123?q=secret#frag', 'chatgpt.com'],
    ['https://user:pw@chatgpt.com:8443/path', 'chatgpt.com'],
    ['HTTP://ChatGPT.COM./', 'chatgpt.com'],
    ['https://münchen.example/', 'xn--mnchen-3ya.example'],
    ['https://chat%67pt.com/', 'chatgpt.com'],
    ['http://10.0.0.5:8080/admin', '10.0.0.5'],
    ['http://[::1]:3000/', '[::1]'],
    ['http://localhost:5173/page', 'localhost'],
    ['https://www.example.com', 'www.example.com'],
  ])('%s → %s', (url, host) => {
    expect(webHostname(url)).toBe(host);
  });

  it.each([
    'chrome://settings',
    'chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html',
    'moz-extension://3c8f0a9e-1111-2222-3333-444455556666/page.html',
    'file:///home/me/secret.html',
    'data:text/html,<h1>chatgpt.com</h1>',
    'blob:https://chatgpt.com/8c1e1d2a-0000-4000-8000-000000000000',
    'view-source:https://chatgpt.com/',
    'about:blank',
    'javascript:alert(1)',
    'ftp://chatgpt.com/file',
    'wss://chatgpt.com/socket',
    'null',
    'chatgpt.com',
    '',
    'not a url at all',
    'https://',
    'https://exa mple.com/',
  ])('refuses %s', (url) => {
    expect(webHostname(url)).toBeUndefined();
  });

  it.each([undefined, null, 42, {}])('refuses a non-string (%j)', (url) => {
    expect(webHostname(url)).toBeUndefined();
  });

  it('takes ws: and wss: only when asked to (WebSocket requests)', () => {
    expect(webHostname('wss://api.openai.com/v1/realtime?model=x')).toBeUndefined();
    expect(webHostname('wss://api.openai.com/v1/realtime?model=x', { sockets: true })).toBe(
      'api.openai.com',
    );
    expect(webHostname('ftp://api.openai.com/', { sockets: true })).toBeUndefined();
  });
});

describe('eventTime', () => {
  it('keeps whole milliseconds of a browser time', () => {
    expect(eventTime(1_764_000_000_123.789)).toBe(1_764_000_000_123);
    expect(eventTime(0)).toBe(0);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, -1, 1e20, '1764000000000', undefined])(
    'refuses %j',
    (value) => {
      expect(eventTime(value)).toBeUndefined();
    },
  );
});
