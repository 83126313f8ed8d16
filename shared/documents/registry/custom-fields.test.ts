import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CUSTOM_FIELDS,
  MAX_CUSTOM_FIELDS_PER_RECORD,
  readCustomFields,
  readRecordCustomFields,
  setCustomFields,
} from './custom-fields.ts';
import { createRecord, readRecordLogs } from './index.ts';

function withRecord() {
  const doc = new Y.Doc();
  createRecord(doc, 'r1', { name: 'Claude' }, 'lead', 1);
  return doc;
}

describe('custom fields', () => {
  it('sets, changes and clears named fields, with one history entry per change', () => {
    const doc = withRecord();
    expect(setCustomFields(doc, 'r1', { Bureau: 'OCIO', 'Risk tier': 'High' }, 'lead', 2)).toBe(
      true,
    );
    expect(setCustomFields(doc, 'r1', { Bureau: 'OCIO' }, 'lead', 3)).toBe(false);
    expect(setCustomFields(doc, 'r1', { Bureau: 'HR', 'Risk tier': null }, 'sam', 4)).toBe(true);
    expect(readRecordCustomFields(doc, 'r1')).toEqual([{ name: 'Bureau', value: 'HR' }]);
    const history = readRecordLogs(doc, 'r1').history;
    expect(history.map((h) => [h.by, h.fields, h.summary])).toEqual([
      ['sam', ['customFields'], 'Bureau: “OCIO” → “HR”; Risk tier: “High” → (none)'],
      ['lead', ['customFields'], 'Bureau: (none) → “OCIO”; Risk tier: (none) → “High”'],
    ]);
  });

  it('refuses bad input and changes nothing', () => {
    const doc = withRecord();
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => setCustomFields(doc, 'nope', { A: 'x' }, 'lead', 2)).toThrow(/no record/);
    expect(() => setCustomFields(doc, 'r1', { ' A': 'x' }, 'lead', 2)).toThrow(/untrimmed/);
    expect(() => setCustomFields(doc, 'r1', { A: '' }, 'lead', 2)).toThrow(/1–4000/);
    expect(() => setCustomFields(doc, 'r1', { A: 'x' }, '', 2)).toThrow(/by/);
    const many = Object.fromEntries(
      Array.from({ length: MAX_CUSTOM_FIELDS_PER_RECORD + 1 }, (_, i) => [`F${i}`, 'x']),
    );
    expect(() => setCustomFields(doc, 'r1', many, 'lead', 2)).toThrow(/at most 100/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('reads a damaged map without trusting it', () => {
    const doc = withRecord();
    const map = doc.getMap<unknown>(CUSTOM_FIELDS);
    map.set('r1/Good', 'yes');
    map.set('r1/Number', 42);
    map.set('no-slash', 'x');
    map.set('bad id!/Name', 'x');
    map.set('r1/', 'x');
    const { byRecord, problems } = readCustomFields(doc);
    expect(byRecord.get('r1')).toEqual([{ name: 'Good', value: 'yes' }]);
    expect(problems).toHaveLength(4);
  });

  it('counts fields another replica wrote or removed, after this one first wrote', () => {
    const doc = withRecord();
    setCustomFields(doc, 'r1', { First: 'x' }, 'lead', 2);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const many = Object.fromEntries(
      Array.from({ length: MAX_CUSTOM_FIELDS_PER_RECORD - 1 }, (_, i) => [`F${i}`, 'x']),
    );
    setCustomFields(other, 'r1', many, 'sam', 3);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    expect(() => setCustomFields(doc, 'r1', { OneMore: 'x' }, 'lead', 4)).toThrow(/at most 100/);
    setCustomFields(other, 'r1', { F0: null }, 'sam', 5);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    expect(setCustomFields(doc, 'r1', { OneMore: 'x' }, 'lead', 6)).toBe(true);
    expect(readRecordCustomFields(doc, 'r1')).toHaveLength(MAX_CUSTOM_FIELDS_PER_RECORD);
  });
});
