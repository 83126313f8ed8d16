import type { Matcher } from '../../../shared/detection/matcher.ts';
import { logAccumulator, type LogScanProgress, type LogScanResult } from './log-accumulator.ts';

export interface StreamProgress extends LogScanProgress {
  bytesRead: number;
  totalBytes: number;
}

/** Whether a file starts with gzip's magic bytes (whatever its name). */
async function isGzip(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  return head[0] === 0x1f && head[1] === 0x8b;
}

/**
 * Reads a file (gunzipped with DecompressionStream when it is gzip) through the accumulator,
 * decoding UTF-8 across chunk boundaries, and reports progress — in the file's own bytes — at
 * most every `progressEveryMs`. Runs in the worker; plain web streams, so it is tested in Node.
 */
export async function scanLogStream(
  file: Blob,
  matcher: Matcher,
  onProgress: (progress: StreamProgress) => void,
  {
    inputFormat = 'auto',
    progressEveryMs = 100,
    clock = Date.now,
  }: { inputFormat?: string; progressEveryMs?: number; clock?: () => number } = {},
): Promise<LogScanResult> {
  const totalBytes = file.size;
  let bytesRead = 0;
  const counted = file.stream().pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytesRead += chunk.byteLength;
        controller.enqueue(chunk);
      },
    }),
  );
  const bytes = (await isGzip(file))
    ? counted.pipeThrough(
        new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>,
      )
    : counted;
  const accumulator = logAccumulator(matcher, inputFormat);
  let decoder: TextDecoder | undefined;
  const reader = bytes.getReader();
  let reported = clock();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      // Windows tools often write UTF-16 (PowerShell's Out-File): its byte-order mark says so.
      decoder ??= new TextDecoder(value[0] === 0xff && value[1] === 0xfe ? 'utf-16le' : 'utf-8');
      accumulator.push(decoder.decode(value, { stream: true }));
      if (clock() - reported >= progressEveryMs) {
        reported = clock();
        onProgress({ ...accumulator.progress(), bytesRead, totalBytes });
      }
    }
  } finally {
    reader.releaseLock();
  }
  if (decoder) accumulator.push(decoder.decode());
  const result = accumulator.finish();
  onProgress({ ...accumulator.progress(), bytesRead, totalBytes });
  return result;
}
