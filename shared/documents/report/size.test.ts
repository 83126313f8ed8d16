import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CATEGORIES } from '../../catalog/schema.ts';
import { recordSightings } from './record.ts';
import { readReport } from './read.ts';
import type { Sighting } from './schema.ts';
import { seededRandom } from '../../../test/helpers/seeded-random.ts';

/** The same seeded PRNG as the tests' (mulberry32), so every run sees the same data. */
const random = (seed: number) => seededRandom(seed).next;

const START = Date.UTC(2026, 0, 1, 8);
const DAY = 86_400_000;
const TOOL_COUNT = 40;
const SITES = Array.from({ length: 30 }, (_, i) => `intranet-${i}.example.com`);
const TOOLS = Array.from({ length: TOOL_COUNT }, (_, i) => ({
  toolKey: `tool-${i}`,
  name: `Tool number ${i}`,
  category: CATEGORIES[i % CATEGORIES.length]!,
  hosts: [`tool-${i}.ai`, `app.tool-${i}.ai`, `api.tool-${i}.ai`],
}));

/** Zipf popularity: a few tools used daily, most now and then, as people use AI tools. */
const HARMONIC = TOOLS.reduce((sum, _, i) => sum + 1 / (i + 1), 0);
function zipf(rand: () => number): number {
  let x = rand() * HARMONIC;
  for (let i = 0; i < TOOL_COUNT - 1; i++) if ((x -= 1 / (i + 1)) <= 0) return i;
  return TOOL_COUNT - 1;
}
const evenly = (rand: () => number) => Math.floor(rand() * TOOL_COUNT);

/**
 * 3,000 sightings over 30 days, in time order: 75 % visits to one of two hosts, 20 % API calls to
 * one of 5 API tools from one of 30 sites, 5 % an installed extension.
 */
function aMonthOfSightings(pick: (rand: () => number) => number): Sighting[] {
  const rand = random(7);
  const sightings: Sighting[] = [];
  for (let i = 0; i < 3000; i++) {
    const at = START + Math.floor((i / 3000) * 30 * DAY + rand() * 60_000);
    const r = rand();
    if (r < 0.75) {
      const { hosts, ...tool } = TOOLS[pick(rand)]!;
      sightings.push({ ...tool, host: hosts[Math.floor(rand() * 2)]!, signal: 'visit', at });
    } else if (r < 0.95) {
      const { hosts, ...tool } = TOOLS[Math.floor(rand() * 5)]!;
      const embeddedIn = SITES[Math.floor(rand() * SITES.length)]!;
      sightings.push({ ...tool, host: hosts[2]!, signal: 'api-call', embeddedIn, at });
    } else {
      const { hosts: _, ...tool } = TOOLS[pick(rand)]!;
      sightings.push({ ...tool, signal: 'extension', at });
    }
  }
  return sightings;
}

function recordInBatches(sightings: Sighting[]): Y.Doc {
  const doc = new Y.Doc();
  for (let i = 0; i < sightings.length; i += 50) recordSightings(doc, sightings.slice(i, i + 50));
  return doc;
}

function totalCount(doc: Y.Doc): number {
  return readReport(doc).tools.reduce(
    (sum, tool) => sum + [...tool.days.values()].reduce((a, b) => a + b, 0),
    0,
  );
}

describe('report size (v1 encoding, as the sync protocol sends it)', () => {
  it('a month of 3,000 sightings of 40 tools in batches of 50 stays under 60 KB', () => {
    const doc = recordInBatches(aMonthOfSightings(zipf));
    const bytes = Y.encodeStateAsUpdate(doc).byteLength;
    expect(readReport(doc).problems).toEqual([]);
    expect(readReport(doc).tools).toHaveLength(TOOL_COUNT);
    expect(totalCount(doc)).toBe(3000);
    expect(bytes).toBeLessThan(55_000); // measured 48,620 B
  });

  it('the worst case, all 40 tools used evenly every day, stays near 60 KB', () => {
    const doc = recordInBatches(aMonthOfSightings(evenly));
    const bytes = Y.encodeStateAsUpdate(doc).byteLength;
    expect(totalCount(doc)).toBe(3000);
    // Its floor is one day bucket per tool per day (about 22 B each) plus a rewritten count
    // (about 9 B) for each further batch that day.
    expect(bytes).toBeLessThan(66_000); // measured 59,860 B
  });
});
