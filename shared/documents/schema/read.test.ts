import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAX_PROBLEMS, addProblem, joinPath } from './problems.ts';
import {
  readNumberMap,
  readRecords,
  readSeenRange,
  readStringList,
  readStringSet,
} from './read-lists.ts';
import {
  readBoolean,
  readChildMap,
  readEnum,
  readNumber,
  readString,
  readTimestamp,
  topMap,
} from './read.ts';

/** A map inside a document: Y.Map reads only work once integrated. */
function mapWith(entries: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Doc().getMap<unknown>('m');
  for (const [key, value] of Object.entries(entries)) map.set(key, value);
  return map;
}

describe('scalar readers', () => {
  it('return good values without problems', () => {
    const map = mapWith({ s: 'hi', n: 3, b: false, e: 'visit' });
    const problems: string[] = [];
    expect(readString(map, 's', problems)).toBe('hi');
    expect(readNumber(map, 'n', problems, { integer: true, min: 0 })).toBe(3);
    expect(readBoolean(map, 'b', problems)).toBe(false);
    expect(readEnum(map, 'e', ['visit', 'flag'], problems)).toBe('visit');
    expect(readString(map, 'absent', problems)).toBeUndefined();
    expect(problems).toEqual([]);
  });

  it('skip and report the wrong shapes with their path', () => {
    const map = mapWith({
      firstSeen: 'yesterday',
      nan: Number.NaN,
      frac: 1.5,
      name: 42,
      flag: 'yes',
      kind: 'rumour',
      huge: 'x'.repeat(1_000_000),
      neg: -5,
    });
    const problems: string[] = [];
    const path = 'tools.chatgpt';
    expect(readNumber(map, 'firstSeen', problems, { path })).toBeUndefined();
    expect(readNumber(map, 'nan', problems, { path })).toBeUndefined();
    expect(readNumber(map, 'frac', problems, { path, integer: true })).toBeUndefined();
    expect(readString(map, 'name', problems, { path })).toBeUndefined();
    expect(readBoolean(map, 'flag', problems, { path })).toBeUndefined();
    expect(readEnum(map, 'kind', ['visit'], problems, { path })).toBeUndefined();
    expect(readString(map, 'huge', problems, { path, max: 500 })).toBeUndefined();
    expect(readTimestamp(map, 'neg', problems, { path })).toBeUndefined();
    expect(readString(map, 'gone', problems, { path, required: true })).toBeUndefined();
    expect(problems).toEqual([
      'tools.chatgpt.firstSeen: expected a number, got a string',
      'tools.chatgpt.nan: expected a number, got NaN',
      'tools.chatgpt.frac: expected a whole number, got 1.5',
      'tools.chatgpt.name: expected a string, got 42',
      'tools.chatgpt.flag: expected true or false, got a string',
      'tools.chatgpt.kind: expected one of visit',
      'tools.chatgpt.huge: expected at most 500 characters, got 1000000',
      'tools.chatgpt.neg: expected a number in 0…253402300799999, got -5',
      'tools.chatgpt.gone: missing',
    ]);
    // The hostile string itself never lands in a problem.
    expect(problems.join('').length).toBeLessThan(1000);
  });

  it('reports a nested type where a map is expected', () => {
    const map = mapWith({ signals: new Y.Array(), hosts: ['a.com'], ok: new Y.Map() });
    const problems: string[] = [];
    expect(readChildMap(map, 'signals', problems)).toBeUndefined();
    expect(readChildMap(map, 'hosts', problems)).toBeUndefined();
    expect(readChildMap(map, 'ok', problems)).toBeInstanceOf(Y.Map);
    expect(problems).toEqual([
      'signals: expected a map, got a YArray',
      'hosts: expected a map, got an array',
    ]);
  });
});

