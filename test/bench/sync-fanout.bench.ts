import { connectClient, waitFor, type TestClient } from '../helpers/relay-client.ts';
import { percentile, round2, sleep, withRelay, type BenchServer } from './sync-bench-helpers.ts';

const DOC = 'acme/policy';
const RECIPIENTS = 200;
const WRITES = 200;
/** Writes sent first and not counted, so the first JIT compilations do not land in the tail. */
const WARMUP_WRITES = 20;
const SPACING_MS = 20;

interface Ping {
  seq: number;
  at: number;
}

/**
 * One writer sets a key to its send time, WRITES times, SPACING_MS apart; each recipient notes how
 * long every write took to reach its Y.Doc. Writer, relay and recipients share this process, so the
 * clock is one clock; it also means the recipients' own decoding is queued behind one another,
 * which real clients on their own machines would not do, so the tail here is pessimistic.
 */
async function fanout(server: BenchServer, recipients: number) {
  // A key of its own per run: a later run's clients must not time the last write of an earlier one.
  const key = `ping-${recipients}`;
  const token = await server.token('acme', 'lead');
  const clients: TestClient[] = [];
  const latencies: number[] = [];
  try {
    // One HocuspocusProviderWebsocket per client, as each real client has its own connection.
    const writer = connectClient(server.syncUrl, DOC, token);
    clients.push(writer);
    for (let i = 0; i < recipients; i++) {
      const client = connectClient(server.syncUrl, DOC, token);
      clients.push(client);
      const pings = client.doc.getMap<Ping>('fanout');
      pings.observe((event) => {
        const arrived = performance.now();
        const ping = pings.get(key);
        if (!event.keysChanged.has(key) || ping === undefined || ping.seq < WARMUP_WRITES) return;
        latencies.push(arrived - ping.at);
      });
    }
    await waitFor(
      () => clients.every((c) => c.provider.synced),
      () => `${clients.filter((c) => c.provider.synced).length}/${clients.length} clients synced`,
      60_000,
    );
    const pings = writer.doc.getMap<Ping>('fanout');
    for (let seq = 0; seq < WARMUP_WRITES + WRITES; seq++) {
      pings.set(key, { seq, at: performance.now() });
      await sleep(SPACING_MS);
    }
    const expected = WRITES * recipients;
    await waitFor(() => latencies.length >= expected, 'every write at every recipient').catch(
      () => {}, // reported below as missing
    );
    latencies.sort((a, b) => a - b);
    return {
      p50Ms: round2(percentile(latencies, 50)),
      p99Ms: round2(percentile(latencies, 99)),
      maxMs: round2(latencies.at(-1) ?? Number.NaN),
      missing: expected - latencies.length,
    };
  } finally {
    for (const client of clients) client.destroy();
  }
}

/**
 * Fan-out latency: a write from one lead reaching 200 connected clients of one document, against
 * the baseline of the same writes reaching one client (the relay's per-message cost alone).
 */
export default {
  name: 'sync-fanout',
  async run() {
    return withRelay({}, async (server) => {
      const baseline = await fanout(server, 1);
      const measured = await fanout(server, RECIPIENTS);
      return {
        clients: RECIPIENTS,
        writes: WRITES,
        spacingMs: SPACING_MS,
        p50Ms: measured.p50Ms,
        p99Ms: measured.p99Ms,
        maxMs: measured.maxMs,
        missing: measured.missing,
        targetP99Ms: 50,
        baselineP50Ms: baseline.p50Ms,
        baselineP99Ms: baseline.p99Ms,
        baselineMaxMs: baseline.maxMs,
      };
    });
  },
};
