import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown, markdownCell } from './escape.ts';

describe('escapeHtml', () => {
  it('escapes the five characters that can open markup or close an attribute', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
  });
});

describe('escapeMarkdown', () => {
  it('escapes inline markup', () => {
    expect(escapeMarkdown('*a* _b_ `c` [d](javascript:x) <b> &amp; | ~~e~~')).toBe(
      '\\*a\\* \\_b\\_ \\`c\\` \\[d\\](javascript:x) \\<b\\> \\&amp; \\| \\~\\~e\\~\\~',
    );
  });

  it('keeps a line from becoming a heading, list, quote or rule', () => {
    expect(
      ['# h', '- item', '+ item', '1. item', '2) item', '> quote', '---', '==='].map(
        escapeMarkdown,
      ),
    ).toEqual([
      '\\# h',
      '\\- item',
      '\\+ item',
      '1\\. item',
      '2\\) item',
      '\\> quote',
      '\\---',
      '\\===',
    ]);
    expect(escapeMarkdown('6.1.2 and -2 stay as they are')).toBe('6.1.2 and -2 stay as they are');
  });

  it('keeps line breaks as breaks and escapes each line', () => {
    expect(escapeMarkdown('one\n# two\r\n- three')).toBe('one  \n\\# two  \n\\- three');
  });
});

describe('markdownCell', () => {
  it('puts text on one line with pipes escaped', () => {
    expect(markdownCell('a | b\n- c')).toBe('a \\| b - c');
  });
});
