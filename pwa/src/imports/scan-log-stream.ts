import type { Matcher } from '../../../shared/detection/matcher.ts';
import { logAccumulator, type LogScanProgress, type LogScanResult } from './log-accumulator.ts';

export interface StreamProgress extends LogScanProgress {
  bytesRead: number;
  totalBytes: number;
}

/**
 * Reads a file's byte stream (File.stream()) through the accumulator, decoding UTF-8 across chunk
 * boundaries, and reports progress at most every `progressEveryMs`. Runs in the worker; plain
 * web streams, so it is tested in Node.
 */
export async function scanLogStream(
  stream: ReadableStream<Uint8Array>,
  totalBytes: number,
  matcher: Matcher,
  onProgress: (progress: StreamProgress) => void,
  {
    progressEveryMs = 100,
    clock = Date.now,
  }: { progressEveryMs?: number; clock?: () => number } = {},
): Promise<LogScanResult> {
  const accumulator = logAccumulator(matcher);
  const decoder = new TextDecoder('utf-8');
  const reader = stream.getReader();
  let bytesRead = 0;
  let reported = clock();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytesRead += value.byteLength;
      accumulator.push(decoder.decode(value, { stream: true }));
      if (clock() - reported >= progressEveryMs) {
        reported = clock();
        onProgress({ ...accumulator.progress(), bytesRead, totalBytes });
      }
    }
  } finally {
    reader.releaseLock();
  }
  accumulator.push(decoder.decode());
  const result = accumulator.finish();
  onProgress({ ...accumulator.progress(), bytesRead, totalBytes });
  return result;
}
