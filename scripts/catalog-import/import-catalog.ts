// `npm run catalog:import`: grows the catalog from the public sources committed under
// scripts/catalog-sources/ (never downloading anything), holding back a fixed-seed 20 % of each
// source for `npm run bench -- detection`. Writes shared/catalog/data/imported.json (the tools),
// shared/catalog/imported-provenance.json (where each came from and when) and
// scripts/catalog-sources/held-back.json, and prints what it left out and why.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtInCatalog } from '../../shared/catalog/catalog.ts';
import type { ToolEntry } from '../../shared/catalog/schema.ts';
import { validateCatalog } from '../../shared/catalog/validate-catalog.ts';
import { compileMatcher } from '../../shared/detection/matcher.ts';
import { root } from '../run-tool.ts';
import { isHeldBack } from './held-back.ts';
import { categoryOf, parseMarkdownList, parseV2fly, type SourceEntry } from './parse-sources.ts';
import { graveyardNames, review } from './review.ts';
import { GRAVEYARD_FILE, SNAPSHOTS_TAKEN, SOURCES, type Source } from './sources.ts';

const sourcesDir = join(root, 'scripts', 'catalog-sources');
const importedFile = join(root, 'shared', 'catalog', 'data', 'imported.json');
const provenanceFile = join(root, 'shared', 'catalog', 'imported-provenance.json');
const heldBackFile = join(sourcesDir, 'held-back.json');

export interface Provenance {
  source: string;
  repository: string;
  commit: string;
  /** File and line in the snapshot. */
  ref: string;
  /** The source commit's date. */
  sourceDate: string;
  /** When the snapshot was taken. */
  retrieved: string;
}

export interface HeldBackEntry {
  source: string;
  name: string;
  hosts: string[];
}

function entriesOf(source: Source): SourceEntry[] {
  const read = (file: string) => readFileSync(join(sourcesDir, file), 'utf8');
  return source.files.flatMap((file) =>
    source.kind === 'v2fly'
      ? parseV2fly(read(file), file, (name) => {
          try {
            return read(`v2fly/${name}`);
          } catch {
            return undefined;
          }
        })
      : parseMarkdownList(read(file), file),
  );
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

function cleanName(name: string, host: string): string {
  const cleaned = name.replace(/\s+/g, ' ').trim().slice(0, 100).trim();
  return cleaned === '' ? host : cleaned;
}

export function importCatalog() {
  const previous = new Set(
    (JSON.parse(readFileSync(importedFile, 'utf8')) as ToolEntry[]).map((tool) => tool.id),
  );
  // The hand-curated catalog: everything but what an earlier run imported, so a run is repeatable.
  const curated = builtInCatalog().filter((tool) => !previous.has(tool.id));
  const known = compileMatcher(curated);
  const graveyard = graveyardNames(readFileSync(join(sourcesDir, GRAVEYARD_FILE), 'utf8'));
  const ids = new Set(curated.map((tool) => tool.id));
  const claimed = new Set<string>();
  const tools: ToolEntry[] = [];
  const provenance: Record<string, Provenance> = {};
  const heldBack: HeldBackEntry[] = [];
  const excluded: string[] = [];
  const counts: Record<string, Record<string, number>> = {};

  for (const source of SOURCES) {
    const count = (counts[source.id] = {
      entries: 0,
      heldBack: 0,
      excluded: 0,
      alreadyKnown: 0,
      added: 0,
    });
    for (const entry of entriesOf(source)) {
      count.entries!++;
      const verdict = review(entry, graveyard);
      if (isHeldBack(source.id, entry.key)) {
        // Held back whatever the review says, so that no part of it shapes the catalog; measured
        // only on what the review keeps (a link to github.com is no AI host to find).
        count.heldBack!++;
        if (verdict.keep)
          heldBack.push({ source: source.id, name: entry.name, hosts: verdict.hosts });
        continue;
      }
      if (!verdict.keep) {
        count.excluded!++;
        excluded.push(`${source.id} ${entry.ref} ${entry.name}: ${verdict.why}`);
        continue;
      }
      const hosts = verdict.hosts.filter(
        (host) =>
          known.matchHostname(host) === undefined &&
          ![...claimed].some((c) => host === c || host.endsWith(`.${c}`)),
      );
      if (hosts.length === 0) {
        count.alreadyKnown!++;
        continue;
      }
      const name = cleanName(entry.name, hosts[0]!);
      const base = slug(name) || slug(hosts[0]!);
      let id = base;
      for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
      ids.add(id);
      for (const host of hosts) claimed.add(host);
      tools.push({
        id,
        name,
        vendor: 'Unknown',
        category: source.kind === 'v2fly' ? 'other' : categoryOf(entry.section),
        hosts,
        apiHosts: [],
        extensionIds: [],
        facts: {},
      });
      provenance[id] = {
        source: source.id,
        repository: source.repository,
        commit: source.commit,
        ref: entry.ref,
        sourceDate: source.date,
        retrieved: SNAPSHOTS_TAKEN,
      };
      count.added!++;
    }
  }
  tools.sort((a, b) => (a.id < b.id ? -1 : 1));
  // The whole catalog must still validate: one owner per host, no never-match domain.
  validateCatalog([...curated, ...tools]);
  return { tools, provenance, heldBack, excluded, counts };
}

if (import.meta.main) {
  const result = importCatalog();
  writeFileSync(importedFile, JSON.stringify(result.tools, null, 2) + '\n');
  writeFileSync(provenanceFile, JSON.stringify(result.provenance, null, 2) + '\n');
  writeFileSync(heldBackFile, JSON.stringify(result.heldBack, null, 2) + '\n');
  for (const line of result.excluded) console.log(`left out: ${line}`);
  for (const [source, count] of Object.entries(result.counts))
    console.error(`${source}: ${JSON.stringify(count)}`);
  console.error(
    `imported ${result.tools.length} tools; ${result.heldBack.length} held-back entries kept for the bench`,
  );
}
