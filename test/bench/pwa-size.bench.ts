import { globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildPwa } from '../../scripts/ensure-built.ts';
import { root } from '../../scripts/run-tool.ts';

/** The budget (issue 6, "Benchmarks"): first-load JavaScript, gzipped. */
const BUDGET_BYTES = 250_000;
const dist = join(root, 'dist', 'pwa');

const gzipped = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;

/** The scripts index.html loads before the app can run: its module entry and its modulepreloads. */
export function firstLoadScripts(html: string): string[] {
  const sources = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="\/?([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/?([^"]+)"/g),
  ].map((match) => match[1]!);
  return [...new Set(sources)].sort();
}

/**
 * The PWA's first-load JavaScript (gzip -9), against every script in the build: what the lazily
 * loaded routes (the dashboard's charts, …) keep out of the first load.
 */
export default {
  name: 'pwa-size',
  async run(): Promise<Record<string, unknown>> {
    // From the current source, in production mode: a stale or development build is not measured.
    buildPwa();
    const first = firstLoadScripts(readFileSync(join(dist, 'index.html'), 'utf8'));
    const all = globSync('assets/**/*.js', { cwd: dist }).sort();
    const firstBytes = first.reduce((sum, file) => sum + gzipped(file), 0);
    const allBytes = all.reduce((sum, file) => sum + gzipped(file), 0);
    return {
      firstLoadGzipBytes: firstBytes,
      firstLoadFiles: first.length,
      allScriptsGzipBytes: allBytes,
      allScriptFiles: all.length,
      firstLoadShare: Math.round((firstBytes / allBytes) * 1000) / 1000,
      budgetBytes: BUDGET_BYTES,
      withinBudget: firstBytes <= BUDGET_BYTES,
    };
  },
};
