import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sighting } from '../../shared/documents/report/schema.ts';
import { persistedNames } from '../../shared/storage/persisted-names.ts';
import { dexieLocalLog, type DexieLocalLog } from './dexie-local-log.ts';
import type { LocalLog, RetentionOptions } from './local-log.ts';
import { memoryLocalLog } from './memory-local-log.ts';

const DAY = 86_400_000;
const T = Date.UTC(2026, 10, 25, 12);

const opened: DexieLocalLog[] = [];
let databases = 0;
afterEach(async () => {
  for (const log of opened.splice(0)) {
    log.close();
    await Dexie.delete(log.databaseName);
  }
});

const implementations: [string, (options?: RetentionOptions) => LocalLog][] = [
  ['memory', (options) => memoryLocalLog(options)],
  [
    'dexie',
    (options) => {
      const log = dexieLocalLog({ ...options, databaseName: `local-log-test-${++databases}` });
      opened.push(log);
      return log;
    },
  ],
];

function sighting(at: number, more: Partial<Sighting> = {}): Sighting {
  return {
    toolKey: 'openai-chatgpt',
    name: 'ChatGPT',
    category: 'chat-assistant',
    host: 'chatgpt.com',
    signal: 'visit',
    at,
    ...more,
  };
}

describe.each(implementations)('%s local log', (_name, make) => {
  it('stores each sighting with a fresh id, unsynced, with its own fields only', async () => {
    const log = make();
    await log.add([
      sighting(T),
      sighting(T + 1, {
        toolKey: 'openai-api',
        name: 'OpenAI API',
        category: 'model-hosting-api',
        host: 'api.openai.com',
        signal: 'api-call',
        embeddedIn: 'www.notion.so',
      }),
    ]);
    await log.add([
      { toolKey: 'grammarly', name: 'Grammarly', category: 'writing', signal: 'extension', at: T },
    ]);
    const all = await log.exportAll();
    expect(all).toEqual([
      { id: 1, ...sighting(T), synced: false },
      {
        id: 2,
        toolKey: 'openai-api',
        name: 'OpenAI API',
        category: 'model-hosting-api',
        host: 'api.openai.com',
        signal: 'api-call',
        embeddedIn: 'www.notion.so',
        at: T + 1,
        synced: false,
      },
      {
        id: 3,
        toolKey: 'grammarly',
        name: 'Grammarly',
        category: 'writing',
        signal: 'extension',
        at: T,
        synced: false,
      },
    ]);
    // An absent host is absent, not undefined.
    expect(Object.keys(all[2]!)).not.toContain('host');
    await log.add([]);
    expect(await log.exportAll()).toHaveLength(3);
  });

  it('gives pending sightings oldest first, by time then id, up to a limit', async () => {
    const log = make();
    await log.add([sighting(T + 20), sighting(T), sighting(T + 10), sighting(T)]);
    expect((await log.pending(10)).map((s) => [s.id, s.at])).toEqual([
      [2, T],
      [4, T],
      [3, T + 10],
      [1, T + 20],
    ]);
    expect((await log.pending(2)).map((s) => s.id)).toEqual([2, 4]);
    expect(await log.pending(0)).toEqual([]);
    expect(await log.countPending()).toBe(4);
  });

  it('marks sightings synced once, keeping the first time, and ignores unknown ids', async () => {
    const log = make();
    await log.add([sighting(T), sighting(T + 1), sighting(T + 2)]);
    expect(await log.markSynced([1, 3, 99], T + 100)).toBe(2);
    expect(await log.markSynced([1, 2], T + 200)).toBe(1);
    expect(await log.markSynced([], T + 300)).toBe(0);
    expect(await log.countPending()).toBe(0);
    expect(await log.pending(10)).toEqual([]);
    const all = await log.exportAll();
    expect(all.map((s) => [s.id, s.synced, s.syncedAt])).toEqual([
      [1, true, T + 100],
      [2, true, T + 200],
      [3, true, T + 100],
    ]);
  });

  it('lists the ledger newest first, synced or not, with an optional limit', async () => {
    const log = make();
    await log.add([sighting(T), sighting(T + 5), sighting(T + 5), sighting(T - 5)]);
    await log.markSynced([2], T + 10);
    const ledger = await log.entries();
    expect(ledger.map((s) => s.id)).toEqual([3, 2, 1, 4]);
    expect(ledger[1]).toMatchObject({ synced: true, syncedAt: T + 10 });
    expect(Object.keys(ledger[0]!)).not.toContain('syncedAt');
    expect((await log.entries({ limit: 2 })).map((s) => s.id)).toEqual([3, 2]);
    expect(await log.entries({ limit: 0 })).toEqual([]);
  });

  it('prunes entries older than the retention (30 days by default)', async () => {
    const log = make();
    await log.add([
      sighting(T - 31 * DAY),
      sighting(T - 30 * DAY - 1),
      sighting(T - 30 * DAY),
      sighting(T),
    ]);
    await log.markSynced([1], T);
    expect(await log.prune(T)).toBe(2);
    expect((await log.exportAll()).map((s) => s.id)).toEqual([3, 4]);
    expect(await log.prune(T)).toBe(0);
  });

  it('honours a shorter retention', async () => {
    const log = make({ retentionDays: 7 });
    await log.add([sighting(T - 8 * DAY), sighting(T - 6 * DAY)]);
    expect(await log.prune(T)).toBe(1);
    expect((await log.exportAll()).map((s) => s.id)).toEqual([2]);
  });

  it('keeps at most maxEntries: the oldest synced ones go first, then the oldest unsynced', async () => {
    const log = make({ maxEntries: 4 });
    // ids 1–7; 2, 5 and 6 are synced.
    await log.add([T + 1, T + 2, T + 3, T + 4, T + 5, T + 6, T + 7].map((at) => sighting(at)));
    await log.markSynced([2, 5, 6], T + 10);
    expect(await log.prune(T + 10)).toBe(3);
    expect((await log.exportAll()).map((s) => s.id)).toEqual([1, 3, 4, 7]);
    // Over the cap with nothing synced left: the oldest unsynced go.
    await log.add([sighting(T + 8), sighting(T + 9)]);
    expect(await log.prune(T + 10)).toBe(2);
    expect((await log.exportAll()).map((s) => s.id)).toEqual([4, 7, 8, 9]);
    expect(await log.countPending()).toBe(4);
  });

  it('counts both kinds of pruning in one answer', async () => {
    const log = make({ maxEntries: 2 });
    await log.add([sighting(T - 40 * DAY), sighting(T - 1), sighting(T - 2), sighting(T)]);
    expect(await log.prune(T)).toBe(2);
    expect((await log.exportAll()).map((s) => s.id)).toEqual([2, 4]);
  });

  it('clears everything, and never reuses an id', async () => {
    const log = make();
    await log.add([sighting(T), sighting(T)]);
    await log.clear();
    expect(await log.exportAll()).toEqual([]);
    expect(await log.entries()).toEqual([]);
    expect(await log.countPending()).toBe(0);
    await log.add([sighting(T)]);
    expect((await log.exportAll()).map((s) => s.id)).toEqual([3]);
  });

  it('hands out copies: changing one changes nothing stored', async () => {
    const log = make();
    await log.add([sighting(T)]);
    const [entry] = await log.entries();
    entry!.host = 'changed.example';
    entry!.synced = true;
    expect(await log.exportAll()).toEqual([{ id: 1, ...sighting(T), synced: false }]);
  });

  const bad: [string, unknown][] = [
    ['a catalog-less tool key', { toolKey: 'OpenAI ChatGPT' }],
    ['a host tool key without a host', { toolKey: 'host:https://x.example/path' }],
    ['an empty name', { name: '  ' }],
    ['a long name', { name: 'x'.repeat(101) }],
    ['a name that is not text', { name: 42 }],
    ['an unknown category', { category: 'spyware' }],
    ['an unknown signal', { signal: 'keystroke' }],
    ['a URL for a host', { host: 'https://chatgpt.com/c/123?q=secret' }],
    ['a host with a path', { host: 'chatgpt.com/c/123' }],
    ['a host with a port', { host: 'chatgpt.com:443' }],
    ['a URL for embeddedIn', { embeddedIn: 'https://www.notion.so/Secret-page-123' }],
    ['a fractional time', { at: T + 0.5 }],
    ['a negative time', { at: -1 }],
    ['a time as text', { at: String(T) }],
    ['a URL field', { url: 'https://chatgpt.com/c/123' }],
    ['a page title', { title: 'My secret chat' }],
  ];
  it.each(bad)('refuses %s and stores nothing of the batch', async (_what, change) => {
    const log = make();
    const batch = [sighting(T), { ...sighting(T), ...(change as object) }] as Sighting[];
    await expect(log.add(batch)).rejects.toThrow(/sighting 1/);
    expect(await log.exportAll()).toEqual([]);
  });

  it('refuses what is not a list of sightings', async () => {
    const log = make();
    await expect(log.add([null] as unknown as Sighting[])).rejects.toThrow(TypeError);
    await expect(log.add('x' as unknown as Sighting[])).rejects.toThrow(TypeError);
    expect(await log.exportAll()).toEqual([]);
  });

  it('refuses bad limits, ids and times', async () => {
    const log = make();
    await expect(log.pending(-1)).rejects.toThrow(RangeError);
    await expect(log.pending(1.5)).rejects.toThrow(RangeError);
    await expect(log.entries({ limit: -1 })).rejects.toThrow(RangeError);
    await expect(log.markSynced(['1'] as unknown as number[], T)).rejects.toThrow(TypeError);
    await expect(log.markSynced([1], Number.NaN)).rejects.toThrow(RangeError);
    await expect(log.prune(Number.NaN)).rejects.toThrow(RangeError);
  });

  it('refuses bad retention options', () => {
    expect(() => make({ retentionDays: 0 })).toThrow(RangeError);
    expect(() => make({ maxEntries: 0 })).toThrow(RangeError);
    expect(() => make({ maxEntries: 1.5 })).toThrow(RangeError);
  });
});

describe('dexie local log on disk', () => {
  it('uses the registered database and table names by default', async () => {
    const log = dexieLocalLog();
    opened.push(log);
    expect(log.databaseName).toBe(persistedNames.extensionDatabase);
    await log.add([sighting(T)]);
    const raw = new Dexie(persistedNames.extensionDatabase);
    await raw.open();
    expect(raw.tables.map((table) => table.name)).toEqual([
      persistedNames.extensionTables.sightings,
    ]);
    raw.close();
  });

  it('keeps the log across reopening', async () => {
    const first = dexieLocalLog({ databaseName: 'local-log-reopen' });
    await first.add([sighting(T), sighting(T + 1)]);
    await first.markSynced([1], T + 2);
    first.close();
    const second = dexieLocalLog({ databaseName: 'local-log-reopen' });
    opened.push(second);
    expect((await second.exportAll()).map((s) => [s.id, s.synced])).toEqual([
      [1, true],
      [2, false],
    ]);
    await second.add([sighting(T + 3)]);
    expect(await second.countPending()).toBe(2);
  });
});
