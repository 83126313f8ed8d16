import { describe, expect, it } from 'vitest';
import { builtInCatalog } from '../../../shared/catalog/catalog.ts';
import type { ToolEntry } from '../../../shared/catalog/schema.ts';
import { compileMatcher } from '../../../shared/detection/matcher.ts';
import { LogFormatError, MAX_LINE } from '../../../shared/detection/logs/log-reader.ts';
import { MAX_LOG_HOSTS } from '../../../shared/documents/registry/network-log.ts';
import { logAccumulator } from './log-accumulator.ts';

const ourTool: ToolEntry = {
  id: 'acme-assistant',
  name: 'Acme Assistant',
  vendor: 'Acme',
  category: 'chat-assistant',
  hosts: ['assistant.acme.example'],
  apiHosts: [],
  extensionIds: [],
  facts: {},
};
const matcher = compileMatcher(builtInCatalog(), [ourTool]);

/** Feeds the text in pieces of `size` characters, splitting lines anywhere. */
function scan(text: string, size = 7) {
  const acc = logAccumulator(matcher);
  for (let i = 0; i < text.length; i += size) acc.push(text.slice(i, i + size));
  return acc.finish();
}

const proxyCsv = [
  'timestamp,user,url,status',
  '2026-01-05T10:00:00Z,ann,https://chatgpt.com/c/secret-chat?q=salary+review,200',
  '2026-01-03T09:00:00Z,bob,https://chat.openai.com/,200',
  '2026-01-04T09:00:00Z,bob,https://www.example.com/,200',
  '2026-01-06T09:00:00Z,cy,https://assistant.acme.example/x,200',
  '"unclosed,dee,https://claude.ai,200',
  '',
].join('\r\n');

describe('the network-log accumulator', () => {
  it('keeps only the matches, per tool: hosts, lines and the time range', () => {
    const result = scan(proxyCsv);
    expect(result).toMatchObject({
      linesRead: 6,
      matchedLines: 3,
      toolsFound: 2,
      unreadable: 1,
      format: { id: 'csv', forced: false },
      verdict: 'ok',
    });
    expect(result.problem).toBeUndefined();
    expect(result.tools).toEqual([
      {
        toolKey: 'openai-chatgpt',
        name: 'ChatGPT',
        category: 'chat-assistant',
        hosts: ['chat.openai.com', 'chatgpt.com'],
        lines: 2,
        firstSeen: Date.UTC(2026, 0, 3, 9),
        lastSeen: Date.UTC(2026, 0, 5, 10),
      },
      {
        toolKey: 'acme-assistant',
        name: 'Acme Assistant',
        category: 'chat-assistant',
        hosts: ['assistant.acme.example'],
        lines: 1,
        firstSeen: Date.UTC(2026, 0, 6, 9),
        lastSeen: Date.UTC(2026, 0, 6, 9),
      },
    ]);
  });

  it('never keeps a path, a query or anything else of the line', () => {
    const kept = JSON.stringify(scan(proxyCsv));
    for (const secret of ['secret-chat', 'salary', '/c/', 'ann', 'bob', 'https']) {
      expect(kept).not.toContain(secret);
    }
  });

  it('gives the same result however the file is cut into chunks', () => {
    const whole = scan(proxyCsv, proxyCsv.length);
    for (const size of [1, 2, 3, 64]) expect(scan(proxyCsv, size)).toEqual(whole);
  });

  it('reads a plain host list without times, the last line without a line break', () => {
    const result = scan('claude.ai\nnot a host at all!\napi.anthropic.com:443\ngithub.com');
    // Equal counts: in tool-key order.
    expect(result.tools.map((t) => [t.toolKey, t.hosts, t.lines])).toEqual([
      ['anthropic-api', ['api.anthropic.com'], 1],
      ['anthropic-claude', ['claude.ai'], 1],
    ]);
    expect(result.linesRead).toBe(4);
    expect(result.tools.every((t) => t.firstSeen === undefined)).toBe(true);
  });

  it('keeps a bounded number of hosts per tool, however many subdomains a log invents', () => {
    const lines = Array.from({ length: 500 }, (_, i) => `u${i}.chatgpt.com`).join('\n');
    const [tool] = scan(lines, 4096).tools;
    expect(tool?.lines).toBe(500);
    expect(tool?.hosts).toHaveLength(MAX_LOG_HOSTS);
  });

  it('counts a line of megabytes as one unreadable line without keeping it', () => {
    const result = scan(`chatgpt.com\n${'x'.repeat(MAX_LINE * 3)}\nclaude.ai\n`, 10_000);
    expect(result).toMatchObject({ linesRead: 3, unreadable: 1, matchedLines: 2 });
  });

  it('reports progress as it goes, counting the lines it reads before choosing the format', () => {
    const acc = logAccumulator(matcher);
    acc.push('chatgpt.com\nclaude.ai\nexample.com\npartial');
    expect(acc.progress()).toEqual({ linesRead: 3, matchedLines: 0, toolsFound: 0 });
    acc.push(`\n${'claude.ai\n'.repeat(600)}`);
    expect(acc.progress()).toEqual({ linesRead: 604, matchedLines: 602, toolsFound: 2 });
  });

  it('refuses binary data, and says why a file it could not read proves nothing', () => {
    expect(() => scan('\u0000\u0001binary')).toThrow(LogFormatError);
    const result = scan('name,size\nx,1\n');
    expect(result.verdict).toBe('unreadable');
    expect(result.problem).toMatch(/2 of its 2 lines could not be read/);
  });
});
