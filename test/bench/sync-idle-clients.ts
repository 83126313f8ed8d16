// A worker thread for sync-idle-memory: holds one connected client per document, so that the
// clients' own memory lives in this thread's heap and not in the relay's.
import { parentPort, workerData } from 'node:worker_threads';
import { connectClient, waitFor } from '../helpers/relay-client.ts';

export interface IdleClientsData {
  syncUrl: string;
  token: string;
  names: string[];
}

const { syncUrl, token, names } = workerData as IdleClientsData;
const port = parentPort!;
const clients = names.map((name) => connectClient(syncUrl, name, token));
await waitFor(
  () => clients.every((client) => client.provider.synced),
  () => `${clients.filter((c) => c.provider.synced).length}/${clients.length} idle clients synced`,
  60_000,
);
port.postMessage('synced');
port.once('message', () => {
  for (const client of clients) client.destroy();
  port.postMessage('closed');
});
