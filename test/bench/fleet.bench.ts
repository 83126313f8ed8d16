import { readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import * as Y from 'yjs';
import { addFlag, recordSightings, type Sighting } from '../../shared/documents/report/index.ts';
import { TokenService } from '../../server/auth/token-service.ts';
import { openRelayStorage } from '../../server/storage/open-storage.ts';
import { startServerProcess, type ServerProcess } from '../e2e/harness/server-process.ts';
import { startPostgres } from '../helpers/postgres-server.ts';
import { startRedis } from '../helpers/redis-server.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/relay-client.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { percentile, round2, sleep } from './sync-bench-helpers.ts';

/** How many simulated extensions report; FLEET_EXTENSIONS=20000 for the full scale. */
const EXTENSIONS = Number(process.env.FLEET_EXTENSIONS ?? 600);
/** The SQLite relay's run may be smaller (it is one process: a 20,000 run of it takes hours here). */
const SQLITE_EXTENSIONS = Number(process.env.FLEET_SQLITE_EXTENSIONS ?? EXTENSIONS);
/** Extensions connected at once while reporting (real Hocuspocus clients, one socket each). */
const BATCH = Number(process.env.FLEET_BATCH ?? 50);
/** `postgres`, `sqlite` or both (the default): a run of one, to compare one change at a time. */
const STORES = (process.env.FLEET_STORES ?? 'postgres,sqlite').split(',');
/** Extensions held connected, idle, to measure the relays' memory per connection. */
const HELD = Math.min(EXTENSIONS, 300);
const DAY = 86_400_000;
const TODAY = Math.floor(Date.now() / DAY) * DAY;

/** A day of one employee's sightings: three public AI tools, a few visits each (public hostnames). */
const DAY_OF_SIGHTINGS: Sighting[] = [
  ['openai-chatgpt', 'ChatGPT', 'chatgpt.com'],
  ['anthropic-claude', 'Claude', 'claude.ai'],
  ['google-gemini', 'Gemini', 'gemini.google.com'],
].flatMap(([toolKey, name, host]) =>
  [9, 11, 14, 16].map((hour) => ({
    toolKey: toolKey!,
    name: name!,
    category: 'chat-assistant' as const,
    host: host!,
    signal: 'visit' as const,
    at: TODAY + hour * 3_600_000,
  })),
);

interface Fleet {
  syncUrls: string[];
  relays: ServerProcess[];
  tokens: TokenService;
  storedBytes(): Promise<number>;
}

/** One line on stderr: the run's progress and the machine's load, which other work shares. */
const progress = (what: string) =>
  console.error(`fleet: ${what}; load average ${loadavg().map(round2).join(' ')}`);

const rssBytes = (relay: ServerProcess) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${relay.child.pid}/status`, 'utf8'))![1]) *
  1024;

/**
 * Every extension reports a day's sightings and one flag of a host of its own (so that the lead
 * can time each report's arrival in the discoveries), through the relays in turn, BATCH at a
 * time; a lead's client on the first relay watches the discoveries, as the PWA's inbox does.
 */
async function report(fleet: Fleet, extensions: number) {
  const lead = connectClient(
    fleet.syncUrls[0]!,
    'acme/discoveries',
    (await fleet.tokens.mint({ workspace: 'acme', role: 'lead', ttlMs: DAY })).token,
  );
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  // From a report's write to the relay's acknowledgement (durable in the store, S3).
  const ackTimes: number[] = [];
  const watch = (doc: Y.Doc) =>
    doc.getMap('tools').observe((event) => {
      const now = performance.now();
      for (const key of event.keysChanged) {
        const sent = sentAt.get(key);
        if (sent === undefined) continue;
        latencies.push(now - sent);
        sentAt.delete(key);
      }
    });
  watch(lead.doc);
  await waitFor(() => lead.provider.synced, 'the lead synced', 30_000);
  const before = await fleet.storedBytes();
  const started = performance.now();
  for (let first = 0; first < extensions; first += BATCH) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(BATCH, extensions - first) }, async (_, j) => {
        const i = first + j;
        const reporterId = `ext${i}`;
        const { token } = await fleet.tokens.mint({
          workspace: 'acme',
          role: 'member',
          reporterId,
          kind: 'reporter',
          ttlMs: DAY,
        });
        // Reconnecting, as the extension does: a socket the busy relay closes is opened again.
        return connectClient(
          fleet.syncUrls[i % fleet.syncUrls.length]!,
          `acme/reports/${reporterId}`,
          token,
          new Y.Doc(),
          { reconnect: true },
        );
      }),
    );
    // Generous: the machine is shared, and a slow batch is measured, not a failure.
    await waitFor(() => batch.every((c) => c.provider.synced), 'a batch synced', 600_000);
    batch.forEach((client, j) => {
      const host = `e${first + j}.fleet.example`;
      sentAt.set(`host:${host}`, performance.now());
      recordSightings(client.doc, DAY_OF_SIGHTINGS);
      addFlag(client.doc, {
        id: 'f1',
        toolKey: `host:${host}`,
        host,
        name: host,
        purpose: 'Drafting',
        dataCategories: [],
        note: '',
        createdAt: TODAY + 10 * 3_600_000,
      });
    });
    // A slow acknowledgement on a loaded machine is measured, not a failure: the extension keeps
    // the report and waits too (it resends on reconnection).
    const wrote = performance.now();
    await Promise.all(
      batch.map((client) =>
        client.acknowledged(600_000).then(() => ackTimes.push(performance.now() - wrote)),
      ),
    );
    batch.forEach((client) => client.destroy());
    // Every 1,000 reports, the figures so far: a run stopped early still says what it measured.
    if ((first + BATCH) % 1000 === 0) {
      const sorted = [...latencies].sort((a, b) => a - b);
      const s = (performance.now() - started) / 1000;
      progress(
        `${first + BATCH} reported in ${Math.round(s)} s (${round2((first + BATCH) / s)}/s), lead p50 ${round2(percentile(sorted, 50))} ms p99 ${round2(percentile(sorted, 99))} ms, ack p99 ${round2(
          percentile(
            [...ackTimes].sort((a, b) => a - b),
            99,
          ),
        )} ms, ${sentAt.size} unseen, stored ${round2(((await fleet.storedBytes()) - before) / (first + BATCH) / 1024)} KiB/reporter`,
      );
    }
  }
  const elapsedS = (performance.now() - started) / 1000;
  const deadline = Date.now() + 120_000;
  while (sentAt.size > 0 && Date.now() < deadline) await sleep(200);
  const sorted = latencies.sort((a, b) => a - b);
  const afterBytes = await fleet.storedBytes();
  const unseen = await whereUnseen(fleet, lead, [...sentAt.keys()]);
  lead.destroy();

  // Memory: HELD extensions connected and idle, against the relays before they connected.
  const rssBefore = fleet.relays.reduce((sum, relay) => sum + rssBytes(relay), 0);
  const held: TestClient[] = [];
  for (let i = 0; i < HELD; i++) {
    const { token } = await fleet.tokens.mint({
      workspace: 'acme',
      role: 'member',
      reporterId: `ext${i}`,
      kind: 'reporter',
      ttlMs: DAY,
    });
    held.push(
      connectClient(
        fleet.syncUrls[i % fleet.syncUrls.length]!,
        `acme/reports/ext${i}`,
        token,
        new Y.Doc(),
        { reconnect: true },
      ),
    );
  }
  await waitFor(() => held.every((c) => c.provider.synced), 'held extensions synced', 600_000);
  await sleep(2_000);
  const rssAfter = fleet.relays.reduce((sum, relay) => sum + rssBytes(relay), 0);
  held.forEach((client) => client.destroy());

  return {
    extensions,
    reportsPerSecond: round2(extensions / elapsedS),
    sightingToLeadMsP50: round2(percentile(sorted, 50)),
    sightingToLeadMsP99: round2(percentile(sorted, 99)),
    reportAckMsP99: round2(
      percentile(
        [...ackTimes].sort((a, b) => a - b),
        99,
      ),
    ),
    reportsNotSeenByLead: sentAt.size,
    ...(unseen ? { unseen } : {}),
    relayKiBPerConnectedExtension: round2((rssAfter - rssBefore) / HELD / 1024),
    storedKiBPerReporter: round2((afterBytes - before) / extensions / 1024),
  };
}

/**
 * Where reports the watching lead never saw are (a false "no AI found" must be explained): in the
 * lead's own copy (the watch missed an event), or in each relay's copy, read by a fresh client.
 */
async function whereUnseen(fleet: Fleet, lead: TestClient, keys: string[]) {
  if (keys.length === 0) return undefined;
  const token = (await fleet.tokens.mint({ workspace: 'acme', role: 'lead', ttlMs: DAY })).token;
  const inRelays: number[] = [];
  for (const url of fleet.syncUrls) {
    const fresh = connectClient(url, 'acme/discoveries', token);
    await waitFor(() => fresh.provider.synced, 'a fresh lead synced', 60_000);
    inRelays.push(keys.filter((key) => fresh.doc.getMap('tools').has(key)).length);
    fresh.destroy();
  }
  const inLeadsCopy = keys.filter((key) => lead.doc.getMap('tools').has(key)).length;
  return { keys: keys.slice(0, 10), inLeadsCopy, inEachRelaysCopy: inRelays };
}

async function postgresFleet(): Promise<{ fleet: Fleet; stop(): Promise<void> }> {
  const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  const database = await postgres.createDatabase('fleet');
  const storage = await openRelayStorage(tempDir().path, database);
  const tokens = new TokenService(await storage.signingSecret(), storage.tokens);
  const folders = [tempDir(), tempDir(), tempDir()];
  const relays = await Promise.all(
    folders.map((folder) =>
      startServerProcess(folder.path, ['--database', database, '--redis', redis.url]),
    ),
  );
  const sizeClient = new pg.Client({ connectionString: database });
  await sizeClient.connect();
  return {
    fleet: {
      syncUrls: relays.map((relay) => relay.syncUrl),
      relays,
      tokens,
      storedBytes: async () =>
        Number(
          (
            await sizeClient.query<{ n: string }>(
              'SELECT pg_database_size(current_database()) AS n',
            )
          ).rows[0]!.n,
        ),
    },
    async stop() {
      for (const relay of relays) await relay.stop();
      await sizeClient.end();
      await storage.close();
      await redis.stop();
      await postgres.stop();
      folders.forEach((folder) => folder.remove());
    },
  };
}

async function sqliteFleet(): Promise<{ fleet: Fleet; stop(): Promise<void> }> {
  const folder = tempDir();
  const relay = await startServerProcess(folder.path, []);
  const storage = await openRelayStorage(folder.path);
  const tokens = new TokenService(await storage.signingSecret(), storage.tokens);
  const file = join(folder.path, 'sightline.sqlite');
  const size = (path: string) => {
    try {
      return statSync(path).size;
    } catch {
      return 0;
    }
  };
  return {
    fleet: {
      syncUrls: [relay.syncUrl],
      relays: [relay],
      tokens,
      storedBytes: async () => size(file) + size(`${file}-wal`),
    },
    async stop() {
      await relay.stop();
      await storage.close();
      folder.remove();
    },
  };
}

/**
 * `npm run bench -- fleet` (issue 19, docs/deploy.md Capacity): simulated extensions — real
 * Hocuspocus clients, in batches — report a day's sightings through three relays on one Postgres
 * and one Redis, and through one relay on SQLite in the same run. Clients, relays and databases
 * share this machine's cores, so every figure is a floor for what separate machines do.
 */
export default {
  name: 'fleet',
  async run() {
    const results: Record<string, unknown> = {
      extensions: EXTENSIONS,
      batch: BATCH,
      held: HELD,
      loadAverageAtStart: loadavg().map(round2),
    };
    const fleets = {
      postgres: ['postgres3Relays', postgresFleet, EXTENSIONS],
      sqlite: ['sqlite1Relay', sqliteFleet, SQLITE_EXTENSIONS],
    } as const;
    // In the order FLEET_STORES names them.
    for (const store of STORES) {
      if (!(store in fleets)) throw new Error(`FLEET_STORES: ${store} is not postgres or sqlite`);
      const [label, start, extensions] = fleets[store as keyof typeof fleets];
      const { fleet, stop } = await start();
      try {
        progress(`${label}: ${extensions} extensions`);
        results[label] = {
          ...(await report(fleet, extensions)),
          loadAverageAfter: loadavg().map(round2),
        };
        progress(`${label}: ${JSON.stringify(results[label])}`);
      } finally {
        await stop();
      }
    }
    return results;
  },
};
