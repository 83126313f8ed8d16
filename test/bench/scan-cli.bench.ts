import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { logBlock, type SampleFormat } from './network-log-samples.ts';

const cli = join(import.meta.dirname, '..', '..', 'server', 'cli.ts');

/** Peak resident memory of a process, sampled from /proc while it runs (Linux). */
function watchPeakRss(pid: number): { stop(): number } {
  let peak = 0;
  const sample = () => {
    try {
      const kb = Number(
        /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0,
      );
      peak = Math.max(peak, kb * 1024);
    } catch {
      // the process has ended
    }
  };
  const timer = setInterval(sample, 25);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

/**
 * Streams `lines` lines of a format into the real `sightline scan -` and measures its speed
 * (from the first byte written to its exit, start-up included) and its peak memory.
 */
async function scanRun(format: SampleFormat, lines: number) {
  const child = spawn(process.execPath, [cli, 'scan', '-', '--format', 'jsonl'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const peak = watchPeakRss(child.pid!);
  let matched = 0;
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    for (const byte of chunk) if (byte === 10) matched++;
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const block = logBlock(format);
  const start = performance.now();
  for (let written = 0; written < lines; written += 10_000) {
    if (!child.stdin.write(block))
      await new Promise((resolve) => child.stdin.once('drain', resolve));
  }
  child.stdin.end();
  const code = await exited;
  if (code !== 0) throw new Error(`sightline scan exited ${code}: ${stderr}`);
  const seconds = (performance.now() - start) / 1000;
  return { linesPerSec: Math.round(lines / seconds), peakRss: peak.stop(), matched };
}

const mb = (bytes: number) => Number((bytes / 2 ** 20).toFixed(1));

/**
 * `sightline scan` end to end (stdin to JSON lines on stdout), one process: a Squid log and a
 * JSON log against plain hostnames in the same run, and memory flat in the input's size — a
 * log ten times larger must not need more (the baseline is a tenth of the lines, same minute).
 */
export default {
  name: 'scan-cli',
  async run() {
    const plain = await scanRun('plain', 2_000_000);
    const squid = await scanRun('squid', 2_000_000);
    const json = await scanRun('json', 500_000);
    const small = await scanRun('squid', 200_000);
    return {
      plainLinesPerSec: plain.linesPerSec,
      squidLinesPerSec: squid.linesPerSec,
      jsonLinesPerSec: json.linesPerSec,
      matched: { plain: plain.matched, squid: squid.matched, json: json.matched },
      squidPeakRssMb: mb(squid.peakRss),
      squidBaselineLines: 200_000,
      squidBaselinePeakRssMb: mb(small.peakRss),
      memoryRatio: Number((squid.peakRss / small.peakRss).toFixed(2)),
    };
  },
};
