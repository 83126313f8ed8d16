import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type {
  IdempotencyClaim,
  IdempotencyCompletion,
} from '../../../server/storage/idempotency-storage.ts';
import type { RelayStorage } from '../../../server/storage/relay-storage.ts';
import { openTwice, type StorageLocation } from './storage-location.ts';

const T0 = Date.parse('2026-12-07T08:00:00Z');
const HOUR = 3_600_000;

function update(key: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('records').set(key, 1);
  return Y.encodeStateAsUpdate(doc);
}

function claim(over: Partial<IdempotencyClaim> = {}): IdempotencyClaim {
  return {
    scope: 'acme/tok-1',
    key: 'k-1',
    fingerprint: 'f-1',
    owner: 'relay-a',
    now: T0,
    expiredBefore: T0 - 24 * HOUR,
    staleBefore: T0 - HOUR / 6,
    ...over,
  };
}

function done(over: Partial<IdempotencyCompletion> = {}): IdempotencyCompletion {
  return {
    scope: 'acme/tok-1',
    key: 'k-1',
    fingerprint: 'f-1',
    owner: 'relay-a',
    createdAt: T0,
    response: '{"added":1,"alerts":[]}',
    ...over,
  };
}

/**
 * docs/sync.md MON7 on every RelayStorage: keys claimed once across processes, marked done only in
 * the transaction of the batch's updates. Run against SQLite and Postgres by relay-storage.test.ts.
 */
export function idempotencyContract(kind: string, location: () => Promise<StorageLocation>) {
  describe(`Idempotency keys (MON7): ${kind}`, () => {
    let storage: RelayStorage;
    let other: RelayStorage;
    openTwice(location, (opened) => ({ storage, other } = opened));

    it('a key is claimed once: a second process finds it pending, then done with the first answer', async () => {
      const scope = 'acme/claim-once';
      expect(await storage.idempotency.claim(claim({ scope }))).toEqual({
        state: 'claimed',
        createdAt: T0,
      });
      expect(await other.idempotency.claim(claim({ scope, owner: 'relay-b' }))).toEqual({
        state: 'pending',
        fingerprint: 'f-1',
      });
      await storage
        .documents('a')
        .appendMany([{ document: 'acme/m1', update: update('x') }], [done({ scope })]);
      expect(await other.idempotency.claim(claim({ scope, owner: 'relay-b' }))).toEqual({
        state: 'done',
        fingerprint: 'f-1',
        response: '{"added":1,"alerts":[]}',
      });
    });

    it('concurrent claims of one key from two processes: exactly one wins', async () => {
      const scope = 'acme/race';
      const outcomes = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          (i % 2 ? other : storage).idempotency.claim(claim({ scope, owner: `relay-${i}` })),
        ),
      );
      expect(outcomes.filter((o) => o.state === 'claimed')).toHaveLength(1);
    });

    it('a completion that cannot be written takes its batch with it (one transaction)', async () => {
      const log = storage.documents('a');
      const bad = done({ scope: null as unknown as string }); // NOT NULL: the write fails
      await expect(
        log.appendMany([{ document: 'acme/atomic', update: update('lost') }], [bad]),
      ).rejects.toThrow();
      expect(await log.load('acme/atomic')).toEqual([]);
    });

    it('a stale pending claim is taken over; an expired key is claimed afresh; release and purge', async () => {
      const scope = 'acme/stale';
      await storage.idempotency.claim(claim({ scope }));
      const later = T0 + HOUR;
      expect(
        await other.idempotency.claim(
          claim({ scope, owner: 'relay-b', now: later, staleBefore: later - HOUR / 6 }),
        ),
      ).toEqual({ state: 'claimed', createdAt: T0 });
      expect((await storage.idempotency.get(scope, 'k-1'))?.owner).toBe('relay-b');
      await storage.idempotency.release(scope, 'k-1', 'relay-a'); // not its claim any more
      expect(await storage.idempotency.get(scope, 'k-1')).toBeDefined();
      await storage.idempotency.release(scope, 'k-1', 'relay-b');
      expect(await storage.idempotency.get(scope, 'k-1')).toBeUndefined();

      await storage.documents('a').appendMany([], [done({ scope: 'acme/old' })]);
      const dayLater = T0 + 25 * HOUR;
      expect(
        await other.idempotency.claim(
          claim({
            scope: 'acme/old',
            fingerprint: 'f-2',
            now: dayLater,
            expiredBefore: dayLater - 24 * HOUR,
          }),
        ),
      ).toEqual({ state: 'claimed', createdAt: dayLater });
      await storage.documents('a').appendMany([], [done({ scope: 'acme/purged' })]);
      expect(await storage.idempotency.purge(T0 + 1)).toBeGreaterThanOrEqual(1);
      expect(await storage.idempotency.get('acme/purged', 'k-1')).toBeUndefined();
    });
  });
}
