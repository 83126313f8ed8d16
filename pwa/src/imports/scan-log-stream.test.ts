import { describe, expect, it } from 'vitest';
import { builtInCatalog } from '../../../shared/catalog/catalog.ts';
import { compileMatcher } from '../../../shared/detection/matcher.ts';
import { scanLogStream, type StreamProgress } from './scan-log-stream.ts';

const matcher = compileMatcher(builtInCatalog());

/** A file as the page hands it to the worker: a Blob in the given byte pieces. */
const fileOf = (...parts: (string | Uint8Array)[]) => new Blob(parts as BlobPart[]);

describe('scanning a file', () => {
  it('decodes UTF-8 split across chunks, and reports progress up to every byte', async () => {
    // An IDN (ü is two bytes) cut in the middle of its character, then an AI host.
    const bytes = new TextEncoder().encode('bücher.example\nclaude.ai\n');
    const seen: StreamProgress[] = [];
    let tick = 0;
    const result = await scanLogStream(
      fileOf(bytes.slice(0, 2), bytes.slice(2, 9), bytes.slice(9)),
      matcher,
      (p) => seen.push(p),
      { progressEveryMs: 1, clock: () => tick++ },
    );
    expect(result.tools.map((t) => t.toolKey)).toEqual(['anthropic-claude']);
    expect(result).toMatchObject({ linesRead: 2, unreadable: 0 });
    expect(seen.at(-1)).toEqual({
      linesRead: 2,
      matchedLines: 1,
      toolsFound: 1,
      bytesRead: bytes.length,
      totalBytes: bytes.length,
    });
  });

  it('reads a log as the format chosen, and says so when it is not that format', async () => {
    const squid = fileOf(
      '1765101601.456  30512 192.168.1.21 TCP_TUNNEL/200 48211 CONNECT chatgpt.com:443 alice HIER_DIRECT/104.18.32.47 -\n'.repeat(
        9,
      ),
    );
    const wrong = await scanLogStream(squid, matcher, () => {}, { inputFormat: 'dnsmasq' });
    expect(wrong.tools).toEqual([]);
    expect(wrong.problem).toMatch(
      /^Sightline read this file as a dnsmasq or Pi-hole query log, the format chosen\. 9 of its 9 lines could not be read/,
    );
    const right = await scanLogStream(squid, matcher, () => {}, { inputFormat: 'squid' });
    expect(right.problem).toBeUndefined();
  });

  it('reads a large log in constant memory (100,000 lines)', async () => {
    const log = 'time,url\n' + '2026-01-05T10:00:00Z,https://chatgpt.com/c/1\n'.repeat(100_000);
    const result = await scanLogStream(fileOf(log), matcher, () => {});
    expect(result.matchedLines).toBe(100_000);
    expect(result.tools).toHaveLength(1);
  });
});
