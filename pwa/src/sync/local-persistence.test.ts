import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { indexedDbPersistence } from './local-persistence.ts';

async function open(name: string) {
  const doc = new Y.Doc();
  const copy = indexedDbPersistence(name, doc);
  await copy.whenSynced;
  return { doc, copy };
}

describe('the local copy (y-indexeddb)', () => {
  it('loads what was stored, stores every change made after loading, and does not re-encode the load', async () => {
    const first = await open('acme/registry');
    first.doc.getMap('records').set('a', 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await first.copy.destroy();

    const second = new Y.Doc();
    const updates: unknown[] = [];
    const copy = indexedDbPersistence('acme/registry', second);
    // While loading, nobody listens to updates: Yjs does not encode the loaded state again.
    const observers = (second as unknown as { _observers: Map<string, Set<unknown>> })._observers;
    expect(observers.get('update')?.size ?? 0).toBe(0);
    await copy.whenSynced;
    expect(second.getMap('records').get('a')).toBe(1);
    second.on('update', (update: Uint8Array) => updates.push(update));
    second.getMap('records').set('b', 2);
    expect(updates).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await copy.destroy();

    const third = await open('acme/registry');
    expect(third.doc.getMap('records').toJSON()).toEqual({ a: 1, b: 2 });
    await third.copy.destroy();
  });
});
