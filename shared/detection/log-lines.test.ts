import { describe, expect, it } from 'vitest';
import { LogFormatError, logLineReader, parseLogTime, splitCsvLine } from './log-lines.ts';

/** Every entry a reader gives for these lines, in order. */
function read(lines: string[]) {
  const reader = logLineReader();
  return lines.map(reader).filter((entry) => entry !== undefined);
}

describe('the network-log line reader', () => {
  it('reads a plain list of hosts and URLs, skipping blanks and comments, counting every line', () => {
    expect(read(['\uFEFFchatgpt.com', '', '# comment', '  https://claude.ai/chat?q=1  '])).toEqual([
      { line: 1, value: 'chatgpt.com' },
      { line: 4, value: 'https://claude.ai/chat?q=1' },
    ]);
  });

  it('finds the host column of a CSV by its header, and a time column when there is one', () => {
    expect(
      read([
        'timestamp,user,hostname,bytes',
        '2026-01-05T10:00:00Z,ann,chatgpt.com,12',
        '1767607200,bob,"claude.ai",3',
        'not a time,cy,gemini.google.com,1',
      ]),
    ).toEqual([
      { line: 2, value: 'chatgpt.com', time: Date.UTC(2026, 0, 5, 10) },
      { line: 3, value: 'claude.ai', time: 1_767_607_200_000 },
      { line: 4, value: 'gemini.google.com' },
    ]);
  });

  it('reads tab- and semicolon-separated exports', () => {
    expect(read(['time\tquery', '1\tapi.anthropic.com'])).toEqual([
      { line: 2, value: 'api.anthropic.com' },
    ]);
    expect(read(['url;status', 'https://chatgpt.com/c/1;200'])).toEqual([
      { line: 2, value: 'https://chatgpt.com/c/1' },
    ]);
  });

  it('reports lines it cannot read without stopping', () => {
    expect(read(['host,user', ',ann', '"unclosed,bob', 'a\u0000b', 'chatgpt.com,cy'])).toEqual([
      { line: 2, unreadable: true },
      { line: 3, unreadable: true },
      { line: 4, unreadable: true },
      { line: 5, value: 'chatgpt.com' },
    ]);
  });

  it('refuses a file that is not a log', () => {
    expect(() => read(['a\u0000'])).toThrow(LogFormatError);
    expect(() => read(['name,size', 'x,1'])).toThrow(/no host, hostname, domain or url column/);
  });
});

describe('CSV lines and log times', () => {
  it('splits quoted fields with escaped quotes and delimiters inside', () => {
    expect(splitCsvLine('a,"b,""c""",d', ',')).toEqual(['a', 'b,"c"', 'd']);
    expect(splitCsvLine('x,,', ',')).toEqual(['x', '', '']);
    expect(splitCsvLine('"open', ',')).toBeUndefined();
  });

  it('reads epoch seconds, milliseconds and dates; refuses junk and implausible times', () => {
    expect(parseLogTime('1767607200.5')).toBe(1_767_607_200_500);
    expect(parseLogTime('1767607200000')).toBe(1_767_607_200_000);
    expect(parseLogTime('2026-01-05T10:00:00Z')).toBe(Date.UTC(2026, 0, 5, 10));
    expect(parseLogTime('1')).toBeUndefined();
    expect(parseLogTime('tomorrow')).toBeUndefined();
    expect(parseLogTime('')).toBeUndefined();
  });
});
