import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { openDatabase } from '../storage/database.ts';
import { SqliteRelayStorage } from '../storage/sqlite-relay-storage.ts';
import { GroupCommitLog } from './group-commit.ts';
import { SqliteDocumentStore } from './sqlite-document-store.ts';
import { StorageHealth } from './storage-health.ts';

/** Small edits like the ones clients send: one map key set per update. */
function makeUpdates(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const map = doc.getMap('records');
  for (let i = 0; i < count; i++) map.set(`tool-${i % 500}`, { seen: i });
  return updates;
}

/** Concurrent senders (connections), each waiting for its acknowledgement before its next update. */
const SENDERS = [1, 50, 200, 1_000];

const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000);

/**
 * The cost of durability (docs/sync.md DR5). `writers` senders — as many connections — each send
 * an update, wait until the relay says it is durable (the group commit's promise, which is what
 * the relay awaits before it acknowledges), apply it, and send the next. Against two baselines in
 * the same run: applying the same updates to an in-memory Y.Doc (what the relay does anyway), and
 * one transaction — one fsync — per update (what the relay did before group commit).
 */
export default {
  name: 'relay-append',
  async run() {
    const count = 50_000;
    const writers = 200;
    const singleCount = 2_000;
    const updates = makeUpdates(count);
    const dir = mkdtempSync(join(tmpdir(), 'sightline-bench-'));
    const db = openDatabase(join(dir, 'bench.sqlite'));
    const store = new SqliteDocumentStore(db);
    const log = new GroupCommitLog(new SqliteRelayStorage(dir, db).documents('main'));
    const health = new StorageHealth(() => log.writeRetained());
    log.attach(health);
    try {
      let start = performance.now();
      const memory = new Y.Doc();
      for (const update of updates) Y.applyUpdate(memory, update);
      const baseline = perSecond(count, performance.now() - start);

      start = performance.now();
      for (let i = 0; i < singleCount; i++) store.append('bench/single', updates[i]!);
      const oneFsyncEach = perSecond(singleCount, performance.now() - start);

      // Durable only: what group commit adds to the relay's work per update, by number of senders.
      const durableBySenders: Record<string, number> = {};
      for (const senders of SENDERS) {
        const total = senders === 1 ? singleCount : count;
        let sent = 0;
        start = performance.now();
        await Promise.all(
          Array.from({ length: senders }, async () => {
            while (sent < total) await log.append(`bench/${senders}`, updates[sent++]!);
          }),
        );
        durableBySenders[senders] = perSecond(total, performance.now() - start);
      }
      const durable = durableBySenders[writers]!;

      // The relay's whole path: durable, then applied.
      const durableDoc = new Y.Doc();
      let next = 0;
      start = performance.now();
      await Promise.all(
        Array.from({ length: writers }, async () => {
          while (next < count) {
            const update = updates[next++]!;
            await log.append('bench/applied', update);
            Y.applyUpdate(durableDoc, update);
          }
        }),
      );
      const appliedMs = performance.now() - start;

      const loadStart = performance.now();
      const loaded = store.load(`bench/${writers}`);
      const loadMs = performance.now() - loadStart;
      return {
        updates: count,
        writers,
        durableUpdatesPerSec: durable,
        baselineUpdatesPerSec: baseline,
        ratio: Number((durable / baseline).toFixed(4)),
        durableBySenders,
        durableAndAppliedPerSec: perSecond(count, appliedMs),
        durableAndAppliedRatio: Number((perSecond(count, appliedMs) / baseline).toFixed(4)),
        oneFsyncPerUpdatePerSec: oneFsyncEach,
        sameContent: JSON.stringify(memory.toJSON()) === JSON.stringify(durableDoc.toJSON()),
        loadMs: Number(loadMs.toFixed(1)),
        loadedUpdates: loaded.length,
        commits: log.commits,
      };
    } finally {
      health.stop();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
