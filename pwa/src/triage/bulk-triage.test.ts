import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createRecord, readRegistry } from '../../../shared/documents/registry/index.ts';
import { dismissAll, mergeAllInto, snoozeAll } from './bulk-triage.ts';

const AT = Date.UTC(2026, 2, 10, 12);
const lead = { by: 'lead-1', at: AT };
const KEYS = ['openai-chatgpt', 'anthropic-claude', 'host:evil.example'];

function registry() {
  const doc = new Y.Doc();
  createRecord(doc, 'rec-1', { name: 'Chat assistants', toolKeys: ['openai-chatgpt'] }, 'x', 1);
  return doc;
}

/** Counts the updates a write makes (what the provider would send). */
function updatesOf(doc: Y.Doc, write: () => void): number {
  const updates = vi.fn();
  doc.on('update', updates);
  write();
  doc.off('update', updates);
  return updates.mock.calls.length;
}

describe('triage of a selection', () => {
  it('dismisses every selected tool with one reason, in one update', () => {
    const doc = registry();
    expect(updatesOf(doc, () => dismissAll(doc, KEYS, '  internal test tools ', lead))).toBe(1);
    const triage = readRegistry(doc).triage;
    for (const key of KEYS) {
      expect(triage.get(key)).toEqual({
        state: 'dismissed',
        reason: 'internal test tools',
        by: 'lead-1',
        at: AT,
      });
    }
  });

  it('snoozes every selected tool until the same day, in one update', () => {
    const doc = registry();
    const until = AT + 7 * 86_400_000;
    expect(updatesOf(doc, () => snoozeAll(doc, KEYS.slice(0, 2), until, lead))).toBe(1);
    const triage = readRegistry(doc).triage;
    expect(triage.get('openai-chatgpt')?.snoozedUntil).toBe(until);
    expect(triage.get('anthropic-claude')?.state).toBe('snoozed');
    expect(triage.has('host:evil.example')).toBe(false);
  });

  it('merges every selected tool into one record, keeping its tool keys once each', () => {
    const doc = registry();
    expect(updatesOf(doc, () => mergeAllInto(doc, [...KEYS, KEYS[1]!], 'rec-1', lead))).toBe(1);
    const { records, triage } = readRegistry(doc);
    expect([...(records.get('rec-1')?.toolKeys ?? [])].sort()).toEqual([...KEYS].sort());
    for (const key of KEYS) expect(triage.get(key)).toMatchObject({ state: 'merged' });
  });

  it('is undone in one step', () => {
    const doc = registry();
    const undo = new Y.UndoManager(doc.getMap('triage'), { captureTimeout: 0 });
    dismissAll(doc, KEYS, 'noise', lead);
    expect(readRegistry(doc).triage.size).toBe(3);
    undo.undo();
    expect(readRegistry(doc).triage.size).toBe(0);
  });

  it('changes nothing and says why on bad input', () => {
    const doc = registry();
    const untouched = () => expect(readRegistry(doc).triage.size).toBe(0);
    const writes = [
      () => dismissAll(doc, KEYS, '   ', lead),
      () => dismissAll(doc, [], 'noise', lead),
      () => dismissAll(doc, ['openai-chatgpt', 'Not A Key!'], 'noise', lead),
      () => snoozeAll(doc, KEYS, AT - 1, lead),
      () => mergeAllInto(doc, KEYS, 'rec-gone', lead),
    ];
    for (const write of writes) {
      expect(updatesOf(doc, () => expect(write).toThrow(/./))).toBe(0);
      untouched();
    }
    expect(() => dismissAll(doc, ['Not A Key!'], 'noise', lead)).toThrow('not a tool key');
    expect(() => mergeAllInto(doc, KEYS, 'rec-gone', lead)).toThrow('no longer exists');
  });
});
