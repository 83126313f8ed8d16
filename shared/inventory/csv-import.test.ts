import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRecord, readRegistry } from '../documents/registry/index.ts';
import { mapHeaders, mapInventoryImport, MAX_IMPORT_ROWS } from './csv-import.ts';

describe('mapping spreadsheet headers', () => {
  it('knows common names, whatever their case, spacing or a byte-order mark', () => {
    const columns = mapHeaders([
      '\ufeffTool',
      'Business owner',
      'USERS',
      'Lifecycle stage',
      'Vendor:',
      'Use case',
      'Department',
      'Data_categories',
      'Underlying model',
      'Model provider',
      'Type',
      'Notes',
    ]);
    expect(columns.map((c) => c.field)).toEqual([
      'name',
      'owner',
      'userCount',
      'lifecycle',
      'vendor',
      'purpose',
      'departments',
      'dataCategories',
      'model',
      'provider',
      'category',
      undefined,
    ]);
  });

  it('takes the first of two columns for one field and leaves the second out', () => {
    expect(mapHeaders(['System', 'Name']).map((c) => c.field)).toEqual(['name', undefined]);
  });
});

describe('mapping rows to records', () => {
  it('reads values people write, into the registry’s values', () => {
    const result = mapInventoryImport([
      ['Name', 'Owner', 'Lifecycle', 'Category', 'Users', 'Departments', 'Data'],
      ['HireRank', ' Dana ', 'In use', 'Chat assistant', '1,200', 'HR; Sales, HR', 'PII, customer'],
      ['Copilot', '', 'Pilot', 'coding-assistant', '40', '', 'source code'],
      ['Old bot', '', 'Decommissioned', 'Other', '', '', ''],
    ]);
    expect(result.fatal).toBeUndefined();
    expect(result.errors).toEqual([]);
    expect(result.records).toEqual([
      {
        row: 2,
        fields: {
          name: 'HireRank',
          owner: 'Dana',
          lifecycle: 'in-use',
          category: 'chat-assistant',
          userCount: 1200,
          departments: ['HR', 'Sales'],
          dataCategories: ['personal', 'customer'],
        },
      },
      {
        row: 3,
        fields: {
          name: 'Copilot',
          lifecycle: 'development',
          category: 'coding-assistant',
          userCount: 40,
          dataCategories: ['source-code'],
        },
      },
      { row: 4, fields: { name: 'Old bot', lifecycle: 'retired', category: 'other' } },
    ]);
  });

  it('lists each bad row with its number and why, and keeps the good ones', () => {
    const result = mapInventoryImport([
      ['Tool', 'Lifecycle', 'Users', 'Category', 'Data categories', 'Purpose'],
      ['Good', 'live', '3', '', '', ''],
      ['', 'live', '3', '', '', ''],
      ['Bad stage', 'someday', '', '', '', ''],
      ['Bad users', '', 'about 50', '', '', ''],
      ['Bad category', '', '', 'Spreadsheet', '', ''],
      ['Bad data', '', '', '', 'gossip', ''],
      ['Too long', '', '', '', '', 'x'.repeat(2001)],
      ['', '', '', '', '', ''],
      ['Also good'],
    ]);
    expect(result.records.map((r) => [r.row, r.fields.name])).toEqual([
      [2, 'Good'],
      [10, 'Also good'],
    ]);
    expect(result.errors.map((e) => e.row)).toEqual([3, 4, 5, 6, 7, 8]);
    const reasons = result.errors.map((e) => e.reason);
    expect(reasons[0]).toBe('no name');
    expect(reasons[1]).toMatch(/^Lifecycle "someday" is not one of/);
    expect(reasons[2]).toBe('Users "about 50" is not a whole number');
    expect(reasons[3]).toMatch(/^Category "Spreadsheet" is not one of: Chat assistant/);
    expect(reasons[4]).toMatch(/^Data category "gossip"/);
    expect(reasons[5]).toBe('Purpose is longer than 2000 characters');
  });

  it('treats names already in the inventory or earlier in the file as duplicates', () => {
    const result = mapInventoryImport(
      [['Name'], ['ChatGPT'], ['Claude'], ['  claude '], ['Gemini']],
      ['chatgpt', 'Perplexity'],
    );
    expect(result.records.map((r) => r.fields.name)).toEqual(['Claude', 'Gemini']);
    expect(result.duplicates).toEqual([
      { row: 2, reason: '"ChatGPT" is already in the inventory' },
      { row: 4, reason: '"claude" is already on row 3' },
    ]);
  });

  it('refuses a file it cannot read at all, saying why', () => {
    expect(mapInventoryImport([]).fatal).toMatch(/no header row/);
    expect(
      mapInventoryImport([
        ['Owner', 'Users'],
        ['Dana', '3'],
      ]).fatal,
    ).toMatch(/No column holds the names/);
    expect(mapInventoryImport([['Name'], ['', '']]).fatal).toMatch(/no rows/);
    const many = [['Name'], ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => [`t${i}`])];
    const tooMany = mapInventoryImport(many);
    expect(tooMany.fatal).toMatch(/at most/);
    expect(tooMany.records).toEqual([]);
  });

  it('undoes the export’s formula guard, so the text stays as it was', () => {
    const result = mapInventoryImport([['Name'], ["'=SUM(A1)"], ["'plain"]]);
    expect(result.records.map((r) => r.fields.name)).toEqual(['=SUM(A1)', "'plain"]);
  });

  it('gives fields every registry writer accepts', () => {
    const result = mapInventoryImport([
      ['Name', 'Vendor', 'Owner', 'Lifecycle', 'Departments', 'Users', 'Data', 'Model', 'Provider'],
      ['A', 'V', 'O', 'retired', 'X;Y', '0', 'none', 'm', 'p'],
    ]);
    const doc = new Y.Doc();
    createRecord(doc, 'r1', result.records[0]!.fields, 'me', 1);
    expect(readRegistry(doc).records.get('r1')).toMatchObject(result.records[0]!.fields);
  });
});
