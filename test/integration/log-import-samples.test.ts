// The PWA's network-log import, through the worker's own code path (scanLogStream, as
// log-import.worker.ts calls it), on every sample log: the same answers as `sightline scan`
// gives in server/scan/scan-command.test.ts, from one table (test/fixtures/logs/expected.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scanLogStream, type StreamProgress } from '../../pwa/src/imports/scan-log-stream.ts';
import { builtInCatalog } from '../../shared/catalog/catalog.ts';
import { compileMatcher } from '../../shared/detection/matcher.ts';
import { fixturePath, LOG_FIXTURES } from '../fixtures/logs/expected.ts';

const matcher = compileMatcher(builtInCatalog());
const fileOf = (bytes: Uint8Array) => new Blob([bytes as BlobPart]);

/** gzip, as a browser's CompressionStream writes it. */
async function gzip(bytes: Uint8Array): Promise<Blob> {
  const stream = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(
      new CompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>,
    );
  return new Response(stream).blob();
}

describe('the import worker reads every sample log (test/fixtures/logs)', () => {
  for (const [name, expected] of Object.entries(LOG_FIXTURES)) {
    it(`${name}: ${expected.format}, ${expected.verdict}`, async () => {
      const result = await scanLogStream(
        fileOf(readFileSync(fixturePath(name))),
        matcher,
        () => {},
      );
      expect(result.format.id).toBe(expected.format);
      expect(result.verdict).toBe(expected.verdict);
      expect(result).toMatchObject({ records: expected.records, unreadable: expected.unreadable });
      expect(result.tools.map((t) => t.toolKey).sort()).toEqual(expected.tools);
      // The words that stop an import are there exactly when the result cannot be trusted.
      expect(result.problem === undefined).toBe(expected.verdict === 'ok');
    });
  }
});

describe('the import worker reads gzip and UTF-16', () => {
  it('reads a gzipped log by its content, counting progress in the file’s own bytes', async () => {
    const file = await gzip(readFileSync(fixturePath('suricata-eve.json')));
    const seen: StreamProgress[] = [];
    const result = await scanLogStream(file, matcher, (p) => seen.push(p));
    expect(result.format.id).toBe('json');
    expect(result.tools.map((t) => t.toolKey).sort()).toEqual(
      LOG_FIXTURES['suricata-eve.json']!.tools,
    );
    expect(seen.at(-1)).toMatchObject({ bytesRead: file.size, totalBytes: file.size });
  });

  it('reads a UTF-16 export (as PowerShell writes it) by its byte-order mark', async () => {
    const text = '\uFEFF' + readFileSync(fixturePath('defender-devicenetworkevents.csv'), 'utf8');
    const utf16 = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      utf16[2 * i] = text.charCodeAt(i) & 0xff;
      utf16[2 * i + 1] = text.charCodeAt(i) >> 8;
    }
    const result = await scanLogStream(fileOf(utf16), matcher, () => {});
    expect(result.format.id).toBe('csv');
    expect(result.tools.map((t) => t.toolKey).sort()).toEqual(
      LOG_FIXTURES['defender-devicenetworkevents.csv']!.tools,
    );
  });
});
