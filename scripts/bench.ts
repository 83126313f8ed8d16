// `npm run bench [-- name …]`: runs every *.bench.ts (or the named ones) and prints one JSON object
// per line. A benchmark always measures a baseline in the same run, because these machines are
// shared and noisy: compare ratios, not absolute numbers.
import { globSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './run-tool.ts';

export interface Benchmark {
  name: string;
  run(): Promise<Record<string, unknown>>;
}

const wanted = new Set(process.argv.slice(2));
const files = globSync('{shared,server,extension,pwa,test}/**/*.bench.ts', { cwd: root }).sort();
const benchmarks: Benchmark[] = [];
for (const file of files) {
  const module = (await import(pathToFileURL(join(root, file)).href)) as { default?: Benchmark };
  if (!module.default) throw new Error(`${relative(root, file)} has no default export`);
  benchmarks.push(module.default);
}
// A name also selects its family: `sync` runs sync-fanout, sync-catchup, …
const selects = (name: string, benchmark: Benchmark) =>
  benchmark.name === name || benchmark.name.startsWith(`${name}-`);
const unknown = [...wanted].filter((name) => !benchmarks.some((b) => selects(name, b)));
if (unknown.length > 0) {
  console.error(
    `unknown benchmark(s): ${unknown.join(', ')}; known: ${benchmarks.map((b) => b.name).join(', ')}`,
  );
  process.exit(2);
}
for (const benchmark of benchmarks) {
  if (wanted.size > 0 && ![...wanted].some((name) => selects(name, benchmark))) continue;
  console.log(JSON.stringify({ name: benchmark.name, ...(await benchmark.run()) }));
}
