import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { childMap, jsonEqual, setIfChanged, syncTrueSet } from './write.ts';

function countUpdates(doc: Y.Doc, run: () => void): number {
  let updates = 0;
  const count = () => updates++;
  doc.on('update', count);
  run();
  doc.off('update', count);
  return updates;
}

describe('writers', () => {
  it('compare JSON values deeply', () => {
    expect(jsonEqual(['a', { b: [1] }], ['a', { b: [1] }])).toBe(true);
    expect(jsonEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(jsonEqual(['a'], ['a', 'b'])).toBe(false);
    expect(jsonEqual([], {})).toBe(false);
    expect(jsonEqual({ a: undefined }, { b: undefined })).toBe(false);
  });

  it('write a key only when its value changes', () => {
    const doc = new Y.Doc();
    const map = doc.getMap<unknown>('m');
    expect(countUpdates(doc, () => setIfChanged(map, 'hosts', ['a.com']))).toBe(1);
    expect(countUpdates(doc, () => setIfChanged(map, 'hosts', ['a.com']))).toBe(0);
    expect(countUpdates(doc, () => setIfChanged(map, 'missing', undefined))).toBe(0);
    expect(setIfChanged(map, 'hosts', undefined)).toBe(true);
    expect(map.has('hosts')).toBe(false);
  });

  it('replace a wrong shape with a nested map', () => {
    const doc = new Y.Doc();
    const map = doc.getMap<unknown>('m');
    map.set('signals', ['visit']);
    const child = childMap(map, 'signals');
    expect(map.get('signals')).toBe(child);
    expect(childMap(map, 'signals')).toBe(child);
  });

  it('sync a set by its differences only', () => {
    const doc = new Y.Doc();
    const map = doc.getMap<unknown>('m');
    syncTrueSet(map, 'cats', ['a', 'b']);
    const set = map.get('cats') as Y.Map<unknown>;
    set.set('junk', 'yes');
    expect(syncTrueSet(map, 'cats', ['b', 'c'])).toBe(true);
    expect(set.toJSON()).toEqual({ b: true, c: true });
    expect(map.get('cats')).toBe(set);
    expect(countUpdates(doc, () => syncTrueSet(map, 'cats', ['c', 'b']))).toBe(0);
    expect(syncTrueSet(new Y.Doc().getMap('e'), 'cats', [])).toBe(false);
  });

  it('merge concurrent additions to a set from two replicas', () => {
    const a = new Y.Doc();
    syncTrueSet(a.getMap('m'), 'cats', ['x']);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    syncTrueSet(a.getMap('m'), 'cats', ['x', 'y']);
    syncTrueSet(b.getMap('m'), 'cats', ['x', 'z']);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(a.getMap('m').toJSON()).toEqual({ cats: { x: true, y: true, z: true } });
    expect(b.getMap('m').toJSON()).toEqual(a.getMap('m').toJSON());
  });
});
