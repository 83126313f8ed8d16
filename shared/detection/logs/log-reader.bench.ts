import { availableParallelism, loadavg } from 'node:os';
import { logBlock, type SampleFormat } from '../../../test/bench/network-log-samples.ts';
import { builtInCatalog } from '../../catalog/catalog.ts';
import { compileMatcher } from '../matcher.ts';
import { withLikelyAi } from '../with-likely-ai.ts';
import { cachedMatcher } from './cached-matcher.ts';
import { logReader } from './log-reader.ts';

const catalog = compileMatcher(builtInCatalog());
const CHUNK = 64 * 1024;

/**
 * Reads `repeats` copies of a block of lines through the shared reader and the matcher
 * `sightline scan` uses by default (the catalog, then the likely-AI tier, asked once per host),
 * in 64 KB pieces as the CLI's stream and the worker give them. Reports lines per second of wall
 * time and per second of this process's CPU time (one core: the machine is shared, so wall time
 * also measures the neighbours).
 */
function run(format: SampleFormat, repeats: number, { lines = 10_000, distinct = false } = {}) {
  const block = logBlock(format, lines, distinct);
  const matcher = cachedMatcher(withLikelyAi(catalog));
  const pieces: string[] = [];
  for (let i = 0; i < block.length; i += CHUNK) pieces.push(block.slice(i, i + CHUNK));
  let matched = 0;
  const reader = logReader({
    onHost: (host) => {
      if (matcher.matchHostname(host)) matched++;
    },
  });
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let r = 0; r < repeats; r++) for (const piece of pieces) reader.push(piece);
  const summary = reader.finish();
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  if (summary.counts.unreadable > 0 || (summary.format.id === 'hosts') !== (format === 'plain'))
    throw new Error(`the ${format} sample was not read cleanly`);
  return {
    format: summary.format.id,
    lines: summary.counts.lines,
    matched,
    linesPerSec: Math.round(summary.counts.lines / seconds),
    linesPerCpuSec: Math.round(summary.counts.lines / cpuSeconds),
    mbPerSec: Number(((block.length * repeats) / seconds / 2 ** 20).toFixed(1)),
  };
}

/**
 * The reader on one core: a Squid native log and a JSON log (Cloudflare Gateway DNS), each
 * against a plain list of hostnames in the same run (20,000 sites, skewed, 2% AI), and the
 * plain list again with every host new. Targets: ≥ 1,000,000 lines/s plain, ≥ 500,000 Squid.
 */
export default {
  name: 'scan-reader',
  async run() {
    run('plain', 20); // warm-up: the JIT, the matcher's tables
    const plain = run('plain', 200);
    const squid = run('squid', 100);
    const json = run('json', 40);
    const distinct = run('plain', 1, { lines: 100_000, distinct: true });
    return {
      plainLinesPerSec: plain.linesPerSec,
      // Every host new: the likely-AI tier scores each one (no repeats to remember).
      plainDistinctLinesPerCpuSec: distinct.linesPerCpuSec,
      plainLinesPerCpuSec: plain.linesPerCpuSec,
      squidLinesPerSec: squid.linesPerSec,
      squidLinesPerCpuSec: squid.linesPerCpuSec,
      jsonLinesPerSec: json.linesPerSec,
      jsonLinesPerCpuSec: json.linesPerCpuSec,
      squidVsPlain: Number((squid.linesPerCpuSec / plain.linesPerCpuSec).toFixed(2)),
      jsonVsPlain: Number((json.linesPerCpuSec / plain.linesPerCpuSec).toFixed(2)),
      lines: { plain: plain.lines, squid: squid.lines, json: json.lines },
      matched: { plain: plain.matched, squid: squid.matched, json: json.matched },
      loadAverage: Number(loadavg()[0]!.toFixed(1)),
      cores: availableParallelism(),
    };
  },
};
