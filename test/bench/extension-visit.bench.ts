import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { builtInCatalog, CATALOG_VERSION } from '../../shared/catalog/catalog.ts';
import { compileMatcher } from '../../shared/detection/matcher.ts';
import {
  readReport,
  recordSightings,
  setReportMeta,
  type Sighting,
} from '../../shared/documents/report/index.ts';
import { sightingFromNavigation } from '../../extension/detection/index.ts';
import { seededRandom } from '../helpers/seeded-random.ts';
import { ms, root, serviceWithFakes } from './extension-bench-helpers.ts';
import { median, percentile } from './sync-bench-helpers.ts';
import { withoutBookkeeping } from '../../extension/local-log/index.ts';

const BUDGET_MS = 1;
const VISITS = 5_000;
const WARM_UP_VISITS = 1_000;
/** The timed visits are flushed (untimed) every this many, as the worker's timers would. */
const FLUSH_EVERY = 500;
const VISITS_PER_DAY = 1_000;
const AI_SHARE = 0.2;
/** AI visits to any catalogued host rather than the popular few: a report of a few dozen tools. */
const AI_TAIL_SHARE = 0.03;
const SUBFRAME_SHARE = 0.15;
const FLUSH_PENDING = 500;
const FLUSH_RUNS = 10;
const WARM_STARTS = 20;
const COLD_STARTS = 9;
const DAY_MS = 86_400_000;
const START = Date.UTC(2026, 10, 16, 8);

function hostsFrom(fixture: string): string[] {
  return readFileSync(join(root, 'test', 'fixtures', 'detection', fixture), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

type Random = ReturnType<typeof seededRandom>;
const id = (random: Random, length = 12) =>
  Array.from({ length }, () => random.int(36).toString(36)).join('');

/** The AI tools people use most, by rough popularity, with the paths their pages have. */
const POPULAR_AI: Array<[weight: number, url: (random: Random) => string]> = [
  [40, (r) => `https://chatgpt.com/c/${id(r, 8)}-${id(r, 4)}-${id(r, 12)}`],
  [15, (r) => `https://gemini.google.com/app/${id(r, 16)}`],
  [12, (r) => `https://copilot.microsoft.com/chats/${id(r, 20)}`],
  [10, (r) => `https://claude.ai/chat/${id(r, 8)}-${id(r, 4)}-${id(r, 12)}`],
  [8, (r) => `https://www.perplexity.ai/search/${id(r, 10)}-${id(r, 6)}`],
  [5, (r) => `https://chat.mistral.ai/chat/${id(r, 8)}`],
  [3, (r) => `https://poe.com/${id(r, 6)}`],
];
/** Where a working day mostly goes, with realistic paths and queries. */
const POPULAR_OTHER: Array<[weight: number, url: (random: Random) => string]> = [
  [15, (r) => `https://mail.google.com/mail/u/0/#inbox/${id(r, 16)}`],
  [12, (r) => `https://www.google.com/search?q=${id(r, 8)}+${id(r, 5)}&hl=en`],
  [10, (r) => `https://docs.google.com/document/d/${id(r, 44)}/edit`],
  [10, (r) => `https://github.com/acme/${id(r, 6)}/pull/${r.int(5000)}`],
  [8, (r) => `https://acme.atlassian.net/browse/PROJ-${r.int(9000)}`],
  [8, (r) => `https://app.slack.com/client/T0${id(r, 8)}/C0${id(r, 8)}`],
  [6, (r) => `https://outlook.office.com/mail/inbox/id/${id(r, 40)}`],
  [5, (r) => `https://teams.microsoft.com/l/message/${id(r, 20)}`],
  [5, (r) => `https://www.youtube.com/watch?v=${id(r, 11)}`],
  [4, (r) => `https://stackoverflow.com/questions/${r.int(8e7)}/${id(r, 10)}`],
  [4, (r) => `https://en.wikipedia.org/wiki/${id(r, 9)}`],
  [3, (r) => `https://intranet.acme.example/wiki/${id(r, 8)}?view=full`],
];

function weighted(random: Random, table: Array<[number, (random: Random) => string]>) {
  let x = random.next() * table.reduce((sum, [weight]) => sum + weight, 0);
  for (const [weight, url] of table) if ((x -= weight) <= 0) return url(random);
  return table[0]![1](random);
}

interface Visit {
  url: string;
  frameId: number;
  timeStamp: number;
  ai: boolean;
}

/**
 * Navigations as webNavigation.onCommitted delivers them: 15 % subframes (ads, embeds), and of the
 * top-level visits 20 % to AI tools (mostly the popular few, 3 % any catalogued host) and
 * the rest to ordinary work sites (mostly the popular few, now and then any of ~3,900 hosts).
 */
function visitMix(count: number, firstIndex: number, seed: number): Visit[] {
  const random = seededRandom(seed);
  const aiHosts = hostsFrom('ai-hosts.txt');
  const otherHosts = hostsFrom('non-ai-hosts.txt');
  return Array.from({ length: count }, (_, i) => {
    const n = firstIndex + i;
    const day = Math.floor(n / VISITS_PER_DAY);
    const timeStamp =
      START + day * DAY_MS + ((n % VISITS_PER_DAY) / VISITS_PER_DAY) * 9 * 3_600_000 + 0.25;
    if (random.next() < SUBFRAME_SHARE)
      return {
        url: `https://${random.pick(otherHosts)}/embed/${id(random, 10)}`,
        frameId: 1 + random.int(8),
        timeStamp,
        ai: false,
      };
    if (random.next() < AI_SHARE) {
      const url =
        random.next() < 1 - AI_TAIL_SHARE
          ? weighted(random, POPULAR_AI)
          : `https://${random.pick(aiHosts)}/${id(random, 8)}`;
      return { url, frameId: 0, timeStamp, ai: true };
    }
    const url =
      random.next() < 0.7
        ? weighted(random, POPULAR_OTHER)
        : `https://${random.pick(otherHosts)}/${id(random, 8)}?ref=${id(random, 5)}`;
    return { url, frameId: 0, timeStamp, ai: false };
  });
}

const summary = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1]!,
    mean: samples.reduce((sum, value) => sum + value, 0) / samples.length,
  };
};

