import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { META } from '../schema/version.ts';
import {
  importNetworkLog,
  MAX_LOG_HOSTS,
  NETWORK_LOG,
  readNetworkLog,
  type NetworkLogFinding,
} from './network-log.ts';

const AT = Date.UTC(2026, 2, 10, 12);
const T1 = Date.UTC(2026, 2, 1);
const T2 = Date.UTC(2026, 2, 5);

const chatgpt: NetworkLogFinding = {
  toolKey: 'openai-chatgpt',
  name: 'ChatGPT',
  category: 'chat-assistant',
  hosts: ['chatgpt.com'],
  lines: 40,
  firstSeen: T1,
  lastSeen: T2,
};
const by = { importedBy: 'lead-1', importedAt: AT };

describe('network-log discoveries in the registry', () => {
  it('writes an import and reads it back', () => {
    const doc = new Y.Doc();
    importNetworkLog(
      doc,
      [
        chatgpt,
        {
          ...chatgpt,
          toolKey: 'anthropic-claude',
          name: 'Claude',
          hosts: ['claude.ai'],
          firstSeen: undefined,
          lastSeen: undefined,
          lines: 2,
        },
      ],
      by,
    );
    const { tools, problems } = readNetworkLog(doc);
    expect(problems).toEqual([]);
    expect([...tools.keys()]).toEqual(['anthropic-claude', 'openai-chatgpt']);
    expect(tools.get('openai-chatgpt')).toEqual({ ...chatgpt, ...by });
    expect(tools.get('anthropic-claude')).toEqual({
      toolKey: 'anthropic-claude',
      name: 'Claude',
      category: 'chat-assistant',
      hosts: ['claude.ai'],
      lines: 2,
      ...by,
    });
  });

  it('merges a second import: hosts join, lines add up, the seen range widens', () => {
    const doc = new Y.Doc();
    importNetworkLog(doc, [chatgpt], by);
    importNetworkLog(
      doc,
      [
        {
          ...chatgpt,
          hosts: ['api.openai.com', 'chatgpt.com'],
          lines: 2,
          firstSeen: T1 - 1,
          lastSeen: T1,
        },
      ],
      { importedBy: 'lead-2', importedAt: AT + 5 },
    );
    expect(readNetworkLog(doc).tools.get('openai-chatgpt')).toMatchObject({
      hosts: ['api.openai.com', 'chatgpt.com'],
      lines: 42,
      firstSeen: T1 - 1,
      lastSeen: T2,
      importedBy: 'lead-2',
      importedAt: AT + 5,
    });
  });

  it('merges concurrent imports from two leads', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    importNetworkLog(a, [chatgpt], by);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    importNetworkLog(a, [{ ...chatgpt, hosts: ['api.openai.com'] }], by);
    importNetworkLog(b, [{ ...chatgpt, hosts: ['sora.chatgpt.com'] }], by);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readNetworkLog(a).tools.get('openai-chatgpt')?.hosts).toEqual([
      'api.openai.com',
      'chatgpt.com',
      'sora.chatgpt.com',
    ]);
    expect(readNetworkLog(b)).toEqual(readNetworkLog(a));
  });

  it('never stores a path, a query or a port: only hostnames are accepted', () => {
    const doc = new Y.Doc();
    for (const host of [
      'chatgpt.com/c/secret-chat',
      'chatgpt.com?q=salary',
      'chatgpt.com:443',
      'https://chatgpt.com',
    ]) {
      expect(() => importNetworkLog(doc, [{ ...chatgpt, hosts: [host] }], by)).toThrow(/hostnames/);
    }
    importNetworkLog(doc, [chatgpt], by);
    const stored = JSON.stringify(doc.getMap(NETWORK_LOG).toJSON());
    expect(stored).not.toMatch(/[/?]/);
  });

  it('refuses bad input with a clear error, changing nothing', () => {
    const doc = new Y.Doc();
    importNetworkLog(doc, [chatgpt], by);
    const before = Y.encodeStateVector(doc);
    const bad: Array<[Partial<NetworkLogFinding>, RegExp]> = [
      [{ toolKey: 'Not A Key' }, /tool key/],
      [{ name: '' }, /name/],
      [{ category: 'weapons' as never }, /category/],
      [{ hosts: [] }, /hosts/],
      [{ hosts: Array.from({ length: MAX_LOG_HOSTS + 1 }, (_, i) => `h${i}.example`) }, /hosts/],
      [{ lines: 0 }, /lines/],
      [{ lines: 1.5 }, /lines/],
      [{ firstSeen: T2, lastSeen: T1 }, /after/],
      [{ firstSeen: T1, lastSeen: undefined }, /together/],
      [{ firstSeen: -1 }, /firstSeen/],
    ];
    for (const [change, message] of bad) {
      // The good finding first: a bad one later in the list must still change nothing.
      expect(() =>
        importNetworkLog(
          doc,
          [
            { ...chatgpt, toolKey: 'other-tool' },
            { ...chatgpt, ...change },
          ],
          by,
        ),
      ).toThrow(message);
    }
    expect(() => importNetworkLog(doc, [chatgpt, chatgpt], by)).toThrow(/twice/);
    expect(() => importNetworkLog(doc, [chatgpt], { importedBy: '', importedAt: AT })).toThrow(
      /importedBy/,
    );
    expect(() =>
      importNetworkLog(doc, [chatgpt], { importedBy: 'x', importedAt: Number.NaN }),
    ).toThrow(/importedAt/);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('refuses to write a registry from a newer schema', () => {
    const doc = new Y.Doc();
    doc.getMap(META).set('schemaVersion', 99);
    expect(() => importNetworkLog(doc, [chatgpt], by)).toThrow();
    expect(doc.getMap(NETWORK_LOG).size).toBe(0);
  });

  it('reads a hostile document without trusting it: bad shapes are skipped and listed', () => {
    const doc = new Y.Doc();
    const top = doc.getMap<unknown>(NETWORK_LOG);
    doc.transact(() => {
      top.set('not a key!', new Y.Map());
      top.set('plain-value', 'hello');
      const noTime = new Y.Map<unknown>();
      top.set('no-time', noTime);
      noTime.set('name', 'No time');
      const damaged = new Y.Map<unknown>();
      top.set('damaged', damaged);
      damaged.set('name', 'x'.repeat(5000));
      damaged.set('category', 'weapons');
      damaged.set('lines', -3);
      damaged.set('importedAt', AT);
      damaged.set('importedBy', 42);
      damaged.set('lastSeen', 'yesterday');
      damaged.set('firstSeen', T1);
      const hosts = new Y.Map<unknown>();
      damaged.set('hosts', hosts);
      hosts.set('chatgpt.com', true);
      hosts.set('chatgpt.com/secret', true);
      hosts.set('claude.ai', 'yes');
    });
    const { tools, problems } = readNetworkLog(doc);
    expect([...tools.keys()]).toEqual(['damaged']);
    expect(tools.get('damaged')).toEqual({
      toolKey: 'damaged',
      name: 'damaged',
      category: 'other',
      hosts: ['chatgpt.com'],
      lines: 0,
      firstSeen: T1,
      lastSeen: T1,
      importedBy: '',
      importedAt: AT,
    });
    expect(problems.join('\n')).toMatch(/not a valid key/);
    expect(problems.join('\n')).toMatch(/plain-value: expected a map/);
    expect(problems.join('\n')).toMatch(/no-time: no readable importedAt; skipped/);
    expect(problems.join('\n')).toMatch(/damaged.hosts: skipped 1 entries that are not true/);
    expect(problems.join('\n')).toMatch(/damaged.hosts: skipped 1 invalid item/);
  });

  it('reads a top-level name that holds another type as empty, with a problem', () => {
    const doc = new Y.Doc();
    doc.getArray(NETWORK_LOG).push(['x']);
    expect(readNetworkLog(doc).tools.size).toBe(0);
    expect(readNetworkLog(doc).problems).toHaveLength(1);
  });
});
