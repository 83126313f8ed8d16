import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtInCatalog } from '../catalog/catalog.ts';
import type { ToolEntry } from '../catalog/schema.ts';
import { matchInput } from './match-input.ts';
import { compileMatcher } from './matcher.ts';
import { seededRandom } from '../../test/helpers/seeded-random.ts';

/** The same seeded PRNG as the tests' (mulberry32), so every run sees the same data. */
const random = (seed: number) => seededRandom(seed).next;

const SUBDOMAINS = [
  'www',
  'api',
  'cdn',
  'static',
  'app',
  'login',
  'mail',
  'assets',
  'img',
  'eu',
  'us-east-1',
  'auth',
];
const TLDS = ['com', 'net', 'org', 'io', 'de', 'co.uk', 'fr', 'jp', 'cn', 'ai', 'app', 'dev'];

/** Popular non-AI hosts from the detection test set when present, plus generated ones. */
function nonAiHosts(rand: () => number): string[] {
  const fixture = join(
    import.meta.dirname,
    '..',
    '..',
    'test',
    'fixtures',
    'detection',
    'non-ai-hosts.txt',
  );
  const listed = existsSync(fixture)
    ? readFileSync(fixture, 'utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#'))
    : [];
  const generated = Array.from({ length: 20_000 }, () => {
    const length = 4 + Math.floor(rand() * 10);
    let label = '';
    for (let i = 0; i < length; i++) label += String.fromCharCode(97 + Math.floor(rand() * 26));
    return `${label}.${TLDS[Math.floor(rand() * TLDS.length)]}`;
  });
  return [...listed, ...generated];
}

/** 1,000,000 hostnames: 85 % non-AI (a third with a subdomain), 10 % catalogued AI hosts, 5 % their subdomains. */
function makeMix(catalog: readonly ToolEntry[], count: number): string[] {
  const rand = random(42);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  const negatives = nonAiHosts(rand);
  const aiHosts = catalog.flatMap((tool) => [...tool.hosts, ...tool.apiHosts]);
  const mix: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = rand();
    if (r < 0.85)
      mix.push(rand() < 0.33 ? `${pick(SUBDOMAINS)}.${pick(negatives)}` : pick(negatives));
    else if (r < 0.95) mix.push(pick(aiHosts));
    else mix.push(`${pick(SUBDOMAINS)}.${pick(aiHosts)}`);
  }
  // Hostnames from the browser arrive as fresh flat strings; those built here are slices of the
  // fixture file or concatenations, which cost an indirection per character. Flatten them.
  return JSON.parse(JSON.stringify(mix)) as string[];
}

function rate(
  hosts: readonly string[],
  lookup: (host: string) => unknown,
  passes: number,
): { perSec: number; hits: number } {
  let best = Infinity;
  let hits = 0;
  for (let pass = 0; pass < passes; pass++) {
    hits = 0;
    const start = performance.now();
    for (let i = 0; i < hosts.length; i++) if (lookup(hosts[i]!) !== undefined) hits++;
    best = Math.min(best, performance.now() - start);
  }
  return { perSec: Math.round((hosts.length / best) * 1000), hits };
}

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Lookups per second of the compiled matcher over a realistic mix, against the baseline of a linear
 * scan that tests every catalog host with `host === h || host.endsWith('.' + h)` (measured on a
 * sample of the same mix: a full pass would take minutes).
 */
export default {
  name: 'matcher',
  async run() {
    const catalog = builtInCatalog();
    const hosts = makeMix(catalog, 1_000_000);

    gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const compileStart = performance.now();
    const matcher = compileMatcher(catalog);
    const compileMs = performance.now() - compileStart;
    gc?.();
    const heapAfter = process.memoryUsage().heapUsed;

    rate(hosts.slice(0, 100_000), matcher.matchHostname, 1); // warm up
    const compiled = rate(hosts, matcher.matchHostname, 5);

    const catalogHosts = catalog.flatMap((tool) =>
      [...tool.hosts, ...tool.apiHosts].map((h) => ({ h, tool })),
    );
    const linear = (host: string) => {
      for (const entry of catalogHosts)
        if (host === entry.h || host.endsWith('.' + entry.h)) return entry.tool;
      return undefined;
    };
    const sample = hosts.slice(0, 20_000);
    const baseline = rate(sample, linear, 2);

    const urls = hosts
      .slice(0, 200_000)
      .map((host, i) => (i % 2 ? `https://${host.toUpperCase()}:443/path?q=1` : host));
    const normalised = rate(urls, (input) => matchInput(matcher, input), 2);

    return {
      lookupsPerSec: compiled.perSec,
      baselineLookupsPerSec: baseline.perSec,
      ratio: Math.round(compiled.perSec / baseline.perSec),
      catalogTools: matcher.toolCount,
      catalogHosts: matcher.hostCount,
      lookups: hosts.length,
      matchedShare: Number((compiled.hits / hosts.length).toFixed(4)),
      compileMs: Number(compileMs.toFixed(1)),
      memoryBytes: gc ? heapAfter - heapBefore : null,
      normalisedLookupsPerSec: normalised.perSec,
    };
  },
};
