import { describe, expect, it } from 'vitest';
import { normaliseHost } from './normalise-host.ts';

describe('normaliseHost', () => {
  it.each([
    ['chatgpt.com', 'chatgpt.com'],
    ['  ChatGPT.COM  ', 'chatgpt.com'],
    ['chatgpt.com.', 'chatgpt.com'],
    ['chatgpt.com:443', 'chatgpt.com'],
    ['https://user:secret@Chat.OpenAI.com:8443/c/abc?q=prompt#frag', 'chat.openai.com'],
    ['http://www.perplexity.ai/search?q=x', 'www.perplexity.ai'],
    ['//claude.ai/new', 'claude.ai'],
    ['münchen.de', 'xn--mnchen-3ya.de'],
    ['https://例子.测试/path', 'xn--fsqu00a.xn--0zwm56d'],
    ['xn--mnchen-3ya.de', 'xn--mnchen-3ya.de'],
  ])('%j → %s', (input, host) => {
    expect(normaliseHost(input)).toEqual({ kind: 'host', host });
  });

  it.each(['192.168.0.1', 'http://10.0.0.1:8080/x', '[::1]:80', '2001:db8::1'])(
    'recognises the IP %j',
    (input) => {
      expect(normaliseHost(input).kind).toBe('ip');
    },
  );

  it.each([
    '',
    '   ',
    'http://',
    'garbage ###',
    'a..b.com',
    '-bad-.com',
    'localhost',
    'foo',
    '\u0000\u0001',
    'x'.repeat(5000) + '.com',
    'a'.repeat(64) + '.com',
    '<script>alert(1)</script>',
    null,
    undefined,
    42,
    { host: 'chatgpt.com' },
  ])('rejects %j without throwing', (input) => {
    expect(normaliseHost(input)).toEqual({ kind: 'invalid' });
  });
});
