// Shared by the sync-* benchmarks (test/bench/sync-*.bench.ts). Not a benchmark itself: the bench
// runner only loads files that end in .bench.ts.
import type { TestClient } from '../helpers/relay-client.ts';
import { startTestServer } from '../helpers/test-server.ts';

export type BenchServer = Awaited<ReturnType<typeof startTestServer>>;

/**
 * The benchmarks play hundreds of people from one address with one token, which the per-token and
 * per-address caps (docs/sync.md H11–H12) exist to refuse: they are lifted here, the rest stays.
 */
const ONE_MACHINE_MANY_PEOPLE = {
  maxSocketsPerToken: 100_000,
  maxDocumentsPerToken: 1_000_000,
  maxUnauthenticatedSocketsPerIp: 100_000,
};

/** Runs `work` against a fresh relay on loopback, then closes it and removes its data folder. */
export async function withRelay<T>(
  options: Parameters<typeof startTestServer>[0],
  work: (server: BenchServer) => Promise<T>,
): Promise<T> {
  const server = await startTestServer({
    ...options,
    limits: { ...ONE_MACHINE_MANY_PEOPLE, ...options?.limits },
  });
  try {
    return await work(server);
  } finally {
    await server.close();
    server.remove();
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Rounds to two decimals, enough for milliseconds on a noisy machine. */
export const round2 = (value: number) => Math.round(value * 100) / 100;

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/** This thread's V8 heap in use after a full collection (the bench runs with --expose-gc). */
export async function settledHeapUsed(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    globalThis.gc?.();
    await sleep(20);
  }
  return process.memoryUsage().heapUsed;
}

/**
 * Resolves as soon as the relay has acknowledged every local change (provider synced, no unsynced
 * changes). The same condition as `TestClient.acknowledged()`, but driven by the provider's events
 * instead of a 20 ms poll, so a timing is not rounded up to the poll.
 */
export function acknowledgedNow(client: TestClient, timeoutMs = 30_000): Promise<void> {
  const { provider } = client;
  const done = () => provider.synced && !provider.hasUnsyncedChanges;
  if (done()) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const check = () => {
      if (!done()) return;
      finish();
      resolve();
    };
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`timed out waiting for ${provider.configuration.name} to be acknowledged`));
    }, timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      provider.off('synced', check);
      provider.off('unsyncedChanges', check);
    };
    provider.on('synced', check);
    provider.on('unsyncedChanges', check);
  });
}

/**
 * Counts the Hocuspocus messages' bytes a client sends and receives on its WebSocket (payloads,
 * without the few bytes of WebSocket framing). Call it right after `connectClient`: nothing is sent
 * before the socket opens, and messages queued until then are counted when they go out.
 */
export function countTraffic(client: TestClient): { sent: number; received: number } {
  const socket = client.provider.configuration.websocketProvider;
  const traffic = { sent: 0, received: 0 };
  const send = socket.send.bind(socket);
  socket.send = (message: Uint8Array) => {
    if (socket.webSocket?.readyState === WebSocket.OPEN) traffic.sent += message.byteLength;
    send(message);
  };
  socket.on('message', (event: MessageEvent<ArrayBuffer>) => {
    traffic.received += event.data.byteLength;
  });
  return traffic;
}
