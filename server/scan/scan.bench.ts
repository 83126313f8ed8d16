import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const cli = join(import.meta.dirname, '..', 'cli.ts');
const HOSTS = [
  'www.example.com',
  'chatgpt.com',
  'mail.google.com',
  'https://claude.ai/chat/1?q=x',
  'cdn.jsdelivr.net',
  'api.openai.com:443',
  'intranet.acme.local',
  'github.com',
];

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

/** Streams `lines` log lines into `sightline scan -` and measures its speed and peak memory. */
async function scanRun(
  lines: number,
): Promise<{ seconds: number; peakRss: number; matched: number }> {
  const child = spawn(process.execPath, [cli, 'scan', '-', '--format', 'jsonl'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const peak = watchPeakRss(child.pid!);
  let matched = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    for (const byte of chunk) if (byte === 10) matched++;
  });
  const start = performance.now();
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const block = Array.from({ length: 10_000 }, (_, i) => HOSTS[i % HOSTS.length]).join('\n') + '\n';
  for (let written = 0; written < lines; written += 10_000) {
    if (!child.stdin.write(block))
      await new Promise((resolve) => child.stdin.once('drain', resolve));
  }
  child.stdin.end();
  await exited;
  return { seconds: (performance.now() - start) / 1000, peakRss: peak.stop(), matched };
}

/**
 * `sightline scan` streams: a log ten times larger must not need more memory. The baseline is a
 * run over a tenth of the lines, in the same process tree and the same minute.
 */
export default {
  name: 'scan',
  async run() {
    const small = await scanRun(200_000);
    const large = await scanRun(2_000_000);
    return {
      lines: 2_000_000,
      linesPerSec: Math.round(2_000_000 / large.seconds),
      matched: large.matched,
      peakRssMb: Number((large.peakRss / 2 ** 20).toFixed(1)),
      baselineLines: 200_000,
      baselinePeakRssMb: Number((small.peakRss / 2 ** 20).toFixed(1)),
      memoryRatio: Number((large.peakRss / small.peakRss).toFixed(2)),
    };
  },
};
