import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addFlag, removeFlag } from './flags.ts';
import { readReport } from './read.ts';
import { FLAGS, type ReportFlag } from './schema.ts';

const flag: ReportFlag = {
  id: 'f1',
  toolKey: 'host:notes-ai.example',
  host: 'notes-ai.example',
  name: 'Notes AI',
  purpose: 'Summarising meeting notes',
  dataCategories: ['customer', 'confidential'],
  note: '',
  createdAt: Date.UTC(2026, 2, 10, 12),
};

describe('flags', () => {
  it('adds a flag and reads it back; empty text is not stored', () => {
    const doc = new Y.Doc();
    addFlag(doc, flag);
    expect(readReport(doc).flags).toEqual([
      { ...flag, dataCategories: ['confidential', 'customer'] },
    ]);
    const stored = doc.getMap<Y.Map<unknown>>(FLAGS).get('f1')!;
    expect(stored.has('note')).toBe(false);
    expect((stored.get('dataCategories') as Y.Map<unknown>).toJSON()).toEqual({
      customer: true,
      confidential: true,
    });
  });

  it('updates a flag with the same id by its differences only', () => {
    const doc = new Y.Doc();
    addFlag(doc, flag);
    let updates = 0;
    doc.on('update', () => updates++);
    addFlag(doc, flag);
    expect(updates).toBe(0);
    addFlag(doc, { ...flag, dataCategories: ['customer'], note: 'asked IT' });
    expect(readReport(doc).flags[0]).toMatchObject({
      dataCategories: ['customer'],
      note: 'asked IT',
    });
  });

  it('withdraws a flag', () => {
    const doc = new Y.Doc();
    addFlag(doc, flag);
    expect(removeFlag(doc, 'f1')).toBe(true);
    expect(removeFlag(doc, 'f1')).toBe(false);
    expect(readReport(doc).flags).toEqual([]);
  });

  it.each([
    ['a bad id', { id: 'a/b' }],
    ['a bad tool key', { toolKey: 'host:' }],
    ['a bad host', { host: 'https://x.com' }],
    ['a purpose over 500 characters', { purpose: 'p'.repeat(501) }],
    ['a note over 1000 characters', { note: 'n'.repeat(1001) }],
    ['an unknown data category', { dataCategories: ['secrets'] }],
    ['no time', { createdAt: undefined }],
  ])('refuses %s and changes nothing', (_, bad) => {
    const doc = new Y.Doc();
    expect(() => addFlag(doc, { ...flag, ...bad } as ReportFlag)).toThrow();
    expect(doc.getMap(FLAGS).size).toBe(0);
  });
});
