import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seededRandom } from '../../../test/helpers/seeded-random.ts';
import { readRecords } from './read-lists.ts';
import { readNumber } from './read.ts';
import { recordCache } from './record-cache.ts';

const isKey = (key: string) => /^[a-z0-9:.-]+$/.test(key);
const readOne = (record: Y.Map<unknown>, key: string, path: string, problems: string[]) => {
  const count = readNumber(record, 'count', problems, { path, required: true });
  return count === undefined ? undefined : { key, count };
};
const fullRead = (doc: Y.Doc) => {
  const problems: string[] = [];
  const records = readRecords(doc.getMap('tools'), 'tools', problems, isKey, (map, key, path) =>
    readOne(map, key, path, problems),
  );
  return { records, problems };
};
const cachedRead = (cache: ReturnType<typeof recordCache<{ key: string; count: number }>>) => {
  const problems: string[] = [];
  return { records: cache.read(problems), problems };
};

function setTool(doc: Y.Doc, key: string, count: unknown) {
  const tools = doc.getMap<unknown>('tools');
  let map = tools.get(key);
  if (!(map instanceof Y.Map)) {
    map = new Y.Map<unknown>();
    tools.set(key, map);
  }
  (map as Y.Map<unknown>).set('count', count);
}

describe('recordCache', () => {
  it('reads what readRecords reads, re-reading only the records that changed', () => {
    const doc = new Y.Doc();
    for (let i = 0; i < 5; i++) setTool(doc, `tool-${i}`, i);
    const cache = recordCache(doc, 'tools', isKey, readOne);
    const first = cachedRead(cache);
    expect(first).toEqual(fullRead(doc));
    setTool(doc, 'tool-2', 20);
    const second = cachedRead(cache);
    expect(second).toEqual(fullRead(doc));
    expect(second.records[2]).toEqual({ key: 'tool-2', count: 20 });
    // Unchanged records keep their identity; the changed one is new.
    expect(second.records[0]).toBe(first.records[0]);
    expect(second.records[2]).not.toBe(first.records[2]);
  });

  it('follows added, deleted and replaced records, and hostile shapes, in key order', () => {
    const doc = new Y.Doc();
    setTool(doc, 'b', 1);
    const cache = recordCache(doc, 'tools', isKey, readOne);
    cachedRead(cache);
    setTool(doc, 'a', 2);
    doc.getMap('tools').set('c', 'not a map');
    doc.getMap('tools').set('BAD KEY', new Y.Map());
    setTool(doc, 'b', 'not a number');
    expect(cachedRead(cache)).toEqual(fullRead(doc));
    doc.getMap('tools').delete('a');
    setTool(doc, 'b', 3);
    doc.getMap('tools').set('c', new Y.Map([['count', 4]]));
    expect(cachedRead(cache)).toEqual(fullRead(doc));
  });

  it('sees changes that arrive as updates from another replica', () => {
    const local = new Y.Doc();
    const remote = new Y.Doc();
    const cache = recordCache(local, 'tools', isKey, readOne);
    cachedRead(cache);
    setTool(remote, 'x', 1);
    Y.applyUpdate(local, Y.encodeStateAsUpdate(remote));
    expect(cachedRead(cache).records).toEqual([{ key: 'x', count: 1 }]);
    setTool(remote, 'x', 2);
    Y.applyUpdate(local, Y.encodeStateAsUpdate(remote));
    expect(cachedRead(cache).records).toEqual([{ key: 'x', count: 2 }]);
  });

  it('matches a full read after every step of seeded random edits', () => {
    for (const seed of [1, 2, 3, 42, 2026]) {
      const random = seededRandom(seed);
      const doc = new Y.Doc();
      const cache = recordCache(doc, 'tools', isKey, readOne);
      for (let step = 0; step < 300; step++) {
        const key = `t${random.int(20)}`;
        const tools = doc.getMap<unknown>('tools');
        const action = random.int(5);
        doc.transact(() => {
          if (action === 0) tools.delete(key);
          else if (action === 1) tools.set(key, new Y.Map([['count', random.int(9)]]));
          else if (action === 2) tools.set(key, random.int(9));
          else setTool(doc, key, random.int(3) === 0 ? 'x' : random.int(9));
        });
        if (random.int(3) === 0)
          expect(cachedRead(cache), `seed ${seed} step ${step}`).toEqual(fullRead(doc));
      }
      expect(cachedRead(cache)).toEqual(fullRead(doc));
    }
  });

  it('stops observing when destroyed, and reads everything again after', () => {
    const doc = new Y.Doc();
    setTool(doc, 'a', 1);
    const cache = recordCache(doc, 'tools', isKey, readOne);
    cachedRead(cache);
    cache.destroy();
    setTool(doc, 'a', 2);
    expect(cachedRead(cache).records).toEqual([{ key: 'a', count: 2 }]);
  });
});
