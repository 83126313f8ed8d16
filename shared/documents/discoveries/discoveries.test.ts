import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { discoveriesReader, readDiscoveries } from './read.ts';
import { META, SCHEMA_VERSION, TOOLS, type DiscoveryAggregate } from './schema.ts';
import { writeDiscovery } from './write.ts';

const D0 = Date.UTC(2026, 2, 10);

const aggregate: DiscoveryAggregate = {
  name: 'ChatGPT',
  category: 'chat-assistant',
  reporters: 12,
  firstSeen: D0,
  lastSeen: D0 + 86_400_000,
  signals: ['flag', 'visit'],
  hosts: ['chatgpt.com'],
  embeddedIn: [],
  flagCount: 2,
  purposes: ['drafting'],
  dataCategories: ['personal'],
};

/** What the reader gives for `aggregate` written without the relay's clock: firstSeen stands in. */
const asRead = { ...aggregate, firstReportedAt: D0 };

function sync(from: Y.Doc): Y.Doc {
  const to = new Y.Doc();
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from));
  return to;
}

describe('discoveries document', () => {
  it('reads back identically on another replica', () => {
    const doc = new Y.Doc();
    writeDiscovery(doc, 'chatgpt', aggregate, { updatedAt: D0 });
    writeDiscovery(doc, 'host:notes.example', { ...aggregate, name: 'Notes', reporterIds: ['r1'] });
    const read = readDiscoveries(doc);
    expect(read).toEqual({
      schemaVersion: SCHEMA_VERSION,
      updatedAt: D0,
      tools: [
        { toolKey: 'chatgpt', ...asRead },
        { toolKey: 'host:notes.example', ...asRead, name: 'Notes', reporterIds: ['r1'] },
      ],
      problems: [],
    });
    expect(readDiscoveries(sync(doc))).toEqual(read);
  });

  it('writes a tool only when its value changes, as one value, and deletes on undefined', () => {
    const doc = new Y.Doc();
    writeDiscovery(doc, 'chatgpt', aggregate);
    expect(doc.getMap(TOOLS).get('chatgpt')).not.toBeInstanceOf(Y.Map);
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    writeDiscovery(doc, 'chatgpt', { ...aggregate, hosts: ['chatgpt.com'] });
    expect(updates).toEqual([]);
    writeDiscovery(doc, 'chatgpt', {
      ...aggregate,
      reporters: 13,
      hosts: ['chat.openai.com', 'chatgpt.com'],
    });
    expect(updates).toHaveLength(1);
    expect(readDiscoveries(doc).tools[0]).toMatchObject({
      reporters: 13,
      hosts: ['chat.openai.com', 'chatgpt.com'],
    });
    writeDiscovery(doc, 'chatgpt', undefined);
    expect(readDiscoveries(doc).tools).toEqual([]);
  });

  it('reads a version 1 document (a nested map per tool) the same, and migrates it on the next write', () => {
    const v1 = new Y.Doc();
    v1.transact(() => {
      v1.getMap(META).set('schemaVersion', 1);
      const tool = new Y.Map<unknown>();
      v1.getMap(TOOLS).set('chatgpt', tool);
      for (const [key, value] of Object.entries(aggregate)) tool.set(key, value);
    });
    expect(readDiscoveries(v1).tools).toEqual([{ toolKey: 'chatgpt', ...asRead }]);
    expect(readDiscoveries(v1).problems).toEqual([]);
    writeDiscovery(v1, 'claude', { ...aggregate, name: 'Claude' });
    expect(v1.getMap(META).get('schemaVersion')).toBe(3);
    expect(typeof v1.getMap(TOOLS).get('chatgpt')).toBe('string');
    expect(readDiscoveries(v1).tools).toEqual([
      { toolKey: 'chatgpt', ...asRead },
      { toolKey: 'claude', ...asRead, name: 'Claude' },
    ]);
  });

  it('reads a version 2 document (a plain object per tool) the same, and migrates it to JSON text on the next write', () => {
    const v2 = new Y.Doc();
    v2.transact(() => {
      v2.getMap(META).set('schemaVersion', 2);
      v2.getMap(TOOLS).set('chatgpt', { ...aggregate });
    });
    expect(readDiscoveries(v2).tools).toEqual([{ toolKey: 'chatgpt', ...asRead }]);
    expect(readDiscoveries(v2).problems).toEqual([]);
    writeDiscovery(v2, 'claude', { ...aggregate, name: 'Claude' });
    expect(v2.getMap(META).get('schemaVersion')).toBe(3);
    expect(JSON.parse(v2.getMap(TOOLS).get('chatgpt') as string)).toEqual(aggregate);
    expect(readDiscoveries(v2).tools).toEqual([
      { toolKey: 'chatgpt', ...asRead },
      { toolKey: 'claude', ...asRead, name: 'Claude' },
    ]);
    // Written again, the tool takes the writer's exact text once; after that nothing changes.
    writeDiscovery(v2, 'chatgpt', aggregate);
    const updates: Uint8Array[] = [];
    v2.on('update', (update: Uint8Array) => updates.push(update));
    writeDiscovery(v2, 'chatgpt', aggregate);
    expect(updates).toEqual([]);
    expect(readDiscoveries(v2).tools[0]).toEqual({ toolKey: 'chatgpt', ...asRead });
  });

  it('keeps a document of 20,000 tools compact', () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      for (let i = 0; i < 20_000; i++) {
        writeDiscovery(
          doc,
          `host:tool${i}.example`,
          { ...aggregate, hosts: [`tool${i}.example`] },
          { reportedAt: D0 + 86_400_000 + i * 1_000 },
        );
      }
    });
    // In this shape version 1 (a nested map per tool) took about 360 bytes a tool, version 2 (a
    // plain object) about 231 (256 with the relay's firstReportedAt, DIG3), version 3 (JSON text,
    // decoded several times faster) about 303.
    expect(Y.encodeStateAsUpdate(doc).length / 20_000).toBeLessThan(320);
  });

  it('refuses a malformed aggregate and changes nothing', () => {
    const doc = new Y.Doc();
    const bad = [
      { ...aggregate, hosts: Array.from({ length: 21 }, (_, i) => `h${i}.example.com`) },
      { ...aggregate, reporters: -1 },
      { ...aggregate, signals: ['keystrokes'] },
      { ...aggregate, name: '' },
    ];
    for (const value of bad) expect(() => writeDiscovery(doc, 'chatgpt', value)).toThrow();
    expect(() => writeDiscovery(doc, 'Not A Key', aggregate)).toThrow(/tool key/);
    expect(doc.getMap(TOOLS).size).toBe(0);
  });

  it('skips and reports hostile content', () => {
    const doc = new Y.Doc();
    writeDiscovery(doc, 'chatgpt', aggregate);
    writeDiscovery(doc, 'claude', { ...aggregate, name: 'Claude' });
    const hostile = sync(doc);
    const tools = hostile.getMap<unknown>(TOOLS);
    const stored = (key: string) => JSON.parse(tools.get(key) as string) as object;
    tools.set('x', 42);
    tools.set('host:text.example', 'not JSON {');
    tools.set('host:list.example', '["a JSON list"]');
    tools.set('chatgpt', {
      ...stored('chatgpt'),
      reporters: 'many',
      hosts: {},
      purposes: ['ok', 'p'.repeat(100_000), 7],
      signals: Array.from({ length: 10_000 }, () => 'visit'),
    });
    tools.set('claude', {
      ...stored('claude'),
      firstSeen: 'yesterday',
      lastSeen: null,
    });
    tools.set('host:array.example', ['not', 'an', 'object']);
    const read = readDiscoveries(hostile);
    expect(read.tools).toEqual([
      // 10,000 copies of one signal read as that one signal.
      {
        toolKey: 'chatgpt',
        ...asRead,
        reporters: 0,
        hosts: [],
        purposes: ['ok'],
        signals: ['visit'],
      },
    ]);
    expect(read.problems).toEqual([
      'tools.chatgpt.reporters: expected a number, got a string',
      'tools.chatgpt.hosts: expected a list, got an object',
      'tools.chatgpt.purposes: skipped 2 invalid item(s)',
      'tools.claude.firstSeen: expected a number, got a string',
      'tools.claude.lastSeen: expected a number, got null',
      'tools.claude: no readable firstSeen or lastSeen; skipped',
      'tools."host:array.example": expected an object, got an array; skipped',
      'tools."host:list.example": expected an object, got a string; skipped',
      'tools."host:text.example": expected an object, got a string; skipped',
      'tools.x: expected an object, got 42; skipped',
    ]);
  });
});

