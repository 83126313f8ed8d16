import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addNote,
  createRecord,
  decideEuAiActCategory,
  decideTier,
  readCustomFields,
  readRecordLogs,
  readRegistry,
  setCustomFields,
  setUseProfile,
  updateRecord,
} from '../documents/registry/index.ts';
import { csvCell, csvDocument } from './csv.ts';
import { planImport, setUpImport } from './import/index.ts';
import {
  PROVENANCE_COLUMNS,
  REGISTER_COLUMNS,
  registerCsv,
  registerJson,
} from './register-export.ts';

const AT = Date.UTC(2026, 2, 10, 12);
const golden = (name: string) => new URL(`./golden/${name}`, import.meta.url);

/** A small registry touching every column: classified, overridden, bare and hostile records. */
function fixtureRegistry() {
  return readRegistry(fixtureDoc());
}

function fixtureDoc() {
  const doc = new Y.Doc();
  createRecord(
    doc,
    'rec-b',
    {
      name: 'HireRank',
      vendor: 'Rank Labs',
      category: 'other',
      purpose: 'Ranks applicants, "fast", for HR',
      owner: 'Dana (HR)',
      lifecycle: 'in-use',
      departments: ['HR', 'Recruiting'],
      userCount: 12,
      dataCategories: ['personal'],
      toolKeys: ['host:hirerank.example'],
      model: 'gpt-4o',
      provider: 'OpenAI',
    },
    'lead-1',
    AT,
  );
  setUseProfile(doc, 'rec-b', { annexIII: ['employment.recruitment'] }, 'lead-1', AT + 1000);
  decideEuAiActCategory(doc, 'rec-b', {
    category: 'high-risk',
    confirmed: true,
    by: 'lead-1',
    at: AT + 2000,
  });
  decideTier(doc, 'rec-b', { suggested: 'tier-1', decided: 'tier-1', by: 'lead-1', at: AT + 2000 });
  createRecord(
    doc,
    'rec-a',
    { name: '=HYPERLINK("http://evil.example")', owner: '+1 555\nline two' },
    'lead-2',
    AT + 5000,
  );
  createRecord(
    doc,
    'rec-c',
    { name: 'Meeting notes bot', category: 'meeting-notes', lifecycle: 'procurement' },
    'lead-2',
    AT,
  );
  setUseProfile(doc, 'rec-c', { interactsWithPeople: true }, 'lead-2', AT + 3000);
  decideEuAiActCategory(doc, 'rec-c', {
    category: 'minimal',
    confirmed: false,
    overrideReason: 'Internal only, @legal agreed',
    by: 'lead-2',
    at: AT + 4000,
  });
  decideTier(doc, 'rec-c', {
    suggested: 'tier-3',
    decided: 'tier-2',
    reason: 'Sees customer calls',
    by: 'lead-2',
    at: AT + 4000,
  });
  createRecord(doc, 'rec-d', { name: 'Drafting helper', category: 'writing' }, 'lead-1', AT);
  setUseProfile(doc, 'rec-d', { generatesSyntheticContent: true }, 'lead-1', AT + 1);
  return doc;
}

/** Set UPDATE_GOLDEN=1 to rewrite the golden files after an intended change (then review the diff). */
function expectGolden(name: string, actual: string) {
  if (process.env.UPDATE_GOLDEN) writeFileSync(golden(name), actual);
  expect(actual).toBe(readFileSync(golden(name), 'utf8'));
}

/** A minimal RFC 4180 reader (quotes, doubled quotes, CRLF), enough to read the export back. */
function readCsv(text: string): string[][] {
  const table: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      table.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += c;
    }
  }
  return table;
}

