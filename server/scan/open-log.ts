import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/**
 * The log's text as a stream of UTF-8 strings, gunzipped first when it starts with gzip's magic
 * bytes (whatever the file is called, and for standard input too).
 */
export async function openLog(input: Readable): Promise<Readable> {
  const chunks = input[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await chunks.next();
  async function* all() {
    if (first.done) return;
    yield first.value;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  }
  const raw = Readable.from(all(), { objectMode: false });
  const head = first.done ? undefined : first.value;
  let text: Readable = raw;
  if (head && head[0] === 0x1f && head[1] === 0x8b) {
    const gunzip = createGunzip();
    raw.on('error', (error) => gunzip.destroy(error));
    text = raw.pipe(gunzip);
  }
  text.setEncoding('utf8');
  return text;
}
