import { describe, expect, it } from 'vitest';
import type {
  DigestSubscription,
  NewDigestDelivery,
  NewOutboxItem,
} from '../../../server/storage/alert-storage.ts';
import type { RelayStorage } from '../../../server/storage/relay-storage.ts';
import { openTwice, type StorageLocation } from './storage-location.ts';

const T0 = Date.UTC(2027, 2, 2, 12);

const item = (event: string, webhookId = 'hook-1'): NewOutboxItem => ({
  id: `${webhookId}/${event}`,
  workspace: 'acme',
  webhookId,
  event: JSON.stringify({ id: event, event: 'clock.due' }),
});

/**
 * The alert storage every RelayStorage passes (docs/operations.md HOOK10–HOOK12): two processes'
 * connections to one store, as relays sharing a database are. Run by alert-storage.test.ts.
 */
export function alertStorageContract(kind: string, location: () => Promise<StorageLocation>) {
  describe(`AlertStorage contract: ${kind}`, () => {
    let storage: RelayStorage;
    let other: RelayStorage;
    let place: StorageLocation;
    openTwice(location, (opened) => ({ storage, other, place } = opened));

    it('HOOK10: a key is claimed once, whichever process asks, and stays claimed after reopening', async () => {
      const results = await Promise.all([
        storage.alerts.claim('digest/d1/2027-03-02', T0),
        other.alerts.claim('digest/d1/2027-03-02', T0),
        storage.alerts.claim('digest/d1/2027-03-02', T0),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      const reopened = await place.open();
      try {
        expect(await reopened.alerts.claim('digest/d1/2027-03-02', T0 + 1)).toBe(false);
        expect(await reopened.alerts.claim('digest/d1/2027-03-03', T0 + 1)).toBe(true);
      } finally {
        await reopened.close();
      }
    });

    it('HOOK10 HOOK11: a delivery is queued once, however many processes queue it', async () => {
      const batch = [item('clock.due:a'), item('clock.due:b'), item('clock.due:a', 'hook-2')];
      const [first, second] = await Promise.all([
        storage.alerts.enqueue(batch, T0),
        other.alerts.enqueue(batch, T0),
      ]);
      expect([...first!, ...second!].sort()).toEqual(batch.map((i) => i.id).sort());
      expect(await storage.alerts.enqueue([item('clock.due:b')], T0 + 5)).toEqual([]);
      expect(await other.alerts.pending()).toBe(3);
    });

    it('HOOK11: a due delivery is taken by one process, held, then retried or finished', async () => {
      const taken = await Promise.all([
        storage.alerts.take(T0, 60_000, 10),
        other.alerts.take(T0, 60_000, 10),
      ]);
      const ids = taken.flat().map((i) => i.id);
      expect(ids.sort()).toEqual([
        'hook-1/clock.due:a',
        'hook-1/clock.due:b',
        'hook-2/clock.due:a',
      ]);
      const one = taken.flat().find((i) => i.id === 'hook-1/clock.due:a')!;
      expect(one).toMatchObject({ workspace: 'acme', webhookId: 'hook-1', attempt: 1, nextAt: T0 });
      expect(JSON.parse(one.event)).toEqual({ id: 'clock.due:a', event: 'clock.due' });
      // Held: nobody takes them again until the hold ends.
      expect(await other.alerts.take(T0 + 1_000, 60_000, 10)).toEqual([]);
      await storage.alerts.retryAt('hook-1/clock.due:a', 2, T0 + 10_000);
      await storage.alerts.finish('hook-1/clock.due:b');
      expect(await other.alerts.take(T0 + 5_000, 60_000, 10)).toEqual([]);
      const retried = await other.alerts.take(T0 + 10_000, 60_000, 10);
      expect(retried.map((i) => [i.id, i.attempt])).toEqual([['hook-1/clock.due:a', 2]]);
      // A process killed while holding one: after the hold, another takes it.
      const orphan = await storage.alerts.take(T0 + 60_001, 60_000, 10);
      expect(orphan.map((i) => i.id)).toEqual(['hook-2/clock.due:a']);
      expect(await storage.alerts.pending()).toBe(2);
    });

    it('HOOK11: the outbox survives reopening the store', async () => {
      const reopened = await place.open();
      try {
        const due = await reopened.alerts.take(T0 + 10 * 60_000, 60_000, 10);
        expect(due.map((i) => i.id).sort()).toEqual(['hook-1/clock.due:a', 'hook-2/clock.due:a']);
        for (const entry of due) await reopened.alerts.finish(entry.id);
        expect(await reopened.alerts.pending()).toBe(0);
      } finally {
        await reopened.close();
      }
    });

    const subscription = (id: string, workspace = 'acme'): DigestSubscription => ({
      id,
      workspace,
      address: `${id}@example.com`,
      every: 'daily',
      createdAt: T0,
      createdBy: 'sightline digest',
    });
    const period = (subscriptionId: string, periodKey = '2027-03-01'): NewDigestDelivery => ({
      subscriptionId,
      workspace: 'acme',
      periodKey,
      periodStart: Date.UTC(2027, 2, 1),
      periodEnd: Date.UTC(2027, 2, 2),
    });

    it('DIG5: digest subscriptions are added, listed by workspace from another process, removed', async () => {
      await storage.alerts.addDigest(subscription('d1'));
      await storage.alerts.addDigest(subscription('d2'));
      await storage.alerts.addDigest(subscription('d3', 'other'));
      expect((await other.alerts.digests('acme')).map((d) => d.id)).toEqual(['d1', 'd2']);
      expect(await other.alerts.digests('acme')).toContainEqual(subscription('d1'));
      expect((await other.alerts.digests()).map((d) => d.id)).toEqual(['d1', 'd2', 'd3']);
      expect(await other.alerts.removeDigest('other', 'd1')).toBe(false);
      expect(await other.alerts.removeDigest('acme', 'd2')).toBe(true);
      expect(await storage.alerts.removeDigest('acme', 'd2')).toBe(false);
      expect((await storage.alerts.digests('acme')).map((d) => d.id)).toEqual(['d1']);
    });

    it('DIG6: a digest is queued once per period, whichever process asks', async () => {
      const results = await Promise.all([
        storage.alerts.queueDigest(period('d1'), T0),
        other.alerts.queueDigest(period('d1'), T0),
        storage.alerts.queueDigest(period('d1'), T0),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await other.alerts.queueDigest(period('d1', '2027-03-02'), T0)).toBe(true);
      const reopened = await place.open();
      try {
        expect(await reopened.alerts.queueDigest(period('d1'), T0 + 1)).toBe(false);
      } finally {
        await reopened.close();
      }
    });

    it('DIG6 DIG7: a queued digest is taken by one process, held, retried, then logged as settled', async () => {
      const taken = await Promise.all([
        storage.alerts.takeDigests(T0, 60_000, 10),
        other.alerts.takeDigests(T0, 60_000, 10),
      ]);
      expect(
        taken
          .flat()
          .map((d) => d.periodKey)
          .sort(),
      ).toEqual(['2027-03-01', '2027-03-02']);
      expect(taken.flat().find((d) => d.periodKey === '2027-03-01')).toMatchObject({
        ...period('d1'),
        status: 'queued',
        attempt: 0,
        nextAt: T0,
      });
      // Held: nobody takes them until the hold ends or they are settled.
      expect(await other.alerts.takeDigests(T0 + 1_000, 60_000, 10)).toEqual([]);
      await storage.alerts.settleDigest('d1', '2027-03-01', {
        status: 'queued',
        attempt: 1,
        nextAt: T0 + 10_000,
        at: T0 + 2,
        error: '451 try later',
      });
      expect(await other.alerts.takeDigests(T0 + 5_000, 60_000, 10)).toEqual([]);
      const retried = await other.alerts.takeDigests(T0 + 10_000, 60_000, 10);
      expect(retried.map((d) => [d.periodKey, d.attempt, d.error])).toEqual([
        ['2027-03-01', 1, '451 try later'],
      ]);
      await other.alerts.settleDigest('d1', '2027-03-01', {
        status: 'sent',
        attempt: 2,
        nextAt: T0 + 10_000,
        at: T0 + 10_001,
      });
      // A process killed while holding one: after the hold, another takes it.
      const orphan = await storage.alerts.takeDigests(T0 + 60_001, 60_000, 10);
      expect(orphan.map((d) => d.periodKey)).toEqual(['2027-03-02']);
      await storage.alerts.settleDigest('d1', '2027-03-02', {
        status: 'empty',
        attempt: 0,
        nextAt: T0,
        at: T0 + 60_002,
      });
      expect(await storage.alerts.takeDigests(T0 + 10 * 60_000, 60_000, 10)).toEqual([]);
      const log = await other.alerts.digestLog('acme', 10);
      expect(log.map((d) => [d.periodKey, d.status, d.attempt, d.updatedAt, d.error])).toEqual([
        ['2027-03-02', 'empty', 0, T0 + 60_002, undefined],
        ['2027-03-01', 'sent', 2, T0 + 10_001, undefined],
      ]);
      expect(await other.alerts.digestLog('other', 10)).toEqual([]);
    });

    it('DIG2: a digest starts where the last one sent or empty ended; one still queued is pending', async () => {
      const day = (n: number) => Date.UTC(2027, 2, n);
      const row = (n: number): NewDigestDelivery => ({
        subscriptionId: 'c1',
        workspace: 'acme',
        periodKey: `2027-03-0${n}`,
        periodStart: day(n),
        periodEnd: day(n + 1),
      });
      expect(await storage.alerts.digestCoverage('c1', day(5))).toEqual({ pending: 0 });
      for (const n of [1, 2, 3, 4]) await storage.alerts.queueDigest(row(n), T0);
      // The digest for 4 March looks at the three before it, all still queued.
      expect(await other.alerts.digestCoverage('c1', day(5))).toEqual({ pending: 3 });
      const settle = (n: number, status: 'sent' | 'empty' | 'failed') =>
        storage.alerts.settleDigest('c1', row(n).periodKey, {
          status,
          attempt: 1,
          nextAt: T0,
          at: T0 + n,
        });
      await settle(1, 'sent');
      await settle(2, 'empty');
      expect(await other.alerts.digestCoverage('c1', day(5))).toEqual({
        pending: 1,
        coveredUntil: day(3),
      });
      // One that failed for good covers nothing: the next starts where the last told ended.
      await settle(3, 'failed');
      expect(await other.alerts.digestCoverage('c1', day(5))).toEqual({
        pending: 0,
        coveredUntil: day(3),
      });
      expect(await other.alerts.digestCoverage('c1', day(3))).toEqual({
        pending: 0,
        coveredUntil: day(2),
      });
      expect(await other.alerts.digestCoverage('c2', day(5))).toEqual({ pending: 0 });
    });
  });
}
