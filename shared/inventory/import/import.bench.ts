import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import type { Benchmark } from '../../../scripts/bench.ts';
import { builtInCatalog } from '../../catalog/catalog.ts';
import { readRegistry } from '../../documents/registry/index.ts';
import { applyImportPlan, planImport, readSheet, setUpImport } from './index.ts';

const ROWS = 10_000;
const HEADERS = [
  'Tool',
  'Anbieter',
  'Abteilung',
  'Use Case / Description',
  'Status',
  'Approx. # Users',
  'Datenkategorien',
  'Owner',
  'Risk tier',
  'Kommentar',
];
const STATUSES = ['In Betrieb', 'Pilotphase', 'Pre-deployment', 'Under review', 'Retired'];

/** A company register of ROWS rows: a tenth name catalog tools, every other row repeats a tool in another department. */
function register(catalog: readonly { name: string; vendor: string }[]): string {
  const lines = [HEADERS.join(',')];
  for (let i = 0; i < ROWS; i++) {
    const tool =
      i % 10 === 0
        ? catalog[i % catalog.length]!
        : { name: `In-house tool ${Math.floor(i / 2)}`, vendor: 'Acme' };
    const users = i % 7 === 0 ? `~${i}` : String(i);
    lines.push(
      [
        tool.name.replaceAll(',', ' '),
        tool.vendor.replaceAll(',', ' '),
        `Dept ${i % 13}`,
        `Use ${i}`,
        STATUSES[i % STATUSES.length],
        users,
        'Kundendaten; Vertraulich',
        `Person ${i % 50}`,
        'Limited',
        `note ${i}`,
      ].join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

const time = async <T>(work: () => T | Promise<T>) => {
  const start = performance.now();
  const value = await work();
  return { value, ms: Math.round(performance.now() - start) };
};

/**
 * `npm run bench -- inventory-import`: a 10,000-row register read (the baseline: papaparse alone),
 * mapped and planned against the 1,600-tool catalog, written to an empty registry, then planned and
 * written again (every row an update).
 */
const benchmark: Benchmark = {
  name: 'inventory-import',
  async run() {
    const catalog = builtInCatalog();
    const bytes = new TextEncoder().encode(register(catalog));
    const decode = (b: Uint8Array) => new TextDecoder().decode(b);
    const read = await time(() => readSheet(bytes, decode));
    const doc = new Y.Doc();
    const plan = () => {
      const setup = setUpImport(read.value);
      return planImport(setup.table, setup.targets, setup.values, {
        existing: readRegistry(doc).records.values(),
        catalog,
      });
    };
    let n = 0;
    const first = await time(plan);
    const write = await time(() => applyImportPlan(doc, first.value, 'bench', 1, () => `r${++n}`));
    const second = await time(plan);
    const rewrite = await time(() =>
      applyImportPlan(doc, second.value, 'bench', 2, () => `r${++n}`),
    );
    return {
      rows: ROWS,
      records: readRegistry(doc).records.size,
      readCsvMs: read.ms,
      planMs: first.ms,
      writeMs: write.ms,
      planUpdatesMs: second.ms,
      writeUpdatesMs: rewrite.ms,
      planRowsPerSecond: Math.round(ROWS / (first.ms / 1000)),
    };
  },
};
export default benchmark;
