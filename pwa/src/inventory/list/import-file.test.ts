import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readRegistry } from '../../../../shared/documents/registry/index.ts';
import { importRecords, readInventoryCsv } from './import-file.ts';

describe('reading an inventory CSV', () => {
  it('reads quoted cells, CRLF and the semicolons of a European spreadsheet', async () => {
    const comma = await readInventoryCsv(
      'Name,Purpose\r\n"A, Inc bot","line one\nline two"\r\n',
      [],
    );
    expect(comma.records.map((r) => r.fields)).toEqual([
      { name: 'A, Inc bot', purpose: 'line one\nline two' },
    ]);
    const semicolon = await readInventoryCsv('Tool;Owner;Users\nB;Dana;3\n', []);
    expect(semicolon.records.map((r) => r.fields)).toEqual([
      { name: 'B', owner: 'Dana', userCount: 3 },
    ]);
  });

  it('refuses broken quoting whole', async () => {
    const broken = await readInventoryCsv('Name\n"never closed\nB\n', []);
    expect(broken.fatal).toMatch(/^The file is not valid CSV/);
    expect(broken.records).toEqual([]);
  });
});

describe('importing records', () => {
  it('writes every row in one transaction, with fresh ids', () => {
    const doc = new Y.Doc();
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    const ids = importRecords(
      doc,
      [
        { row: 2, fields: { name: 'A' } },
        { row: 3, fields: { name: 'B', owner: 'Sam' } },
      ],
      'lead',
      5,
    );
    expect(transactions).toBe(1);
    expect(ids).toHaveLength(2);
    expect(ids.every((id) => /^[0-9a-f]{32}$/.test(id))).toBe(true);
    expect(readRegistry(doc).records.get(ids[1]!)).toMatchObject({ name: 'B', owner: 'Sam' });
  });

  it('writes nothing when any row would be refused, naming the row', () => {
    const doc = new Y.Doc();
    const before = Y.encodeStateAsUpdate(doc);
    const rows = [
      { row: 2, fields: { name: 'A' } },
      { row: 7, fields: { name: 'B', userCount: -1 } },
    ];
    expect(() => importRecords(doc, rows, 'lead', 5)).toThrow(/^Row 7: userCount/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});
