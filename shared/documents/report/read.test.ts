import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addFlag } from './flags.ts';
import { recordSightings, setReportMeta } from './record.ts';
import { readReport } from './read.ts';
import { FLAGS, TOOLS } from './schema.ts';

const T0 = Date.UTC(2026, 2, 10, 9);

function aReport(): Y.Doc {
  const doc = new Y.Doc();
  setReportMeta(doc, { reporterId: 'r1', extensionVersion: '1.0.0', catalogVersion: '2026.11.25' });
  recordSightings(doc, [
    {
      toolKey: 'chatgpt',
      name: 'ChatGPT',
      category: 'chat-assistant',
      host: 'chatgpt.com',
      signal: 'visit',
      at: T0,
    },
    {
      toolKey: 'openai-api',
      name: 'OpenAI API',
      category: 'model-hosting-api',
      host: 'api.openai.com',
      signal: 'api-call',
      embeddedIn: 'crm.acme.com',
      at: T0 + 1000,
    },
  ]);
  addFlag(doc, {
    id: 'f1',
    toolKey: 'chatgpt',
    host: 'chatgpt.com',
    name: 'ChatGPT',
    purpose: 'drafting',
    dataCategories: ['personal'],
    note: '',
    createdAt: T0,
  });
  return doc;
}

function sync(from: Y.Doc): Y.Doc {
  const to = new Y.Doc();
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from));
  return to;
}

/** Writes into the tool map of a synced copy, as a hostile or buggy client could. */
function toolOf(doc: Y.Doc, key: string): Y.Map<unknown> {
  return doc.getMap<Y.Map<unknown>>(TOOLS).get(key)!;
}

describe('readReport', () => {
  it('reads back identically on another replica', () => {
    const doc = aReport();
    const report = readReport(doc);
    expect(report.problems).toEqual([]);
    expect(report.tools.map((t) => t.toolKey)).toEqual(['chatgpt', 'openai-api']);
    expect(readReport(sync(doc))).toEqual(report);
  });

  it('reads an empty document as an empty report', () => {
    expect(readReport(new Y.Doc())).toEqual({
      schemaVersion: 0,
      tools: [],
      flags: [],
      problems: [],
    });
  });

  it('skips and reports records of the wrong shape', () => {
    const doc = sync(aReport());
    doc.getMap(TOOLS).set('x', 42);
    doc.getMap(TOOLS).set('arr', new Y.Array());
    doc.getMap(TOOLS).set('Bad Key', new Y.Map());
    doc.getMap(FLAGS).set('f2', 'flagged!');
    const report = readReport(doc);
    expect(report.tools.map((t) => t.toolKey)).toEqual(['chatgpt', 'openai-api']);
    expect(report.flags).toHaveLength(1);
    expect(report.problems).toEqual([
      'tools."Bad Key": not a valid key; skipped',
      'tools.arr: expected a map, got a YArray; skipped',
      'tools.x: expected a map, got 42; skipped',
      'flags.f2: expected a map, got a string; skipped',
    ]);
  });

  it('skips and reports fields of the wrong shape, keeping the rest of the tool', () => {
    const doc = sync(aReport());
    const tool = toolOf(doc, 'chatgpt');
    tool.set('firstSeen', 'yesterday');
    tool.set('name', 'n'.repeat(1_000_000));
    tool.set('category', 'weapons');
    tool.set('signals', ['visit']);
    tool.set('hosts', new Y.Array());
    const days = tool.get('days') as Y.Map<unknown>;
    days.set('2026-13-45', 3);
    days.set('2026-03-11', -1);
    const report = readReport(doc);
    expect(report.tools[0]).toMatchObject({
      toolKey: 'chatgpt',
      name: 'chatgpt',
      category: 'other',
      firstSeen: Date.UTC(2026, 2, 10),
      signals: new Map(),
      hosts: new Map(),
      days: new Map([['2026-03-10', 1]]),
    });
    expect(report.problems).toEqual([
      'tools.chatgpt.days: skipped 2 invalid entries',
      'tools.chatgpt.firstSeen: expected a number, got a string',
      'tools.chatgpt.name: expected at most 100 characters, got 1000000',
      'tools.chatgpt.category: expected one of ' + report.problems[3]!.split('one of ')[1],
      'tools.chatgpt.signals: expected a map, got an array',
      'tools.chatgpt.hosts: expected a map, got a YArray',
    ]);
  });

  it('skips a tool with no readable time and a flag with no tool', () => {
    const doc = sync(aReport());
    const tool = toolOf(doc, 'openai-api');
    tool.set('firstSeen', null);
    tool.delete('lastSeen');
    tool.delete('days');
    const flag = doc.getMap<Y.Map<unknown>>(FLAGS).get('f1')!;
    flag.set('toolKey', { evil: true });
    flag.set('dataCategories', ['personal', 'secrets']);
    const report = readReport(doc);
    expect(report.tools.map((t) => t.toolKey)).toEqual(['chatgpt']);
    expect(report.flags).toEqual([]);
    expect(report.problems).toContain('tools.openai-api: no readable time; skipped');
    expect(report.problems).toContain('flags.f1: no readable toolKey or createdAt; skipped');
  });

  it('reports top-level types of the wrong kind instead of throwing', () => {
    const remote = new Y.Doc();
    remote.getArray(TOOLS).push([1, 2, 3]);
    const doc = sync(remote);
    doc.getArray(FLAGS);
    doc.getMap('meta').set('reporterId', 7);
    const report = readReport(doc);
    expect(report.tools).toEqual([]);
    expect(report.problems).toEqual([
      'meta.reporterId: expected a string, got 7',
      'tools: holds list items where a map was expected; they are ignored',
      'flags: expected a map, found another type',
    ]);
  });
});
