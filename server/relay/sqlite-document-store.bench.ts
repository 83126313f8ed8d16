import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { openDatabase } from '../storage/database.ts';
import { SqliteDocumentStore } from './sqlite-document-store.ts';

/** Small edits like the ones clients send: one map key set per update. */
function makeUpdates(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const map = doc.getMap('records');
  for (let i = 0; i < count; i++) map.set(`tool-${i % 500}`, { seen: i });
  return updates;
}

function perSecond(count: number, work: () => void): number {
  const start = performance.now();
  work();
  return Math.round((count / (performance.now() - start)) * 1000);
}

/**
 * The cost of durability: appending each update to SQLite (WAL, synchronous=FULL) before it is
 * acknowledged, against the baseline of applying the same updates to an in-memory Y.Doc, which the
 * relay does anyway.
 */
export default {
  name: 'relay-append',
  async run() {
    const count = 5_000;
    const updates = makeUpdates(count);
    const dir = mkdtempSync(join(tmpdir(), 'sightline-bench-'));
    const db = openDatabase(join(dir, 'bench.sqlite'));
    const store = new SqliteDocumentStore(db);
    try {
      const baseline = perSecond(count, () => {
        const doc = new Y.Doc();
        for (const update of updates) Y.applyUpdate(doc, update);
      });
      const durable = perSecond(count, () => {
        const doc = new Y.Doc();
        doc.on('update', (update: Uint8Array) => store.append('bench/registry', update));
        for (const update of updates) Y.applyUpdate(doc, update);
      });
      const loadStart = performance.now();
      const loaded = store.load('bench/registry');
      const loadMs = performance.now() - loadStart;
      return {
        updates: count,
        updatesPerSec: durable,
        baselineUpdatesPerSec: baseline,
        ratio: Number((durable / baseline).toFixed(4)),
        loadMs: Number(loadMs.toFixed(1)),
        loadedUpdates: loaded.length,
      };
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