describe('firstReportedAt: when the relay first knew a tool (docs/sync.md DIG3)', () => {
  const WEEK = 7 * 86_400_000;
  const stored = (doc: Y.Doc) =>
    JSON.parse(doc.getMap<string>(TOOLS).get('chatgpt')!) as Record<string, unknown>;

  it('is set once, by the first write with the relay clock, and no later write moves it', () => {
    const doc = new Y.Doc();
    // An extension offline for a week: the sighting is dated D0, the relay hears of it a week later.
    writeDiscovery(doc, 'chatgpt', aggregate, { reportedAt: D0 + WEEK });
    expect(readDiscoveries(doc).tools[0]).toMatchObject({
      firstSeen: D0,
      firstReportedAt: D0 + WEEK,
    });
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    // The same tool written again later (a report loaded again): nothing changes.
    writeDiscovery(doc, 'chatgpt', aggregate, { reportedAt: D0 + 2 * WEEK });
    expect(updates).toEqual([]);
    // A recount: more reporters, one of whom saw it earlier still.
    writeDiscovery(
      doc,
      'chatgpt',
      { ...aggregate, reporters: 13, firstSeen: D0 - WEEK },
      { reportedAt: D0 + 3 * WEEK },
    );
    writeDiscovery(doc, 'chatgpt', { ...aggregate, reporters: 14 });
    expect(readDiscoveries(sync(doc)).tools[0]).toMatchObject({
      reporters: 14,
      firstSeen: D0,
      firstReportedAt: D0 + WEEK,
    });
    // Gone from every report and back: known anew.
    writeDiscovery(doc, 'chatgpt', undefined);
    writeDiscovery(doc, 'chatgpt', aggregate, { reportedAt: D0 + 4 * WEEK });
    expect(readDiscoveries(doc).tools[0]!.firstReportedAt).toBe(D0 + 4 * WEEK);
  });

  it('a tool stored before the field existed keeps the date its readers took: its firstSeen', () => {
    const doc = new Y.Doc();
    writeDiscovery(doc, 'chatgpt', aggregate);
    expect(stored(doc)).not.toHaveProperty('firstReportedAt');
    expect(readDiscoveries(doc)).toMatchObject({ tools: [asRead], problems: [] });
    // The relay's next write pins it there, even as a late sighting moves firstSeen back.
    writeDiscovery(
      doc,
      'chatgpt',
      { ...aggregate, firstSeen: D0 - WEEK },
      { reportedAt: D0 + WEEK },
    );
    expect(stored(doc)).toMatchObject({ firstSeen: D0 - WEEK, firstReportedAt: D0 });
  });

  it('an unreadable firstReportedAt is reported and read as firstSeen; a bad clock is refused', () => {
    const doc = new Y.Doc();
    writeDiscovery(doc, 'chatgpt', aggregate, { reportedAt: D0 + WEEK });
    doc.getMap<unknown>(TOOLS).set('chatgpt', { ...stored(doc), firstReportedAt: 'last week' });
    const read = readDiscoveries(doc);
    expect(read.tools[0]!.firstReportedAt).toBe(D0);
    expect(read.problems).toEqual([
      'tools.chatgpt.firstReportedAt: expected a number, got a string',
    ]);
    // The relay's next write treats the damaged value as absent, and pins it to the stored firstSeen.
    writeDiscovery(doc, 'chatgpt', aggregate, { reportedAt: D0 + 2 * WEEK });
    expect(readDiscoveries(doc).tools[0]!.firstReportedAt).toBe(D0);
    expect(() => writeDiscovery(new Y.Doc(), 'chatgpt', aggregate, { reportedAt: -1 })).toThrow(
      /reportedAt/,
    );
  });
});

