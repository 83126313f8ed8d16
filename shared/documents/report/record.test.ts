import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LAST_SEEN_REFRESH, recordSightings, setReportMeta } from './record.ts';
import { readReport } from './read.ts';
import { MAX_EMBEDDED_IN, MAX_HOSTS, TOOLS, type Sighting } from './schema.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 10, 9, 30); // a Tuesday morning
const D0 = Date.UTC(2026, 2, 10);

const chatgpt = (at: number, extra: Partial<Sighting> = {}): Sighting => ({
  toolKey: 'chatgpt',
  name: 'ChatGPT',
  category: 'chat-assistant',
  host: 'chatgpt.com',
  signal: 'visit',
  at,
  ...extra,
});

function updatesOf(doc: Y.Doc, run: () => void): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const keep = (u: Uint8Array) => updates.push(u);
  doc.on('update', keep);
  run();
  doc.off('update', keep);
  return updates;
}

describe('recordSightings', () => {
  it('coalesces a batch into one transaction: day counts, earliest and latest', () => {
    const doc = new Y.Doc();
    const updates = updatesOf(doc, () =>
      recordSightings(doc, [
        chatgpt(T0 + 5000),
        chatgpt(T0, { signal: 'api-call', host: 'api.openai.com', embeddedIn: 'crm.acme.com' }),
        chatgpt(T0 + DAY),
        chatgpt(T0 + DAY + 1),
      ]),
    );
    expect(updates).toHaveLength(1);
    const [tool] = readReport(doc).tools;
    expect(tool).toEqual({
      toolKey: 'chatgpt',
      name: 'ChatGPT',
      category: 'chat-assistant',
      firstSeen: D0,
      lastSeen: D0 + DAY,
      signals: new Map([
        ['api-call', D0],
        ['visit', D0 + DAY],
      ]),
      hosts: new Map([
        ['api.openai.com', D0],
        ['chatgpt.com', D0 + DAY],
      ]),
      embeddedIn: new Map([['crm.acme.com', D0]]),
      days: new Map([
        ['2026-03-10', 2],
        ['2026-03-11', 2],
      ]),
    });
    expect(readReport(doc).schemaVersion).toBe(1);
  });

  it('adds counts across batches and keeps the earliest first sighting', () => {
    const doc = new Y.Doc();
    recordSightings(doc, [chatgpt(T0 + 2 * DAY)]);
    recordSightings(doc, [chatgpt(T0), chatgpt(T0 + 2 * DAY)]);
    const [tool] = readReport(doc).tools;
    expect(tool?.firstSeen).toBe(D0);
    expect(tool?.lastSeen).toBe(D0 + 2 * DAY);
    expect([...tool!.days]).toEqual([
      ['2026-03-10', 1],
      ['2026-03-12', 2],
    ]);
  });

  it('writes nothing when a batch changes no stored value but the day count', () => {
    const doc = new Y.Doc();
    recordSightings(doc, [chatgpt(T0)]);
    const tools = doc.getMap<Y.Map<unknown>>(TOOLS);
    const changed: string[] = [];
    tools.observeDeep((events) => {
      for (const event of events) for (const key of event.keys.keys()) changed.push(key);
    });
    recordSightings(doc, [chatgpt(T0 + 3 * 3_600_000)]);
    expect(changed).toEqual(['2026-03-10']);
  });

  it('refreshes a lastSeen only once it is a week out of date; the day buckets say the rest', () => {
    const doc = new Y.Doc();
    recordSightings(doc, [chatgpt(T0)]);
    const stored = () => doc.getMap<Y.Map<unknown>>(TOOLS).get('chatgpt')!.get('lastSeen');
    recordSightings(doc, [chatgpt(T0 + 3 * DAY)]);
    expect(stored()).toBe(D0);
    expect(readReport(doc).tools[0]?.lastSeen).toBe(D0 + 3 * DAY);
    recordSightings(doc, [chatgpt(T0 + LAST_SEEN_REFRESH)]);
    expect(stored()).toBe(D0 + LAST_SEEN_REFRESH);
  });

  it('keeps the 20 most recent hosts, the 50 most recent sites and 90 days', () => {
    const doc = new Y.Doc();
    const batch: Sighting[] = [];
    for (let i = 0; i < 30; i++)
      batch.push(chatgpt(T0 + i * 6 * DAY, { host: `h${i}.chatgpt.com` }));
    for (let i = 0; i < 60; i++) {
      batch.push(chatgpt(T0 + i * 3 * DAY, { signal: 'api-call', embeddedIn: `s${i}.acme.com` }));
    }
    for (let i = 0; i < 200; i++) batch.push(chatgpt(T0 + i * DAY));
    recordSightings(doc, batch);
    const [tool] = readReport(doc).tools;
    expect(tool!.hosts.size).toBe(MAX_HOSTS);
    expect(tool!.hosts.has('h29.chatgpt.com')).toBe(true);
    expect(tool!.hosts.has('h9.chatgpt.com')).toBe(false);
    expect(tool!.embeddedIn.size).toBe(MAX_EMBEDDED_IN);
    expect(tool!.embeddedIn.has('s59.acme.com')).toBe(true);
    expect(tool!.embeddedIn.has('s9.acme.com')).toBe(false);
    const days = [...tool!.days.keys()];
    expect(days).toHaveLength(90);
    expect(days[0]).toBe('2026-06-28'); // 89 days before the newest
    expect(days.at(-1)).toBe('2026-09-25'); // 199 days after the first
    expect(tool!.firstSeen).toBe(D0); // firstSeen outlives the pruned days
  });

  it('never writes a day that falls out of the window in the same batch', () => {
    const doc = new Y.Doc();
    recordSightings(doc, [chatgpt(T0 + 200 * DAY)]);
    recordSightings(doc, [chatgpt(T0)]);
    const days = doc.getMap<Y.Map<unknown>>(TOOLS).get('chatgpt')!.get('days') as Y.Map<unknown>;
    expect([...days.keys()]).toEqual([new Date(T0 + 200 * DAY).toISOString().slice(0, 10)]);
    expect(readReport(doc).tools[0]?.firstSeen).toBe(D0);
  });

  it('repairs values of the wrong shape it finds while writing', () => {
    const doc = new Y.Doc();
    recordSightings(doc, [chatgpt(T0)]);
    const tool = doc.getMap<Y.Map<unknown>>(TOOLS).get('chatgpt')!;
    tool.set('firstSeen', 'yesterday');
    tool.set('hosts', ['chatgpt.com']);
    doc.getMap(TOOLS).set('claude', 42);
    recordSightings(doc, [
      chatgpt(T0 + DAY),
      chatgpt(T0, { toolKey: 'claude', name: 'Claude', host: 'claude.ai' }),
    ]);
    const report = readReport(doc);
    expect(report.problems).toEqual([]);
    expect(report.tools.map((t) => [t.toolKey, t.firstSeen, [...t.hosts.keys()]])).toEqual([
      ['chatgpt', D0, ['chatgpt.com']],
      ['claude', D0, ['claude.ai']],
    ]);
  });

  it.each([
    ['a bad tool key', { toolKey: 'Chat GPT' }],
    ['an empty name', { name: '' }],
    ['a huge name', { name: 'x'.repeat(101) }],
    ['an unknown category', { category: 'weapons' }],
    ['a URL for a host', { host: 'https://chatgpt.com/c/123' }],
    ['an unknown signal', { signal: 'keystroke' }],
    ['a bad site', { embeddedIn: 'a b' }],
    ['a bad time', { at: Number.NaN }],
    ['a time past year 9999', { at: 1e16 }],
  ])('refuses a batch with %s and changes nothing', (_, bad) => {
    const doc = new Y.Doc();
    const before = Y.encodeStateAsUpdate(doc);
    expect(() =>
      recordSightings(doc, [chatgpt(T0), chatgpt(T0, bad as Partial<Sighting>)]),
    ).toThrow(/sighting 1/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('refuses to write a report from a newer schema', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('schemaVersion', 99);
    expect(() => recordSightings(doc, [chatgpt(T0)])).toThrow(/read-only/);
    expect(doc.getMap(TOOLS).size).toBe(0);
  });
});

describe('setReportMeta', () => {
  it('writes the meta once and then only what changes', () => {
    const doc = new Y.Doc();
    const meta = { reporterId: 'r-0f3a', extensionVersion: '1.0.0', catalogVersion: '2026.11.25' };
    setReportMeta(doc, meta);
    expect(updatesOf(doc, () => setReportMeta(doc, meta))).toHaveLength(0);
    setReportMeta(doc, { ...meta, extensionVersion: '1.0.1' });
    expect(readReport(doc)).toMatchObject({ ...meta, extensionVersion: '1.0.1', schemaVersion: 1 });
    expect(() => setReportMeta(doc, { ...meta, reporterId: '../x' })).toThrow(/reporterId/);
  });
});