/** One wake of the worker in a fresh process: the catalog validated again, nothing warm. */
function coldStart(what: 'service' | 'baseline'): number {
  const child = spawnSync(
    process.execPath,
    [join(import.meta.dirname, 'extension-wake-child.ts'), what],
    { cwd: root, encoding: 'utf8' },
  );
  const value = Number(child.stdout.trim());
  if (child.status !== 0 || !Number.isFinite(value))
    throw new Error(`extension-wake-child.ts ${what} failed: ${child.stderr}`);
  return value;
}

/**
 * Worker time per visit: `BackgroundService.onNavigation` on the in-memory fakes of its unit test,
 * enrolled and with a report already holding a day of browsing, over 5,000 navigations of a
 * realistic mix (flushed every 500, untimed, as the worker's timers would). Baseline: detection
 * alone (`sightingFromNavigation` with the same matcher) on the same navigations. Also the start-up
 * the MV3 worker pays on every wake (catalog validation, matcher compile, loading the enrolment),
 * in fresh processes and warm, against `compileMatcher(builtInCatalog())` alone; and `flush()` of
 * 500 pending sightings against `recordSightings` of the same sightings into a fresh document.
 * The fakes stand in for IndexedDB and the socket, so this is CPU time, not I/O.
 */
export default {
  name: 'extension-visit',
  async run() {
    // Start-up, cold: first, alternating, so both see the same machine.
    const cold = { service: [] as number[], baseline: [] as number[] };
    for (let i = 0; i < COLD_STARTS; i++) {
      cold.service.push(coldStart('service'));
      cold.baseline.push(coldStart('baseline'));
    }
    // Start-up, warm (the catalog already validated in this process).
    const warm = { service: [] as number[], baseline: [] as number[] };
    for (let i = 0; i < WARM_STARTS; i++) {
      let start = performance.now();
      await serviceWithFakes().service.ready();
      warm.service.push(performance.now() - start);
      start = performance.now();
      compileMatcher(builtInCatalog());
      warm.baseline.push(performance.now() - start);
    }

    // Visits.
    const bench = serviceWithFakes(START);
    await bench.service.ready();
    for (const visit of visitMix(WARM_UP_VISITS, 0, 1)) {
      bench.setNow(Math.floor(visit.timeStamp));
      await bench.service.onNavigation(visit);
    }
    await bench.service.flush();
    const visits = visitMix(VISITS, WARM_UP_VISITS, 2);
    const storedBefore = (await bench.log.exportAll()).length;
    const all: number[] = [];
    const ai: number[] = [];
    const other: number[] = [];
    globalThis.gc?.();
    for (let i = 0; i < visits.length; i++) {
      const visit = visits[i]!;
      bench.setNow(Math.floor(visit.timeStamp));
      const start = performance.now();
      await bench.service.onNavigation(visit);
      const took = performance.now() - start;
      all.push(took);
      (visit.ai ? ai : other).push(took);
      if ((i + 1) % FLUSH_EVERY === 0) await bench.service.flush();
    }
    const recorded = (await bench.log.exportAll()).length - storedBefore;
    // Each AI visit reads the report to tell a new tool from a repeat: its size matters.
    const reportTools = readReport(bench.sync.report).tools.length;
    const reads: number[] = [];
    for (let i = 0; i < 50; i++) {
      const start = performance.now();
      readReport(bench.sync.report);
      reads.push(performance.now() - start);
    }
    const matcher = bench.service.matcher();
    const baseline: number[] = [];
    for (const visit of visits) {
      const start = performance.now();
      sightingFromNavigation(visit, matcher);
      baseline.push(performance.now() - start);
    }

    // Flush of 500 pending sightings, each run on a fresh worker.
    const flushes: number[] = [];
    const records: number[] = [];
    const aiOnly = visitMix(FLUSH_PENDING * 8, 0, 3).filter((visit) => visit.ai);
    for (let run = 0; run < FLUSH_RUNS; run++) {
      const fresh = serviceWithFakes(START);
      await fresh.service.ready();
      for (const visit of aiOnly.slice(0, FLUSH_PENDING)) await fresh.service.onNavigation(visit);
      const pending = await fresh.log.pending(FLUSH_PENDING);
      if (pending.length !== FLUSH_PENDING)
        throw new Error(`expected ${FLUSH_PENDING} pending sightings, got ${pending.length}`);
      globalThis.gc?.();
      let start = performance.now();
      await fresh.service.flush();
      flushes.push(performance.now() - start);
      if ((await fresh.log.countPending()) !== 0) throw new Error('flush left sightings pending');
      const doc = new Y.Doc();
      const sightings: Sighting[] = pending.map(withoutBookkeeping);
      globalThis.gc?.();
      start = performance.now();
      setReportMeta(doc, {
        reporterId: 'bench',
        extensionVersion: '1.0.0',
        catalogVersion: CATALOG_VERSION,
      });
      recordSightings(doc, sightings);
      records.push(performance.now() - start);
    }

    const visitTimes = summary(all);
    return {
      visits: VISITS,
      recordedShare: Number((recorded / VISITS).toFixed(3)),
      p50Ms: ms(visitTimes.p50),
      p99Ms: ms(visitTimes.p99),
      budgetMs: BUDGET_MS,
      withinBudget: visitTimes.p99 <= BUDGET_MS,
      maxMs: ms(visitTimes.max),
      meanMs: ms(visitTimes.mean),
      aiP50Ms: ms(summary(ai).p50),
      aiP99Ms: ms(summary(ai).p99),
      otherP50Ms: ms(summary(other).p50),
      otherP99Ms: ms(summary(other).p99),
      baselineP50Ms: ms(summary(baseline).p50),
      baselineP99Ms: ms(summary(baseline).p99),
      reportTools,
      readReportMs: ms(median(reads)),
      startupMs: ms(median(cold.service)),
      startupBaselineMs: ms(median(cold.baseline)),
      warmStartupMs: ms(median(warm.service)),
      warmStartupBaselineMs: ms(median(warm.baseline)),
      flush500Ms: ms(median(flushes)),
      flush500BaselineMs: ms(median(records)),
    };
  },
};
