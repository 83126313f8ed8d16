import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readRegistry } from './read.ts';
import { registryIndexReader } from './record-index.ts';
import { deleteRecord, mergeRecords, setArchived } from './record-lifecycle.ts';
import { createRecord, updateRecord } from './records.ts';
import { RECORDS } from './schema.ts';
import { setTriage } from './triage.ts';

const AT = Date.UTC(2026, 4, 4, 9);
const lead = { by: 'lead-1', at: AT, reason: 'Tidying up' };

function exchange(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

/** Every way a record's name and presence can be: kept, conflicting, legacy, damaged, removed. */
function aRegistry(): Y.Doc {
  const doc = new Y.Doc();
  createRecord(doc, 'chatgpt', { name: 'ChatGPT Team', toolKeys: ['openai-chatgpt'] }, 'l', AT);
  createRecord(doc, 'copilot', { name: 'Copilot', toolKeys: ['microsoft-copilot'] }, 'l', AT);
  createRecord(doc, 'dup', { name: 'ChatGPT (dup)', toolKeys: ['openai-chatgpt'] }, 'l', AT);
  createRecord(doc, 'gone', { name: 'Old pilot' }, 'l', AT);
  createRecord(doc, 'shelved', { name: 'Shelved' }, 'l', AT);
  mergeRecords(doc, 'dup', 'chatgpt', lead);
  deleteRecord(doc, 'gone', lead);
  setArchived(doc, 'shelved', true, lead);
  // Two leads rename one record offline: a conflict, shown with its last value (rule RC1).
  const other = new Y.Doc();
  exchange(doc, other);
  updateRecord(doc, 'copilot', { name: 'Copilot for Sales' }, 'lead-a', AT + 1);
  updateRecord(other, 'copilot', { name: 'M365 Copilot' }, 'lead-b', AT + 1);
  exchange(doc, other);
  doc.transact(() => {
    const records = doc.getMap<Y.Map<unknown>>(RECORDS);
    // A schema-1 record (a plain `name` key) and one whose name is damaged.
    const legacy = new Y.Map<unknown>();
    records.set('legacy', legacy);
    legacy.set('name', 'Legacy tool');
    legacy.set('toolKeys', ['host:legacy.example']);
    const damaged = new Y.Map<unknown>();
    records.set('damaged', damaged);
    damaged.set('name', 42);
  });
  setTriage(doc, 'openai-chatgpt', { state: 'merged', recordId: 'chatgpt', by: 'l', at: AT });
  return doc;
}

describe('the registry index (names and tools, for the inbox)', () => {
  it('reads each record’s name and tools as the full reading does, and the same triage', () => {
    const doc = aRegistry();
    const full = readRegistry(doc);
    const index = registryIndexReader(doc).read();
    const refs = (records: Iterable<{ id: string; name: string; toolKeys: string[] }>) =>
      [...records].map(({ id, name, toolKeys }) => ({ id, name, toolKeys }));
    expect(refs(index.records.values())).toEqual(refs(full.records.values()));
    expect([...index.records.keys()]).toEqual([
      'chatgpt',
      'copilot',
      'damaged',
      'legacy',
      'shelved',
    ]);
    expect(index.records.get('damaged')?.name).toBe('damaged');
    expect(index.problems.some((problem) => problem.includes('damaged.name'))).toBe(true);
    expect(index.triage).toEqual(full.triage);
  });

  it('reads again what changed, and leaves out a record merged away later', () => {
    const doc = aRegistry();
    const reader = registryIndexReader(doc);
    const before = reader.read();
    updateRecord(doc, 'chatgpt', { name: 'ChatGPT Enterprise' }, 'l', AT + 2);
    mergeRecords(doc, 'shelved', 'chatgpt', { ...lead, at: AT + 3 });
    const after = reader.read();
    expect(after.records.get('chatgpt')?.name).toBe('ChatGPT Enterprise');
    expect(after.records.has('shelved')).toBe(false);
    // Unchanged records keep their identity (memoized views skip them).
    expect(after.records.get('legacy')).toBe(before.records.get('legacy'));
  });
});
