import * as Y from 'yjs';
import { CATEGORIES } from '../../shared/catalog/schema.ts';
import {
  readReport,
  recordSightings,
  setReportMeta,
  type Sighting,
} from '../../shared/documents/report/index.ts';
import { connectClient } from '../helpers/relay-client.ts';
import { seededRandom } from '../helpers/seeded-random.ts';
import {
  acknowledgedNow,
  countTraffic,
  median,
  round2,
  sleep,
  withRelay,
  type BenchServer,
} from './sync-bench-helpers.ts';

const SIGHTINGS = 3_000;
const BATCH = 50;
const TOOL_COUNT = 40;
const DAYS = 30;
const RUNS = 3;
const DAY_MS = 86_400_000;
const START = Date.UTC(2026, 0, 1, 8);

const SITES = Array.from({ length: 30 }, (_, i) => `intranet-${i}.example.com`);
const TOOLS = Array.from({ length: TOOL_COUNT }, (_, i) => ({
  toolKey: `tool-${i}`,
  name: `Tool number ${i}`,
  category: CATEGORIES[i % CATEGORIES.length]!,
  hosts: [`tool-${i}.ai`, `app.tool-${i}.ai`, `api.tool-${i}.ai`],
}));
/** Zipf popularity: a few tools used daily, most now and then, as people use AI tools. */
const HARMONIC = TOOLS.reduce((sum, _, i) => sum + 1 / (i + 1), 0);

/**
 * A month of one employee's sightings recorded while offline, in batches of 50 as the extension
 * records them; the same mix as shared/documents/report/size.test.ts: 75 % visits to one of two
 * hosts of a Zipf-popular tool, 20 % API calls to one of 5 API tools from one of 30 sites, 5 % an
 * installed extension.
 */
function aMonthOffline(reporterId: string, clientID: number): Y.Doc {
  const random = seededRandom(7);
  const zipf = () => {
    let x = random.next() * HARMONIC;
    for (let i = 0; i < TOOL_COUNT - 1; i++) if ((x -= 1 / (i + 1)) <= 0) return i;
    return TOOL_COUNT - 1;
  };
  const sightings: Sighting[] = [];
  for (let i = 0; i < SIGHTINGS; i++) {
    const at = START + Math.floor((i / SIGHTINGS) * DAYS * DAY_MS + random.next() * 60_000);
    const r = random.next();
    if (r < 0.75) {
      const { hosts, ...tool } = TOOLS[zipf()]!;
      sightings.push({ ...tool, host: hosts[random.int(2)]!, signal: 'visit', at });
    } else if (r < 0.95) {
      const { hosts, ...tool } = TOOLS[random.int(5)]!;
      const embeddedIn = random.pick(SITES);
      sightings.push({ ...tool, host: hosts[2]!, signal: 'api-call', embeddedIn, at });
    } else {
      const { hosts: _, ...tool } = TOOLS[zipf()]!;
      sightings.push({ ...tool, signal: 'extension', at });
    }
  }
  const doc = new Y.Doc();
  // Fixed, and as large as most random ones, so that every run encodes to the same size.
  doc.clientID = clientID;
  setReportMeta(doc, { reporterId, extensionVersion: '1.0.0', catalogVersion: '2026.11.25' });
  for (let i = 0; i < sightings.length; i += BATCH) {
    recordSightings(doc, sightings.slice(i, i + BATCH));
  }
  return doc;
}

/** Connects a report written offline and times it until the relay has acknowledged all of it. */
async function catchUp(server: BenchServer, reporterId: string, doc: Y.Doc) {
  const name = `acme/reports/${reporterId}`;
  const token = await server.token('acme', 'member', reporterId);
  const start = performance.now();
  const client = connectClient(server.syncUrl, name, token, doc);
  const traffic = countTraffic(client);
  try {
    await acknowledgedNow(client);
    const ms = performance.now() - start;
    const sent = traffic.sent;
    const relayed = server.hocuspocus.documents.get(name);
    if (!relayed || !Y.equalSnapshots(Y.snapshot(relayed), Y.snapshot(doc))) {
      throw new Error(`the relay's ${name} differs from the client's after the catch-up`);
    }
    // Hocuspocus broadcasts every update to all of the document's connections, the sender's too,
    // just after its acknowledgement: wait for that echo so that it is counted, every run alike.
    await sleep(200);
    return { ms, sent, received: traffic.received };
  } finally {
    client.destroy();
    // Let the relay derive discoveries from the new report (300 ms after it settles) before the
    // next run, so that work is not timed as part of another catch-up.
    await sleep(400);
  }
}

/**
 * Catch-up after a month offline: a member's extension recorded 3,000 sightings of 40 tools while
 * it could not reach the relay, then connects. Timed from connecting until the relay has
 * acknowledged everything, against the baseline of connecting an empty report (the handshake and
 * authentication alone). Median of 3 runs after one warm-up, each with a new reporter.
 */
export default {
  name: 'sync-catchup',
  async run() {
    return withRelay({}, async (server) => {
      await catchUp(server, 'warmup', aMonthOffline('warmup', 0x7fff_0000));
      const full: Awaited<ReturnType<typeof catchUp>>[] = [];
      const empty: Awaited<ReturnType<typeof catchUp>>[] = [];
      let documentBytes = 0;
      let tools = 0;
      for (let run = 0; run < RUNS; run++) {
        empty.push(await catchUp(server, `empty-${run}`, new Y.Doc()));
        const doc = aMonthOffline(`member-${run}`, 0x7fff_0001 + run);
        documentBytes = Y.encodeStateAsUpdate(doc).byteLength;
        tools = readReport(doc).tools.length;
        full.push(await catchUp(server, `member-${run}`, doc));
      }
      return {
        sightings: SIGHTINGS,
        tools,
        ms: round2(median(full.map((r) => r.ms))),
        runsMs: full.map((r) => round2(r.ms)),
        documentBytes,
        bytesSent: median(full.map((r) => r.sent)),
        bytesReceived: median(full.map((r) => r.received)),
        targetMs: 1_000,
        baselineMs: round2(median(empty.map((r) => r.ms))),
        baselineBytesSent: median(empty.map((r) => r.sent)),
      };
    });
  },
};