describe('discoveriesReader (read again after every change)', () => {
  it('reads what readDiscoveries reads after writes, deletions and hostile edits', () => {
    const doc = new Y.Doc();
    const reader = discoveriesReader(doc);
    expect(reader.read()).toEqual(readDiscoveries(doc));
    writeDiscovery(doc, 'chatgpt', aggregate, { updatedAt: D0 });
    writeDiscovery(doc, 'host:notes.example', { ...aggregate, name: 'Notes' });
    expect(reader.read()).toEqual(readDiscoveries(doc));
    const before = reader.read().tools[1];
    writeDiscovery(doc, 'chatgpt', { ...aggregate, reporters: 13 }, { updatedAt: D0 + 1 });
    const after = reader.read();
    expect(after).toEqual(readDiscoveries(doc));
    expect(after.tools[0]!.reporters).toBe(13);
    expect(after.tools[1]).toBe(before);
    doc.getMap(TOOLS).set('chatgpt', {
      ...(JSON.parse(doc.getMap(TOOLS).get('chatgpt') as string) as object),
      reporters: 'many',
    });
    doc.getMap(TOOLS).set('host:evil.example', 'not a map');
    writeDiscovery(doc, 'host:notes.example', undefined);
    expect(reader.read()).toEqual(readDiscoveries(doc));
    reader.destroy();
  });
});
