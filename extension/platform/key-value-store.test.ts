import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  browserKeyValueStore,
  memoryKeyValueStore,
  type KeyValueStore,
} from './key-value-store.ts';

// The real adapter runs against WXT's fake browser (an in-memory chrome.storage); the in-memory
// fake the other tests use must behave the same.
describe.each([
  [
    'browserKeyValueStore over WXT’s fake browser',
    () => browserKeyValueStore(fakeBrowser.storage.local),
  ],
  ['memoryKeyValueStore', () => memoryKeyValueStore()],
])('%s', (_name, make: () => KeyValueStore) => {
  beforeEach(() => fakeBrowser.reset());

  it('stores, reads and removes values by key', async () => {
    const store = make();
    expect(await store.get('missing')).toBeUndefined();
    await store.set('enrolment', { workspace: 'acme', n: 1 });
    expect(await store.get('enrolment')).toEqual({ workspace: 'acme', n: 1 });
    await store.remove('enrolment');
    expect(await store.get('enrolment')).toBeUndefined();
  });
});

// chrome.storage serialises what it stores; the in-memory fake copies too, so a test cannot pass
// by sharing an object with storage. (WXT's fake browser does not copy, so it is not checked here.)
describe('memoryKeyValueStore, like chrome.storage', () => {
  it('returns copies, so a caller cannot change what is stored by mutating it', async () => {
    const store = memoryKeyValueStore();
    const value = { list: [1] };
    await store.set('k', value);
    value.list.push(2);
    const read = await store.get<{ list: number[] }>('k');
    read!.list.push(3);
    expect(await store.get('k')).toEqual({ list: [1] });
  });
});
