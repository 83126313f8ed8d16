// A relay in a process of its own, so that a benchmark measures the relay's memory and not its
// clients': `node --expose-gc relay-process.ts '<limits JSON>'` prints {syncUrl, token} once
// started, then answers each "measure" line on stdin with one JSON line; "quit" stops it.
import { createInterface } from 'node:readline';
import * as Y from 'yjs';
import { startTestServer } from '../../helpers/test-server.ts';

const server = await startTestServer({ limits: JSON.parse(process.argv[2] ?? '{}') as object });
const token = await server.token('acme', 'member', 'greedy');
console.log(JSON.stringify({ syncUrl: server.syncUrl, token }));
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const MiB = 1024 * 1024;

for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'quit') break;
  gc();
  gc();
  const connection = await server.hocuspocus.openDirectConnection('acme/reports/greedy', {});
  const reportBytes = connection.document ? Y.encodeStateAsUpdate(connection.document).length : 0;
  await connection.disconnect();
  const { rss, heapUsed, external } = process.memoryUsage();
  console.log(
    JSON.stringify({
      rssMiB: rss / MiB,
      heldMiB: (heapUsed + external) / MiB,
      reportMiB: reportBytes / MiB,
    }),
  );
}
await server.close();
server.remove();
process.exit(0);
