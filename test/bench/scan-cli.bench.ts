import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { logBlock, type SampleFormat } from './network-log-samples.ts';

const cli = join(import.meta.dirname, '..', '..', 'server', 'cli.ts');

/** Clock ticks per second in /proc/PID/stat (USER_HZ: 100 on Linux). */
const TICKS = 100;

/**
 * Peak resident memory and CPU time of a process, sampled from /proc while it runs (Linux):
 * the CPU time is the last sample's, within 25 ms of the end.
 */
function watchProcess(pid: number): { stop(): { peakRss: number; cpuSeconds: number } } {
  let peak = 0;
  let cpuSeconds = 0;
  const sample = () => {
    try {
      const kb = Number(
        /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0,
      );
      peak = Math.max(peak, kb * 1024);
      // Fields 14 and 15 (utime, stime), counted after the command name in parentheses.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpuSeconds = (Number(fields[11]) + Number(fields[12])) / TICKS;
    } catch {
      // the process has ended
    }
  };
  const timer = setInterval(sample, 25);
  return {
    stop() {
      clearInterval(timer);
      return { peakRss: peak, cpuSeconds };
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
  const watch = watchProcess(child.pid!);
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
  const { peakRss, cpuSeconds } = watch.stop();
  return {
    linesPerSec: Math.round(lines / seconds),
    linesPerCpuSec: Math.round(lines / cpuSeconds),
    peakRss,
    matched,
  };
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
      plainLinesPerCpuSec: plain.linesPerCpuSec,
      squidLinesPerSec: squid.linesPerSec,
      squidLinesPerCpuSec: squid.linesPerCpuSec,
      jsonLinesPerSec: json.linesPerSec,
      jsonLinesPerCpuSec: json.linesPerCpuSec,
      matched: { plain: plain.matched, squid: squid.matched, json: json.matched },
      squidPeakRssMb: mb(squid.peakRss),
      squidBaselineLines: 200_000,
      squidBaselinePeakRssMb: mb(small.peakRss),
      memoryRatio: Number((squid.peakRss / small.peakRss).toFixed(2)),
      loadAverage: Number(loadavg()[0]!.toFixed(1)),
    };
  },
};
