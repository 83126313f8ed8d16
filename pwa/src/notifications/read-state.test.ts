import { describe, expect, it } from 'vitest';
import { memoryDeviceValues, workspaceKey } from '../session/device-values.ts';
import {
  createReadStore,
  MAX_READ,
  parseReadMarks,
  readStoreFor,
  serializeReadMarks,
} from './read-state.ts';

const KEY = workspaceKey('notificationsRead', 'acme');
const loaded = async (store: { loaded(): boolean }) => {
  for (let i = 0; i < 20 && !store.loaded(); i++) await Promise.resolve();
  expect(store.loaded()).toBe(true);
};

describe('read marks on this device (NTF-UI3)', () => {
  it('reads stored marks without trust: anything unreadable is unread', () => {
    const marks = parseReadMarks([
      ['a', 5],
      ['b', 'yesterday'],
      [42, 1],
      ['', 1],
      ['x'.repeat(501), 1],
      'c',
      ['a', 3],
      ['d', Number.NaN],
    ]);
    expect([...marks]).toEqual([['a', 5]]);
    expect(parseReadMarks({ a: 1 }).size).toBe(0);
    expect(parseReadMarks(undefined).size).toBe(0);
  });

  it('keeps at most MAX_READ marks, dropping the oldest', () => {
    const marks = new Map(Array.from({ length: MAX_READ + 10 }, (_, i) => [`n${i}`, i] as const));
    const kept = serializeReadMarks(marks);
    expect(kept).toHaveLength(MAX_READ);
    expect(kept[0]).toEqual(['n10', 10]);
  });

  it('stores marks per workspace and reads them back on the next start', async () => {
    const values = memoryDeviceValues();
    const store = createReadStore(values, 'acme');
    await loaded(store);
    store.markRead(['a', 'b'], 100);
    store.markUnread('a');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await values.get(KEY)).toEqual([['b', 100]]);
    const again = createReadStore(values, 'acme');
    await loaded(again);
    expect([...again.marks().keys()]).toEqual(['b']);
    const other = createReadStore(values, 'globex');
    await loaded(other);
    expect(other.marks().size).toBe(0);
  });

  it('keeps a mark made before the stored ones arrived beside them', async () => {
    const values = memoryDeviceValues({ [KEY]: [['old', 1]] });
    const store = createReadStore(values, 'acme');
    store.markRead(['early'], 2);
    await loaded(store);
    expect([...store.marks().keys()].sort()).toEqual(['early', 'old']);
  });

  it('is one store per device and workspace, so the bell and the page agree', () => {
    const values = memoryDeviceValues();
    expect(readStoreFor(values, 'acme')).toBe(readStoreFor(values, 'acme'));
    expect(readStoreFor(values, 'acme')).not.toBe(readStoreFor(values, 'globex'));
  });
});