describe('collection readers', () => {
  it('read a set from a map of true or a plain array, skipping bad items', () => {
    const set = new Y.Map<unknown>();
    const map = mapWith({ asMap: set, asArray: ['b', 'a', 'a', 7, 'x'.repeat(300)] });
    set.set('health', true);
    set.set('personal', true);
    set.set('weird', 1);
    set.set('unknown-cat', true);
    const problems: string[] = [];
    const accept = (item: string) => item !== 'unknown-cat';
    expect(readStringSet(map, 'asMap', problems, { maxItems: 10, accept })).toEqual([
      'health',
      'personal',
    ]);
    expect(readStringSet(map, 'asArray', problems, { maxItems: 10 })).toEqual(['a', 'b']);
    expect(problems).toEqual([
      'asMap: skipped 1 entries that are not true',
      'asMap: skipped 1 invalid item(s)',
      'asArray: skipped 2 invalid item(s)',
    ]);
  });

  it('bound lists and refuse maps where a plain list is expected', () => {
    const map = mapWith({
      many: Array.from({ length: 100 }, (_, i) => `h${String(i).padStart(3, '0')}`),
      notList: new Y.Map(),
    });
    const problems: string[] = [];
    expect(readStringList(map, 'many', problems, { maxItems: 3 })).toEqual([
      'h000',
      'h001',
      'h002',
    ]);
    expect(readStringList(map, 'notList', problems, { maxItems: 3 })).toBeUndefined();
    expect(problems).toEqual(['many: kept 3 of 100 items', 'notList: expected a list, got a YMap']);
  });

  it('read number maps, skipping bad keys and values', () => {
    const hosts = new Y.Map<unknown>();
    const map = mapWith({ hosts });
    hosts.set('b.com', 2);
    hosts.set('a.com', 1);
    hosts.set('c.com', 'recently');
    hosts.set('BAD HOST', 3);
    const problems: string[] = [];
    const read = readNumberMap(map, 'hosts', problems, {
      path: 'tools.x',
      accept: (host) => /^[a-z.]+$/.test(host),
      maxItems: 20,
    });
    expect([...read!]).toEqual([
      ['a.com', 1],
      ['b.com', 2],
    ]);
    expect(problems).toEqual(['tools.x.hosts: skipped 2 invalid entries']);
  });

  it('read records in key order, skipping bad keys and non-maps', () => {
    const doc = new Y.Doc();
    const tools = doc.getMap<unknown>('tools');
    const b = new Y.Map<unknown>();
    const a = new Y.Map<unknown>();
    tools.set('b', b);
    tools.set('a', a);
    tools.set('x', 42);
    tools.set('BAD', new Y.Map());
    tools.set('arr', new Y.Array());
    b.set('v', 2);
    a.set('v', 1);
    const problems: string[] = [];
    const read = readRecords(
      tools,
      'tools',
      problems,
      (k) => k === k.toLowerCase(),
      (r, key) => ({
        key,
        v: r.get('v'),
      }),
    );
    expect(read).toEqual([
      { key: 'a', v: 1 },
      { key: 'b', v: 2 },
    ]);
    expect(problems).toEqual([
      'tools.BAD: not a valid key; skipped',
      'tools.arr: expected a map, got a YArray; skipped',
      'tools.x: expected a map, got 42; skipped',
    ]);
  });

  it('let one readable time stand in for the other', () => {
    const problems: string[] = [];
    expect(readSeenRange(mapWith({ firstSeen: 'yesterday', lastSeen: 5 }), problems, 't')).toEqual({
      firstSeen: 5,
      lastSeen: 5,
    });
    expect(readSeenRange(mapWith({ firstSeen: 9, lastSeen: 3 }), problems, 't')).toEqual({
      firstSeen: 3,
      lastSeen: 9,
    });
    expect(readSeenRange(mapWith({}), problems, 't')).toBeUndefined();
    expect(problems).toEqual([
      't.firstSeen: expected a number, got a string',
      't.firstSeen: missing',
      't.lastSeen: missing',
      't: no readable firstSeen or lastSeen; skipped',
    ]);
  });
});

describe('top-level maps', () => {
  it('report a name defined locally as another type', () => {
    const doc = new Y.Doc();
    doc.getArray('tools');
    const problems: string[] = [];
    expect(topMap(doc, 'tools', problems)).toBeUndefined();
    expect(problems).toEqual(['tools: expected a map, found another type']);
  });

  it('report list items a remote writer put where a map belongs', () => {
    const remote = new Y.Doc();
    remote.getArray('tools').push([1, 2]);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote));
    const problems: string[] = [];
    expect(topMap(doc, 'tools', problems)?.size).toBe(0);
    expect(problems).toEqual([
      'tools: holds list items where a map was expected; they are ignored',
    ]);
  });
});

describe('problems', () => {
  it('are capped and clipped', () => {
    const problems: string[] = [];
    for (let i = 0; i < 1000; i++) addProblem(problems, 'p'.repeat(5000));
    expect(problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(problems[0]!.length).toBeLessThan(400);
    expect(problems.at(-1)).toBe('… more problems omitted');
  });

  it('show huge or odd keys safely', () => {
    expect(joinPath('tools', 'chatgpt')).toBe('tools.chatgpt');
    expect(joinPath('tools', 'a.b')).toBe('tools."a.b"');
    expect(joinPath('tools', 'k'.repeat(10_000))).toMatch(/^tools\.k{40}…\(10000 characters\)$/);
  });
});
