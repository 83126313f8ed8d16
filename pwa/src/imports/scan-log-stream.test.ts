import { describe, expect, it } from 'vitest';
import { builtInCatalog } from '../../../shared/catalog/catalog.ts';
import { compileMatcher } from '../../../shared/detection/matcher.ts';
import { scanLogStream, type StreamProgress } from './scan-log-stream.ts';

const matcher = compileMatcher(builtInCatalog());

/** A byte stream in the given pieces, as File.stream() gives them. */
function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

describe('scanning a file stream', () => {
  it('decodes UTF-8 split across chunks, and reports progress up to every byte', async () => {
    // An IDN (ü is two bytes) cut in the middle of its character, then an AI host.
    const bytes = new TextEncoder().encode('bücher.example\nclaude.ai\n');
    const chunks = [bytes.slice(0, 2), bytes.slice(2, 9), bytes.slice(9)];
    const seen: StreamProgress[] = [];
    let tick = 0;
    const result = await scanLogStream(
      streamOf(chunks),
      bytes.length,
      matcher,
      (p) => seen.push(p),
      {
        progressEveryMs: 1,
        clock: () => tick++,
      },
    );
    expect(result.tools.map((t) => t.toolKey)).toEqual(['anthropic-claude']);
    expect(result).toMatchObject({ linesRead: 2, unreadable: 0 });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toEqual({
      linesRead: 2,
      matchedLines: 1,
      toolsFound: 1,
      bytesRead: bytes.length,
      totalBytes: bytes.length,
    });
  });

  it('reads a large log in constant memory (100,000 lines)', async () => {
    const line = new TextEncoder().encode('2026-01-05T10:00:00Z,https://chatgpt.com/c/1\n');
    const header = new TextEncoder().encode('time,url\n');
    const chunks = [header, ...Array.from({ length: 100_000 }, () => line)];
    const started = performance.now();
    const result = await scanLogStream(streamOf(chunks), 0, matcher, () => {});
    const ms = performance.now() - started;
    expect(result.matchedLines).toBe(100_000);
    expect(result.tools).toHaveLength(1);
    expect(ms).toBeLessThan(10_000);
  });
});
