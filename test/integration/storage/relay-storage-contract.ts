import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ReporterToolSummary } from '../../../shared/documents/report/index.ts';
import { DEFAULT_RETENTION } from '../../../server/history/checkpoint-store.ts';
import type { ReporterClient } from '../../../server/relay/discoveries/reporter-clients.ts';
import type { RelayStorage } from '../../../server/storage/relay-storage.ts';
import { openTwice, type StorageLocation } from './storage-location.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Where a store lives: each `open` is one more process's connection to the same place. */
export type { StorageLocation } from './storage-location.ts';

/** An update that sets `key` in the map `records` of a fresh client. */
function update(key: string, value: unknown): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('records').set(key, value);
  return Y.encodeStateAsUpdate(doc);
}

function rebuild(stored: Uint8Array[]): Record<string, unknown> {
  const doc = new Y.Doc();
  for (const entry of stored) Y.applyUpdate(doc, entry);
  return doc.getMap('records').toJSON();
}

function summary(toolKey: string, lastSeen: number): ReporterToolSummary {
  return {
    toolKey,
    name: toolKey,
    category: 'chat-assistant',
    firstSeen: lastSeen - DAY,
    lastSeen,
    signals: ['visit'],
    hosts: [`${toolKey}.example`],
    embeddedIn: [],
    flagCount: 0,
    purposes: [],
    dataCategories: [],
  };
}

/**
 * The contract every RelayStorage passes (docs/sync.md PG1–PG4 and the rules each case cites):
 * run against SQLite and Postgres by relay-storage.test.ts.
 */
