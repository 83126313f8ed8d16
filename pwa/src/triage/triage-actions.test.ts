import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createRecord, readRegistry } from '../../../shared/documents/registry/index.ts';
import {
  dayAfter,
  dismiss,
  isSetAside,
  mergeInto,
  newRecordId,
  openRecord,
  parseDay,
  snooze,
  triageLabel,
  type TriageSubject,
} from './triage-actions.ts';

const AT = Date.UTC(2026, 2, 10, 12);
const lead = { by: 'lead-1', at: AT };
const claude: TriageSubject = {
  toolKey: 'anthropic-claude',
  name: 'Claude',
  category: 'chat-assistant',
  dataCategories: ['customer', 'personal', 'customer', 'not-a-kind'],
};

describe('triage actions on the registry', () => {
  it('opens a record from a discovery and marks the discovery open with it', () => {
    const doc = new Y.Doc();
    expect(openRecord(doc, claude, '  Claude for Work ', lead, 'rec-1')).toBe('rec-1');
    const registry = readRegistry(doc);
    expect(registry.problems).toEqual([]);
    expect(registry.records.get('rec-1')).toEqual({
      id: 'rec-1',
      name: 'Claude for Work',
      category: 'chat-assistant',
      toolKeys: ['anthropic-claude'],
      dataCategories: ['customer', 'personal'],
      departments: [],
      createdAt: AT,
      createdBy: 'lead-1',
      updatedAt: AT,
      updatedBy: 'lead-1',
    });
    expect(registry.triage.get('anthropic-claude')).toEqual({
      state: 'open',
      recordId: 'rec-1',
      by: 'lead-1',
      at: AT,
    });
  });

  it('writes the record and the decision in one update', () => {
    const doc = new Y.Doc();
    const updates = vi.fn();
    doc.on('update', updates);
    openRecord(doc, claude, 'Claude', lead);
    expect(updates).toHaveBeenCalledTimes(1);
  });

  it('gives each new record a fresh id, even without crypto.randomUUID (plain http)', () => {
    const ids = new Set([newRecordId(), newRecordId()]);
    expect(ids.size).toBe(2);
    vi.stubGlobal('crypto', { getRandomValues: crypto.getRandomValues.bind(crypto) });
    try {
      expect(newRecordId()).toMatch(/^[0-9a-f]{32}$/);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('merges a discovery into a record, keeping the tool keys it had', () => {
    const doc = new Y.Doc();
    createRecord(doc, 'rec-1', { name: 'ChatGPT', toolKeys: ['openai-chatgpt'] }, 'lead-2', AT);
    mergeInto(doc, 'host:chat.acme-ai.example', 'rec-1', { by: 'lead-1', at: AT + 5 });
    const registry = readRegistry(doc);
    expect(registry.records.get('rec-1')).toMatchObject({
      toolKeys: ['host:chat.acme-ai.example', 'openai-chatgpt'],
      updatedBy: 'lead-1',
      updatedAt: AT + 5,
    });
    expect(registry.triage.get('host:chat.acme-ai.example')).toEqual({
      state: 'merged',
      recordId: 'rec-1',
      by: 'lead-1',
      at: AT + 5,
    });
  });

  it('keeps a tool key another lead added to the record at the same time', () => {
    const a = new Y.Doc();
    createRecord(a, 'rec-1', { name: 'ChatGPT', toolKeys: ['openai-chatgpt'] }, 'l', AT);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    mergeInto(a, 'openai-api', 'rec-1', lead);
    mergeInto(b, 'host:gpt.example', 'rec-1', { by: 'lead-2', at: AT });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(readRegistry(a).records.get('rec-1')?.toolKeys).toEqual([
      'host:gpt.example',
      'openai-api',
      'openai-chatgpt',
    ]);
  });

  it('dismisses with a reason, and only with one', () => {
    const doc = new Y.Doc();
    expect(() => dismiss(doc, 'anthropic-claude', '   ', lead)).toThrow(/why/);
    expect(readRegistry(doc).triage.size).toBe(0);
    dismiss(doc, 'anthropic-claude', ' A test page, not a tool ', lead);
    expect(readRegistry(doc).triage.get('anthropic-claude')).toEqual({
      state: 'dismissed',
      reason: 'A test page, not a tool',
      by: 'lead-1',
      at: AT,
    });
  });

  it('snoozes until a later time, replacing an earlier decision', () => {
    const doc = new Y.Doc();
    dismiss(doc, 'anthropic-claude', 'noise', lead);
    expect(() => snooze(doc, 'anthropic-claude', AT, lead)).toThrow(/future/);
    snooze(doc, 'anthropic-claude', AT + 86_400_000, lead);
    expect(readRegistry(doc).triage.get('anthropic-claude')).toEqual({
      state: 'snoozed',
      snoozedUntil: AT + 86_400_000,
      by: 'lead-1',
      at: AT,
      // The dismissal it replaced is kept.
      earlier: [{ state: 'dismissed', reason: 'noise', by: 'lead-1', at: AT }],
    });
  });

  it('refuses bad input and changes nothing', () => {
    const doc = new Y.Doc();
    createRecord(doc, 'rec-1', { name: 'ChatGPT' }, 'l', AT);
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => openRecord(doc, claude, '  ', lead)).toThrow(/name/);
    expect(() => openRecord(doc, claude, 'Claude', lead, 'rec-1')).toThrow(/already exists/);
    expect(() => openRecord(doc, { ...claude, toolKey: 'Not A Key' }, 'x', lead)).toThrow(
      /tool key/,
    );
    expect(() => mergeInto(doc, 'anthropic-claude', 'rec-9', lead)).toThrow(/no longer exists/);
    expect(() => dismiss(doc, 'anthropic-claude', 'x'.repeat(1001), lead)).toThrow(/1000/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});

describe('triage in words', () => {
  it('sets dismissed and still-snoozed tools aside, and names the state', () => {
    const entry = (state: 'open' | 'dismissed' | 'snoozed', extra = {}) => ({
      state,
      by: 'l',
      at: AT,
      ...extra,
    });
    expect(isSetAside(undefined, AT)).toBe(false);
    expect(isSetAside(entry('open', { recordId: 'r' }), AT)).toBe(false);
    expect(isSetAside(entry('dismissed'), AT)).toBe(true);
    expect(isSetAside(entry('snoozed', { snoozedUntil: AT + 1 }), AT)).toBe(true);
    expect(isSetAside(entry('snoozed', { snoozedUntil: AT }), AT)).toBe(false);

    const names = (id: string) => (id === 'r' ? 'ChatGPT' : undefined);
    expect(triageLabel(undefined, AT)).toBe('New');
    expect(triageLabel(entry('open', { recordId: 'r' }), AT, names)).toBe('Opened as ChatGPT');
    expect(triageLabel(entry('open', { recordId: 'gone' }), AT, names)).toBe('Opened');
    expect(triageLabel(entry('dismissed'), AT)).toBe('Dismissed');
    expect(triageLabel(entry('snoozed', { snoozedUntil: Date.UTC(2026, 3, 1) }), AT)).toBe(
      'Snoozed until 2026-04-01',
    );
    expect(triageLabel(entry('snoozed', { snoozedUntil: AT - 1 }), AT)).toBe('Snooze over');
  });

  it('reads a date field as the start of that day, UTC', () => {
    expect(parseDay('2026-04-01')).toBe(Date.UTC(2026, 3, 1));
    expect(parseDay('2026-02-30')).toBeUndefined();
    expect(parseDay('')).toBeUndefined();
    expect(dayAfter(AT, 7)).toBe('2026-03-17');
  });
});