describe('CSV cells', () => {
  it('quotes , " CR and LF, doubling quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('')).toBe('');
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(csvCell(`${start}1+1`).replace(/^"/, '')).toMatch(/^'/);
    }
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('=A1,B1')).toBe(`"'=A1,B1"`);
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('ends every line with CRLF', () => {
    expect(
      csvDocument([
        ['a', 'b'],
        ['c', 'd'],
      ]),
    ).toBe('a,b\r\nc,d\r\n');
  });
});

describe('the register export', () => {
  it('matches the golden CSV and JSON', () => {
    const { records } = fixtureRegistry();
    expectGolden('register.csv', registerCsv(records.values()));
    expectGolden('register.json', registerJson(records.values()));
  });

  // Issue 14, finding 6: an export an auditor can read on its own.
  it('stands alone: labels, provenance in the file, notes, history and decisions (E1–E3)', () => {
    const doc = fixtureDoc();
    addNote(doc, 'rec-b', {
      id: 'n1',
      kind: 'drift',
      text: 'Shortlists shifted after the March model update',
      by: 'Dana (HR)',
      at: AT + 9000,
    });
    updateRecord(doc, 'rec-b', { userCount: 14 }, 'lead-1', AT + 10_000);
    const { records } = readRegistry(doc);
    const provenance = {
      organisation: 'Northwind Demo Ltd',
      workspace: 'northwind',
      exportedBy: 'Dana Whitfield (governance lead)',
      exportedAt: AT + 86_400_000,
      documentState: '0123456789abcdef',
    };
    const csv = registerCsv(records.values(), undefined, { provenance });
    expectGolden('register-provenance.csv', csv);
    const table = readCsv(csv);
    expect(table[0]!.slice(-5)).toEqual([...PROVENANCE_COLUMNS]);
    expect(table[1]!.slice(-5)).toEqual([
      'Northwind Demo Ltd',
      'northwind',
      'Dana Whitfield (governance lead)',
      '2026-03-11 12:00 UTC',
      '0123456789abcdef',
    ]);
    expect(csv).toContain('Meeting notes');
    expect(csv).toContain('In use');
    expect(csv).not.toMatch(/,in-use,|,meeting-notes,/);
    const json = JSON.parse(
      registerJson(records.values(), undefined, {
        provenance,
        logs: (id) => readRecordLogs(doc, id),
      }),
    );
    expect(json.exported).toMatchObject({ organisation: 'Northwind Demo Ltd' });
    const hire = json.records.find((r: { id: string }) => r.id === 'rec-b');
    expect(hire.notes).toEqual([
      expect.objectContaining({ kind: 'Drift', text: expect.stringContaining('March') }),
    ]);
    expect(hire.history.length).toBeGreaterThan(0);
    expect(hire.classification.answers).toMatchObject({ annexIII: ['employment.recruitment'] });
    expect(hire.classification.euAiAct).toMatchObject({ label: 'High-risk', decidedBy: 'lead-1' });
  });

  it('is the same bytes whatever order the records come in', () => {
    const records = [...fixtureRegistry().records.values()];
    const reversed = [...records].reverse();
    expect(registerCsv(reversed)).toBe(registerCsv(records));
    expect(registerJson(reversed)).toBe(registerJson(records));
  });

  it('sorts by name, then id, and keeps one column per header', () => {
    const csv = registerCsv(fixtureRegistry().records.values());
    const ids = csv
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(',')[0])
      .filter((id) => id?.startsWith('rec-'));
    // "=HYPERLINK…", "Drafting helper", "HireRank", "Meeting notes bot".
    expect(ids).toEqual(['rec-a', 'rec-d', 'rec-b', 'rec-c']);
    const json = JSON.parse(registerJson(fixtureRegistry().records.values()));
    expect(json.records.map((r: { id: string }) => r.id)).toEqual([
      'rec-a',
      'rec-d',
      'rec-b',
      'rec-c',
    ]);
    // The register's columns, then the vendor facts (register-vendor-facts.ts).
    expect(csv.split('\r\n')[0]!.split(',')).toHaveLength(REGISTER_COLUMNS.length + 1);
  });

  it('re-imports as the same names, owners and values (its headers are the import’s)', () => {
    const { records } = fixtureRegistry();
    const csv = registerCsv(records.values());
    const table = readCsv(csv);
    const setup = setUpImport(table);
    expect(setup.problems).toEqual([]);
    const plan = planImport(setup.table, setup.targets, setup.values, {
      existing: [],
      catalog: [],
    });
    expect(plan.rows.every((row) => row.outcome === 'created' && row.warnings.length === 0)).toBe(
      true,
    );
    expect(plan.customFields).toEqual([]);
    const byName = new Map(plan.records.map((r) => [r.fields.name, r.fields]));
    for (const record of records.values()) {
      const fields = byName.get(record.name)!;
      expect(fields, record.name).toBeDefined();
      expect(fields.owner).toBe(record.owner);
      expect(fields.category).toBe(record.category);
      expect(fields.lifecycle).toBe(record.lifecycle);
      expect(fields.departments ?? []).toEqual(record.departments);
      expect(fields.dataCategories ?? []).toEqual(record.dataCategories);
      expect(fields.userCount).toBe(record.userCount);
    }
  });

  it('exports custom fields after the register’s columns, and they re-import as custom fields', () => {
    const doc = new Y.Doc();
    createRecord(doc, 'rec-a', { name: 'A' }, 'lead', AT);
    createRecord(doc, 'rec-b', { name: 'B' }, 'lead', AT);
    setCustomFields(doc, 'rec-a', { Bureau: 'OCIO', Name: 'shadowed' }, 'lead', AT);
    const { records } = readRegistry(doc);
    const custom = readCustomFields(doc).byRecord;
    const table = readCsv(registerCsv(records.values(), undefined, { custom }));
    expect(table[0]!.slice(REGISTER_COLUMNS.length + 1)).toEqual(['Bureau', 'Name (custom)']);
    expect(table[1]!.slice(REGISTER_COLUMNS.length + 1)).toEqual(['OCIO', 'shadowed']);
    expect(table[2]!.slice(REGISTER_COLUMNS.length + 1)).toEqual(['', '']);
    const json = JSON.parse(registerJson(records.values(), undefined, { custom }));
    expect(json.records[0].customFields).toEqual({ Bureau: 'OCIO', Name: 'shadowed' });
    expect(json.records[1].customFields).toBeUndefined();
    const setup = setUpImport(table);
    const plan = planImport(setup.table, setup.targets, setup.values, {
      existing: [],
      catalog: [],
    });
    expect(plan.records[0]!.custom).toEqual({ Bureau: 'OCIO', 'Name (custom)': 'shadowed' });
  });
});
