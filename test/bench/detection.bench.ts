import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Benchmark } from '../../scripts/bench.ts';
import type { HeldBackEntry } from '../../scripts/catalog-import/import-catalog.ts';
import { HELD_BACK_PERCENT, HELD_BACK_SEED } from '../../scripts/catalog-import/held-back.ts';
import { builtInCatalog } from '../../shared/catalog/catalog.ts';
import { HIGH_SCORE, LIKELY_SCORE } from '../../shared/catalog/likely-ai/likely-ai.ts';
import { matchInput } from '../../shared/detection/match-input.ts';
import { compileMatcher } from '../../shared/detection/matcher.ts';
import { normaliseHost } from '../../shared/detection/normalise-host.ts';
import { likelyMatch } from '../../shared/detection/with-likely-ai.ts';

const root = join(import.meta.dirname, '..', '..');

/** The likely-AI score of a host the catalog does not know (0 when its name says nothing). */
function likelyScore(host: string): number {
  const normalised = normaliseHost(host);
  return normalised.kind === 'host' ? (likelyMatch(normalised.host, 0)?.likely?.score ?? 0) : 0;
}

const share = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;

/**
 * Detection measured on data the catalog was not built from (docs/catalog.md, "Measuring it"):
 * recall on the held-back 20 % of every public source the import reads, with the catalog alone and
 * with the likely-AI tier behind it, and false positives on popular non-AI hosts
 * (test/fixtures/detection/non-ai-hosts.txt).
 */
const benchmark: Benchmark = {
  name: 'detection',
  async run() {
    const matcher = compileMatcher(builtInCatalog());
    const heldBack = JSON.parse(
      readFileSync(join(root, 'scripts', 'catalog-sources', 'held-back.json'), 'utf8'),
    ) as HeldBackEntry[];
    const bySource: Record<string, { entries: number; catalog: number; withLikely: number }> = {};
    const missed: string[] = [];
    let catalogFound = 0;
    let likelyFound = 0;
    for (const entry of heldBack) {
      const tally = (bySource[entry.source] ??= { entries: 0, catalog: 0, withLikely: 0 });
      tally.entries++;
      if (entry.hosts.some((host) => matchInput(matcher, host))) {
        catalogFound++;
        tally.catalog++;
        tally.withLikely++;
      } else if (entry.hosts.some((host) => likelyScore(host) >= LIKELY_SCORE)) {
        likelyFound++;
        tally.withLikely++;
      } else missed.push(entry.hosts[0]!);
    }
    const negatives = readFileSync(
      join(root, 'test', 'fixtures', 'detection', 'non-ai-hosts.txt'),
      'utf8',
    )
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    const catalogFalse = negatives.filter((host) => matchInput(matcher, host));
    const unmatched = negatives.filter((host) => !matchInput(matcher, host));
    const likelyFalse = unmatched.filter((host) => likelyScore(host) >= LIKELY_SCORE);
    const highFalse = unmatched.filter((host) => likelyScore(host) >= HIGH_SCORE);
    return {
      catalogTools: builtInCatalog().length,
      heldBack: { seed: HELD_BACK_SEED, percent: HELD_BACK_PERCENT, entries: heldBack.length },
      recallCatalog: share(catalogFound, heldBack.length),
      recallWithLikely: share(catalogFound + likelyFound, heldBack.length),
      recallBySource: Object.fromEntries(
        Object.entries(bySource).map(([source, t]) => [
          source,
          {
            entries: t.entries,
            catalog: share(t.catalog, t.entries),
            withLikely: share(t.withLikely, t.entries),
          },
        ]),
      ),
      nonAiHosts: negatives.length,
      falsePositivesCatalog: catalogFalse.length,
      falsePositivesLikely: likelyFalse.length,
      falsePositivesLikelyHigh: highFalse.length,
      falsePositiveHosts: [...catalogFalse, ...likelyFalse],
      missedSample: missed.slice(0, 15),
    };
  },
};

export default benchmark;
