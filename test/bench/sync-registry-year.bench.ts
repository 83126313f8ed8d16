import * as Y from 'yjs';
import { CATEGORIES } from '../../shared/catalog/schema.ts';
import {
  LIFECYCLES,
  createRecord,
  readRegistry,
  updateRecord,
  type RecordPatch,
} from '../../shared/documents/registry/index.ts';
import { DATA_CATEGORIES } from '../../shared/documents/schema/values.ts';
import { seededRandom } from '../helpers/seeded-random.ts';
import { round2 } from './sync-bench-helpers.ts';

const LEADS = 5;
const RECORDS = 2_000;
const DAYS = 365;
const EDITS_PER_DAY = 30;
const LOAD_RUNS = 3;
const DAY_MS = 86_400_000;
const START = Date.UTC(2026, 0, 5, 9);
const REMOTE = 'remote-lead';

const VENDORS = ['OpenAI', 'Anthropic', 'Google', 'Microsoft', 'Mistral', 'Acme AI', 'DeepL'];
const DEPARTMENTS = ['Sales', 'Support', 'Legal', 'Finance', 'HR', 'Engineering', 'Marketing'];
const OWNERS = Array.from({ length: 40 }, (_, i) => `Owner ${i} (Team ${i % 9})`);

type Random = ReturnType<typeof seededRandom>;

const someOf = <T>(random: Random, items: readonly T[], max: number): T[] => [
  ...new Set(Array.from({ length: 1 + random.int(max) }, () => random.pick(items))),
];

const purpose = (random: Random, id: number) =>
  `Used by ${random.pick(DEPARTMENTS)} to ${random.pick([
    'draft customer emails',
    'summarise meeting notes',
    'review contracts for risky clauses',
    'answer internal IT questions',
    'generate marketing images',
  ])}; reviewed ${random.int(12) + 1} times (record ${id}).`;

/** One lead's everyday change to a record: a field or two, as an inventory is kept up to date. */
function aPatch(random: Random, id: number): RecordPatch {
  switch (random.int(7)) {
    case 0:
      return { purpose: purpose(random, id) };
    case 1:
      return { owner: random.pick(OWNERS) };
    case 2:
      return { lifecycle: random.pick(LIFECYCLES) };
    case 3:
      return { userCount: random.int(2_000) };
    case 4:
      return { departments: someOf(random, DEPARTMENTS, 3) };
    case 5:
      return { dataCategories: someOf(random, DATA_CATEGORIES, 2) };
    default:
      return { vendor: random.pick(VENDORS), model: `model-${random.int(30)}` };
  }
}

/**
 * Five leads' replicas that exchange what they wrote once a day, as leads who are online at
 * different times do: edits of the same day are concurrent, and Yjs merges them.
 */
function fiveLeads() {
  const docs = Array.from({ length: LEADS }, (_, i) => {
    const doc = new Y.Doc();
    doc.clientID = 0x7fff_0000 + i; // fixed, and as long to encode as most random ones
    return doc;
  });
  const outboxes = docs.map((doc) => {
    const outbox: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE) outbox.push(update);
    });
    return outbox;
  });
  return {
    docs,
    exchange() {
      for (const [i, outbox] of outboxes.entries()) {
        if (outbox.length === 0) continue;
        const update = Y.mergeUpdates(outbox.splice(0));
        for (const [j, doc] of docs.entries()) if (j !== i) Y.applyUpdate(doc, update, REMOTE);
      }
    },
  };
}

/** Best of LOAD_RUNS: apply the stored update to a fresh Y.Doc, then read the registry from it. */
function loadTime(update: Uint8Array) {
  const best = { loadMs: Infinity, applyMs: Infinity, readMs: Infinity };
  for (let run = 0; run < LOAD_RUNS; run++) {
    globalThis.gc?.(); // so that collecting the earlier garbage is not timed as loading
    const start = performance.now();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, update);
    const applied = performance.now();
    const registry = readRegistry(doc);
    const read = performance.now();
    best.loadMs = Math.min(best.loadMs, read - start);
    best.applyMs = Math.min(best.applyMs, applied - start);
    best.readMs = Math.min(best.readMs, read - applied);
    if (registry.records.size !== RECORDS || registry.problems.length > 0) {
      throw new Error(`the registry read back wrong: ${registry.problems.slice(0, 3).join('; ')}`);
    }
    doc.destroy();
  }
  return {
    loadMs: round2(best.loadMs),
    applyMs: round2(best.applyMs),
    readMs: round2(best.readMs),
  };
}

/**
 * A year of a registry: 5 leads create 2,000 records, then make 30 edits a day between them for
 * 365 days. Reports the v1 encoding (what the relay stores and sends a new client) and the time to
 * load it, against the baseline of the same 2,000 records on their first day (no history yet).
 */
export default {
  name: 'sync-registry-year',
  async run() {
    const random = seededRandom(2026);
    const { docs, exchange } = fiveLeads();
    for (let id = 0; id < RECORDS; id++) {
      const lead = id % LEADS;
      createRecord(
        docs[lead]!,
        `rec-${id}`,
        {
          name: `AI system ${id}`,
          vendor: random.pick(VENDORS),
          category: random.pick(CATEGORIES),
          purpose: purpose(random, id),
          owner: random.pick(OWNERS),
          lifecycle: random.pick(LIFECYCLES),
          departments: someOf(random, DEPARTMENTS, 3),
          userCount: random.int(2_000),
          dataCategories: someOf(random, DATA_CATEGORIES, 2),
          toolKeys: [`tool-${id}`],
        },
        `lead-${lead}`,
        START + id * 1_000,
      );
    }
    exchange();
    const firstDay = Y.encodeStateAsUpdate(docs[0]!);
    const baseline = loadTime(firstDay);

    for (let day = 1; day <= DAYS; day++) {
      for (let edit = 0; edit < EDITS_PER_DAY; edit++) {
        const lead = random.int(LEADS);
        const id = random.int(RECORDS);
        const at = START + day * DAY_MS + edit * 60_000;
        updateRecord(docs[lead]!, `rec-${id}`, aPatch(random, id), `lead-${lead}`, at);
      }
      exchange();
    }

    const update = Y.encodeStateAsUpdate(docs[0]!);
    for (const doc of docs.slice(1)) {
      if (!Y.equalSnapshots(Y.snapshot(doc), Y.snapshot(docs[0]!))) {
        throw new Error('the five leads did not converge');
      }
    }
    const load = loadTime(update);
    const v2Bytes = Y.encodeStateAsUpdateV2(docs[0]!).byteLength;
    for (const doc of docs) doc.destroy();
    return {
      leads: LEADS,
      records: RECORDS,
      days: DAYS,
      edits: DAYS * EDITS_PER_DAY,
      bytes: update.byteLength,
      v2Bytes,
      targetBytes: 5_000_000,
      loadMs: load.loadMs,
      applyMs: load.applyMs,
      readMs: load.readMs,
      targetLoadMs: 200,
      baselineBytes: firstDay.byteLength,
      baselineLoadMs: baseline.loadMs,
      baselineApplyMs: baseline.applyMs,
      baselineReadMs: baseline.readMs,
    };
  },
};