export function relayStorageContract(kind: string, location: () => Promise<StorageLocation>) {
  describe(`RelayStorage contract: ${kind}`, () => {
    let storage: RelayStorage;
    let other: RelayStorage;
    let place: StorageLocation;
    openTwice(location, (opened) => ({ storage, other, place } = opened));

    it('S1, S3: appended updates come back after the snapshot, in order, and rebuild the document', async () => {
      const log = storage.documents('a');
      const seqs = await log.appendMany([
        { document: 'acme/policy', update: update('one', 1) },
        { document: 'acme/registry', update: update('x', 0) },
        { document: 'acme/policy', update: update('two', 2) },
      ]);
      expect(seqs).toHaveLength(3);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      expect(new Set(seqs).size).toBe(3);
      expect(await log.appendMany([])).toEqual([]);
      expect(rebuild(await log.load('acme/policy'))).toEqual({ one: 1, two: 2 });
      expect(await log.load('acme/nothing')).toEqual([]);
      expect(await log.pendingUpdates('acme/policy')).toBe(2);
      expect(await log.names()).toEqual(expect.arrayContaining(['acme/policy', 'acme/registry']));
    });

    it('R1, PG1: another process sharing the store reads what one appended, at once', async () => {
      await storage
        .documents('a')
        .appendMany([{ document: 'acme/shared', update: update('k', 'v') }]);
      expect(rebuild(await other.documents('b').load('acme/shared'))).toEqual({ k: 'v' });
    });

    it('S2: compaction folds only its own entries up to a mark, merged with the snapshot', async () => {
      const mine = storage.documents('mine');
      const theirs = other.documents('theirs');
      const [first] = await mine.appendMany([{ document: 'acme/c', update: update('a', 1) }]);
      await theirs.appendMany([{ document: 'acme/c', update: update('b', 2) }]);
      const [later] = await mine.appendMany([{ document: 'acme/c', update: update('c', 3) }]);
      // "mine" holds a and b in memory; c arrived after the state it compacts.
      const held = new Y.Doc();
      for (const entry of (await mine.load('acme/c')).slice(0, 2)) Y.applyUpdate(held, entry);
      await mine.compact('acme/c', Y.encodeStateAsUpdate(held), first!);
      expect(await mine.pendingUpdates('acme/c')).toBe(2); // theirs, and mine after the mark
      expect(rebuild(await mine.load('acme/c'))).toEqual({ a: 1, b: 2, c: 3 });
      // The other process compacts its own: the snapshot keeps what the first one folded.
      const all = new Y.Doc();
      for (const entry of await theirs.load('acme/c')) Y.applyUpdate(all, entry);
      await theirs.compact('acme/c', Y.encodeStateAsUpdate(all), Number.MAX_SAFE_INTEGER);
      await mine.compact('acme/c', Y.encodeStateAsUpdate(all), later!);
      expect(await mine.pendingUpdates('acme/c')).toBe(0);
      expect(rebuild(await theirs.load('acme/c'))).toEqual({ a: 1, b: 2, c: 3 });
    });

    it('DR3: the probe is a write that succeeds while storage works', async () => {
      await expect(storage.documents('a').probe()).resolves.toBeUndefined();
    });

    it('T1: one signing secret, the same for every process and after reopening', async () => {
      const secret = await storage.signingSecret();
      expect(secret.byteLength).toBeGreaterThanOrEqual(32);
      expect(await other.signingSecret()).toEqual(secret);
      const again = await place.open();
      expect(await again.signingSecret()).toEqual(secret);
      await again.close();
    });

    it('T2, T3, H8: tokens are kept, listed newest first without reporters, and revoked once', async () => {
      const base = {
        workspace: 'tok',
        role: 'lead' as const,
        reporterId: null,
        label: null,
        expiresAt: 2_000_000,
      };
      await storage.tokens.add({ ...base, id: 't1', kind: 'invitation', createdAt: 1_000 });
      await storage.tokens.add({ ...base, id: 't2', kind: 'cli', createdAt: 2_000, label: 'me' });
      await storage.tokens.add({
        ...base,
        id: 't3',
        role: 'member',
        reporterId: 'r1',
        kind: 'reporter',
        createdAt: 3_000,
        mintedBy: 't1',
      });
      expect(await other.tokens.get('t2')).toEqual({
        ...base,
        id: 't2',
        kind: 'cli',
        createdAt: 2_000,
        label: 'me',
        revokedAt: null,
        mintedBy: null,
        maxReporters: null,
        lastSeenAt: null,
      });
      expect(await storage.tokens.get('nope')).toBeUndefined();
      expect((await storage.tokens.list('tok')).map((t) => t.id)).toEqual(['t2', 't1']);
      expect(await storage.tokens.revoke('t1', 5_000)).toBe(true);
      expect(await other.tokens.revoke('t1', 6_000)).toBe(false);
      expect(await storage.tokens.revoke('nope', 6_000)).toBe(false);
      expect(await other.tokens.revokedSince(4_000)).toContainEqual({ id: 't1', revokedAt: 5_000 });
      expect(await other.tokens.revokedSince(5_001)).not.toContainEqual(
        expect.objectContaining({ id: 't1' }),
      );
      expect(await storage.tokens.count()).toBeGreaterThanOrEqual(3);
    });

    it('H2–H4: an enrolment code counts, lists and revokes the reporters it enrolled', async () => {
      const code = {
        id: 'code',
        workspace: 'enr',
        role: 'member' as const,
        reporterId: null,
        kind: 'enrolment' as const,
        label: null,
        createdAt: 1,
        expiresAt: 9e12,
        maxReporters: 3,
      };
      await storage.tokens.add(code);
      for (let i = 1; i <= 3; i++)
        await storage.tokens.add({
          ...code,
          id: `rep${i}`,
          reporterId: `r${i}`,
          kind: 'reporter',
          createdAt: 10 * i,
          mintedBy: 'code',
          maxReporters: null,
        });
      await storage.tokens.markSeen('rep2', 777);
      await storage.tokens.revoke('rep3', 800);
      expect((await other.tokens.get('code'))?.maxReporters).toBe(3);
      expect(await other.tokens.enrolled('code')).toEqual({ count: 3, active: 2, lastSeenAt: 777 });
      expect((await other.tokens.reportersOf('code', 2)).map((t) => t.id)).toEqual([
        'rep3',
        'rep2',
      ]);
      // EXT2: a workspace's extensions, last contact (else enrolment) first.
      expect((await other.tokens.reportersIn('enr', 10)).map((t) => t.id)).toEqual([
        'rep2',
        'rep3',
        'rep1',
      ]);
      expect((await other.tokens.reportersIn('enr', 2)).map((t) => t.id)).toEqual(['rep2', 'rep3']);
      expect(await other.tokens.reportersIn('none', 10)).toEqual([]);
      expect(await storage.tokens.revokeReportersOf('code', 900)).toBe(2);
      expect((await other.tokens.enrolled('code')).active).toBe(0);
      expect(await storage.tokens.enrolled('none')).toEqual({
        count: 0,
        active: 0,
        lastSeenAt: null,
      });
    });

    it('D2, D5: a reporter’s summaries are replaced, the changed tools named, activity counted by day', async () => {
      const now = Date.UTC(2026, 11, 7, 12);
      const today = Date.UTC(2026, 11, 7);
      expect(
        await storage.summaries.replaceReporter('sum', 'r1', [
          summary('chatgpt', today),
          summary('claude', today),
        ]),
      ).toEqual(['chatgpt', 'claude']);
      expect(
        await other.summaries.replaceReporter('sum', 'r1', [
          summary('chatgpt', today),
          summary('claude', today),
        ]),
      ).toEqual([]);
      expect(
        await other.summaries.replaceReporter('sum', 'r1', [summary('chatgpt', today)]),
      ).toEqual(['claude']);
      await storage.summaries.replaceReporter('sum', 'r2', [summary('chatgpt', today - 10 * DAY)]);
      await storage.summaries.replaceReporter('sum', 'r3', [summary('gemini', today - 40 * DAY)]);
      const rows = await other.summaries.rowsForTool('sum', 'chatgpt');
      expect(rows.map((row) => row.reporterId).sort()).toEqual(['r1', 'r2']);
      expect(rows.find((row) => row.reporterId === 'r2')).toMatchObject(
        summary('chatgpt', today - 10 * DAY),
      );
      expect(await other.summaries.activity('sum', now)).toEqual({
        reporters7d: 1,
        reporters30d: 2,
        computedAt: now,
      });
      // A report emptied: its reporter no longer counts.
      expect(await storage.summaries.replaceReporter('sum', 'r1', [])).toEqual(['chatgpt']);
      expect((await storage.summaries.activity('sum', now)).reporters7d).toBe(0);
    });

    it('DR7: checkpoints are kept by time, unchanged states skipped, old ones thinned', async () => {
      const doc = 'ckp/registry';
      await storage.documents('a').appendMany([{ document: doc, update: update('r', 1) }]);
      expect(await storage.checkpoints.documentsWithout()).toContain(doc);
      const t0 = Date.UTC(2026, 0, 1);
      const states = [0, 1, 2, 3, 4].map((n) => update('n', n));
      const state = (n: number) => states[n]!;
      expect(await storage.checkpoints.add(doc, t0, state(1), DEFAULT_RETENTION)).toBe(true);
      expect(await other.checkpoints.add(doc, t0 + 1, state(1), DEFAULT_RETENTION)).toBe(false);
      expect(await other.checkpoints.documentsWithout()).not.toContain(doc);
      // Two in one hour, a day later: both stay (kept all for a day)…
      await storage.checkpoints.add(doc, t0 + 2 * DAY, state(2), DEFAULT_RETENTION);
      await storage.checkpoints.add(doc, t0 + 2 * DAY + 60_000, state(3), DEFAULT_RETENTION);
      const listed = await other.checkpoints.list(doc);
      expect(listed.map((c) => c.at)).toEqual([t0 + 2 * DAY + 60_000, t0 + 2 * DAY, t0]);
      expect(listed[0]!.bytes).toBe(state(3).byteLength);
      // …until two days later, when only the latest of that hour is kept.
      await storage.checkpoints.add(doc, t0 + 4 * DAY, state(4), DEFAULT_RETENTION);
      expect((await storage.checkpoints.list(doc)).map((c) => c.at)).toEqual([
        t0 + 4 * DAY,
        t0 + 2 * DAY + 60_000,
        t0,
      ]);
      const found = await other.checkpoints.atOrBefore(doc, t0 + 3 * DAY);
      expect(found?.at).toBe(t0 + 2 * DAY + 60_000);
      expect(rebuild([found!.data])).toEqual({ n: 3 });
      expect(await other.checkpoints.atOrBefore(doc, t0 - HOUR)).toBeUndefined();
    });

    it('ACK1, ACK2: policy acknowledgements are replaced per reporter and counted per version against the 30 days', async () => {
      const now = Date.parse('2026-12-07T12:00:00Z');
      await storage.summaries.replaceReporter('ack', 'a', [summary('chatgpt', now - DAY)]);
      await storage.summaries.replaceReporter('ack', 'b', [summary('chatgpt', now - 40 * DAY)]);
      const v1 = (day: string) => ({ versionId: 'v1', number: 1, day });
      const v2 = (day: string) => ({ versionId: 'v2', number: 2, day });
      expect(await storage.policyAcks.replaceReporter('ack', 'a', [v1('2026-12-01')])).toBe(true);
      expect(await other.policyAcks.replaceReporter('ack', 'a', [v1('2026-12-01')])).toBe(false);
      expect(
        await storage.policyAcks.replaceReporter('ack', 'b', [v1('2026-11-01'), v2('2026-12-02')]),
      ).toBe(true);
      // 'c' has no activity row: it counts as acknowledged, not as active.
      expect(await storage.policyAcks.replaceReporter('ack', 'c', [v2('2026-12-03')])).toBe(true);
      const byVersion = <T extends { versionId: string }>(counts: T[]) =>
        [...counts].sort((x, y) => x.versionId.localeCompare(y.versionId));
      expect(
        byVersion(await other.policyAcks.counts('ack', now, 5, { attributed: false })),
      ).toEqual([
        { versionId: 'v1', number: 1, acknowledged: 2, ofActive: 1, active: 5, computedAt: now },
        { versionId: 'v2', number: 2, acknowledged: 2, ofActive: 0, active: 5, computedAt: now },
      ]);
      // Never more acknowledged of the active than active (the dashboard's figure bounds it).
      expect(
        (await other.policyAcks.counts('ack', now, 0, { attributed: false }))[0]!.ofActive,
      ).toBe(0);
      // Attributed (D4): who, the latest acknowledgement first.
      const named = byVersion(await other.policyAcks.counts('ack', now, 5, { attributed: true }));
      expect(named.map((count) => count.reporterIds)).toEqual([
        ['a', 'b'],
        ['c', 'b'],
      ]);
      // A reporter that withdrew one version and acknowledged another on a new day.
      expect(await storage.policyAcks.replaceReporter('ack', 'b', [v2('2026-12-05')])).toBe(true);
      expect(
        byVersion(await other.policyAcks.counts('ack', now, 5, { attributed: false })).map(
          (count) => [count.versionId, count.acknowledged],
        ),
      ).toEqual([
        ['v1', 1],
        ['v2', 2],
      ]);
      expect(await other.policyAcks.counts('none', now, 5, { attributed: true })).toEqual([]);
    });

    it('EXT1: an extension’s version and policy error are written only when they change', async () => {
      const client = { reporterId: 'r1', version: null, policyError: null };
      expect(await storage.reporterClients.update('ext', client)).toBe(true);
      expect(await other.reporterClients.update('ext', client)).toBe(false);
      expect(await storage.reporterClients.update('ext', { ...client, version: '1.2.0' })).toBe(
        true,
      );
      const failed = {
        ...client,
        version: '1.2.0',
        policyError: { message: 'Managed storage is not valid JSON', at: 1_700_000_000_000 },
      };
      expect(await storage.reporterClients.update('ext', failed)).toBe(true);
      expect(await other.reporterClients.update('ext', failed)).toBe(false);
      await storage.reporterClients.update('ext', {
        reporterId: 'r2',
        version: '1.1.0',
        policyError: null,
      });
      expect(await other.reporterClients.ofWorkspace('ext')).toEqual(
        new Map<string, ReporterClient>([
          ['r1', failed],
          ['r2', { reporterId: 'r2', version: '1.1.0', policyError: null }],
        ]),
      );
      expect(await other.reporterClients.ofWorkspace('none')).toEqual(new Map());
    });

    it('H13: document sizes are kept, and a workspace sums its documents', async () => {
      await storage.sizes.set('siz/policy', 'siz', 100);
      await storage.sizes.set('siz/registry', 'siz', 250);
      await other.sizes.set('siz/policy', 'siz', 120);
      expect(await storage.sizes.get('siz/policy')).toBe(120);
      expect(await storage.sizes.get('siz/none')).toBe(0);
      expect(await other.sizes.workspaceTotal('siz')).toBe(370);
      expect(await other.sizes.workspaceTotal('empty')).toBe(0);
    });
  });
}
