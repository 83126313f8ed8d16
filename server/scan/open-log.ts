import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/**
 * The log's bytes, gunzipped first when they start with gzip's magic bytes (whatever the file
 * is called, and for standard input too). Without gzip, the input's own chunks, unwrapped.
 */
export async function openLog(input: Readable): Promise<AsyncIterable<Buffer>> {
  const chunks = input[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await chunks.next();
  async function* all() {
    if (first.done) return;
    yield first.value;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  }
  const head = first.done ? undefined : first.value;
  if (!head || head[0] !== 0x1f || head[1] !== 0x8b) return all();
  const raw = Readable.from(all(), { objectMode: false });
  const gunzip = createGunzip();
  raw.on('error', (error) => gunzip.destroy(error));
  return raw.pipe(gunzip);
}
