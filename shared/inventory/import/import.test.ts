import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { builtInCatalog } from '../../catalog/catalog.ts';
import { createRecord, readRegistry, setTriage } from '../../documents/registry/index.ts';
import { readCustomFields } from '../../documents/registry/custom-fields.ts';
import {
  applyImportPlan,
  countOutcomes,
  importSummary,
  planImport,
  readSheet,
  setUpImport,
  type ImportSetup,
} from './index.ts';

const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(bytes);
const fixture = (name: string) =>
  readSheet(new Uint8Array(readFileSync(new URL(`fixtures/${name}`, import.meta.url))), decode);
const catalog = builtInCatalog();

function plan(setup: ImportSetup, doc = new Y.Doc()) {
  return planImport(setup.table, setup.targets, setup.values, {
    existing: readRegistry(doc).records.values(),
    catalog,
  });
}

let counter = 0;
const makeId = () => `rec-${++counter}`;

/** Imports a fixture into `doc` with the suggested mapping; returns the summary. */
async function importFixture(name: string, doc: Y.Doc) {
  const setup = setUpImport(await fixture(name));
  expect(setup.problems).toEqual([]);
  const planned = plan(setup, doc);
  applyImportPlan(doc, planned, 'lead@example.org', 1_700_000_000_000, makeId);
  return importSummary(setup, planned);
}

const FIXTURES = [
  // file, data rows in it
  ['us-federal-ai-use-case-inventory.csv', 7],
  ['us-federal-cots-ai-use-cases.csv', 8],
  ['uk-atrs-records.csv', 4],
  ['nl-algoritmeregister.csv', 4],
  ['company-ai-register.xlsx', 8],
] as const;

describe('files shaped like public registers (fixtures/README.md)', () => {
  it.each(FIXTURES)(
    '%s: every row is created, updated or skipped with a reason',
    async (name, rows) => {
      const doc = new Y.Doc();
      const summary = await importFixture(name, doc);
      expect(summary.rows).toBe(rows);
      expect(summary.created + summary.updated + summary.skipped.length).toBe(rows);
      expect(summary.skipped.every((s) => s.reason !== '')).toBe(true);
      expect(readRegistry(doc).records.size).toBe(summary.created);
      expect(readRegistry(doc).problems).toEqual([]);
    },
  );

  it.each(FIXTURES)(
    '%s: imported again, it updates the same records and creates none',
    async (name) => {
      const doc = new Y.Doc();
      const first = await importFixture(name, doc);
      const records = readRegistry(doc).records.size;
      const again = await importFixture(name, doc);
      expect(again.created).toBe(0);
      expect(again.updated).toBe(first.created + first.updated);
      expect(readRegistry(doc).records.size).toBe(records);
    },
  );

  it('US federal inventory: 36 columns, none dropped — 6 fields, 30 custom fields kept', async () => {
    const doc = new Y.Doc();
    const summary = await importFixture('us-federal-ai-use-case-inventory.csv', doc);
    expect(summary.mapping).toEqual({
      use_case_name: 'name',
      agency_bureau: 'departments',
      contact_email: 'owner',
      development_stage: 'lifecycle',
      problem_solved: 'purpose',
      vendor_name: 'vendor',
    });
    // Every other column that holds a value somewhere is a custom field ("code_url" and others are
    // empty in every row); "development_stage" is also one, for the "Under review" it could not read.
    expect(summary.customFields).toContain('hi_public_consultation');
    expect(summary.customFields).toContain('development_stage');
    const copilot = [...readRegistry(doc).records.values()].find(
      (r) => r.name === 'Microsoft 365 Copilot',
    )!;
    expect(copilot.departments).toEqual([
      'Office of Human Capital',
      'Office of the Chief Information Officer',
    ]);
    expect(copilot.toolKeys).toEqual(['microsoft-365-copilot']);
    const custom = readCustomFields(doc).byRecord.get(copilot.id)!;
    expect(custom).toContainEqual({ name: 'system_name_ato', value: 'Agency Microsoft 365 (GCC)' });
    expect(custom).toContainEqual({ name: 'id', value: 'EXA-0001; EXA-0002' });
    // The agency form's full choice reads as its stage.
    const triage = [...readRegistry(doc).records.values()].find((r) =>
      r.name.startsWith('Benefits'),
    )!;
    expect(triage.lifecycle).toBe('development');
    // "Under review" is no lifecycle: the cell is left empty, the row kept, the text kept.
    const wildfire = [...readRegistry(doc).records.values()].find((r) =>
      r.name.startsWith('Wildfire'),
    )!;
    expect(wildfire.lifecycle).toBeUndefined();
    expect(readCustomFields(doc).byRecord.get(wildfire.id)).toContainEqual({
      name: 'development_stage',
      value: 'Under review',
    });
    expect(summary.skipped).toEqual([{ row: 7, reason: 'it has no name' }]);
  });

  it('US COTS list: one product used by two agencies is one record with both as departments', async () => {
    const doc = new Y.Doc();
    const summary = await importFixture('us-federal-cots-ai-use-cases.csv', doc);
    expect(summary).toMatchObject({ rows: 8, created: 4, updated: 2 });
    expect(summary.skipped.map((s) => s.row)).toEqual([4, 9]);
    const records = [...readRegistry(doc).records.values()];
    const copilot = records.find((r) => r.name === 'Microsoft 365 Copilot')!;
    expect(copilot.departments).toEqual(['Example Agency', 'Sample Commission']);
    expect(copilot.purpose).toContain('\n');
    // A range is no number: kept as the column's custom field, joined.
    expect(readCustomFields(doc).byRecord.get(copilot.id)).toContainEqual({
      name: 'Estimated # of Licenses/Users',
      value: '1001-5000; 1-100',
    });
    expect(records.find((r) => r.name === 'Grammarly')!.userCount).toBe(180);
    // The same agency listing a product twice is the same people: not added up.
    expect(records.find((r) => r.name === 'ChatGPT Enterprise')!.userCount).toBe(50_000);
  });

  it('UK ATRS records: phases and the v3.0 field names', async () => {
    const doc = new Y.Doc();
    const summary = await importFixture('uk-atrs-records.csv', doc);
    expect(summary.mapping).toMatchObject({
      Title: 'name',
      Phase: 'lifecycle',
      Description: 'purpose',
      'Organisation or department': 'departments',
      'Senior responsible owner': 'owner',
      'External supplier': 'vendor',
    });
    const lifecycles = [...readRegistry(doc).records.values()].map((r) => [r.name, r.lifecycle]);
    expect(lifecycles).toEqual(
      expect.arrayContaining([
        ['Correspondence Drafting Assistant', 'in-use'],
        ['Fraud Referral Risk Score', 'development'],
        ['Meeting Transcription', 'development'],
        ['Library Chatbot', 'retired'],
      ]),
    );
  });

  it('Dutch register: Dutch headers and statuses, one algorithm used by two organisations', async () => {
    const doc = new Y.Doc();
    const summary = await importFixture('nl-algoritmeregister.csv', doc);
    expect(summary.mapping).toMatchObject({
      Naam: 'name',
      'Korte omschrijving': 'purpose',
      Organisatie: 'departments',
      Status: 'lifecycle',
      Contactgegevens: 'owner',
      Leverancier: 'vendor',
    });
    const parking = [...readRegistry(doc).records.values()].find(
      (r) => r.name === 'Slimme parkeercontrole',
    )!;
    expect(parking.departments).toEqual(['Gemeente Voorbeeldstad', 'Havenbedrijf Voorbeeldstad']);
    expect(summary.warnings).toContainEqual({
      row: 5,
      warning:
        'Owner "haven@voorbeeldstad.nl" differs from row 2\'s "parkeren@voorbeeldstad.nl"; row 2\'s kept',
    });
  });

  it('company register (XLSX): the cells that used to drop a row are read or left empty with a warning', async () => {
    const doc = new Y.Doc();
    const summary = await importFixture('company-ai-register.xlsx', doc);
    expect(summary).toMatchObject({ rows: 8, created: 6, updated: 1 });
    expect(summary.skipped).toEqual([{ row: 7, reason: 'it has no name' }]);
    const byName = new Map([...readRegistry(doc).records.values()].map((r) => [r.name, r]));
    expect(byName.get('DeepL Pro')!.lifecycle).toBe('development'); // "Pre-deployment"
    expect(byName.get('ChatGPT Enterprise')!.userCount).toBe(180); // "~180"
    expect(byName.get('GitHub Copilot')!.lifecycle).toBeUndefined(); // "Under review"
    expect(byName.get('GitHub Copilot')!.userCount).toBe(1200); // "1.200"
    const copilot = byName.get('Microsoft 365 Copilot')!;
    expect(copilot.departments).toEqual(['Personal', 'Vertrieb']);
    expect(copilot.userCount).toBe(160);
    expect(copilot.dataCategories).toEqual(['confidential', 'customer', 'personal']);
    expect(summary.warnings).toContainEqual({
      row: 6,
      warning:
        'Status: "Under review" is not a lifecycle value; left empty, the text kept as a custom field',
    });
    expect(readCustomFields(doc).byRecord.get(byName.get('HR-Bewerberranking')!.id)).toContainEqual(
      {
        name: 'Approx. # Users',
        value: '8 bis 10',
      },
    );
  });
});

describe('updates, not duplicates', () => {
  function registryWith(
    ...records: Array<{ id: string; name: string; vendor?: string; toolKeys?: string[] }>
  ) {
    const doc = new Y.Doc();
    for (const { id, ...fields } of records) createRecord(doc, id, fields, 'lead', 1);
    return doc;
  }

  it('matches a record by name whatever the case, spacing or punctuation', () => {
    const doc = registryWith({
      id: 'r1',
      name: 'Microsoft 365 Copilot',
      departments: undefined,
    } as never);
    const setup = setUpImport([
      ['Tool', 'Abteilung'],
      ['microsoft-365  COPILOT', 'Legal'],
    ]);
    const planned = plan(setup, doc);
    expect(planned.rows[0]).toMatchObject({
      outcome: 'updated',
      reason: 'updates "Microsoft 365 Copilot" (the same name)',
    });
    applyImportPlan(doc, planned, 'lead', 2, makeId);
    const record = readRegistry(doc).records.get('r1')!;
    expect(record).toMatchObject({
      name: 'Microsoft 365 Copilot',
      departments: ['Legal'],
      toolKeys: ['microsoft-365-copilot'],
    });
  });

  it('matches a record of the same vendor and catalog tool under another name', () => {
    const doc = registryWith({
      id: 'r1',
      name: 'Company Copilot',
      vendor: 'Microsoft',
      toolKeys: ['microsoft-365-copilot'],
    });
    const planned = plan(
      setUpImport([
        ['Name', 'Vendor'],
        ['Microsoft 365 Copilot GCC', 'Microsoft'],
      ]),
      doc,
    );
    expect(planned.rows[0]).toMatchObject({
      outcome: 'updated',
      reason: 'updates "Company Copilot" (the same vendor and catalog tool)',
    });
    expect(planned.rows[0]!.warnings).toContain(
      'named "Microsoft 365 Copilot GCC" here; the record keeps its name "Company Copilot"',
    );
  });

  it('marks an untriaged discovery of the linked tool as merged into the record, never over a decision', () => {
    const doc = new Y.Doc();
    setTriage(doc, 'github-copilot', { state: 'dismissed', reason: 'noise', by: 'lead', at: 1 });
    const planned = plan(
      setUpImport([['Name'], ['Microsoft 365 Copilot'], ['GitHub Copilot']]),
      doc,
    );
    applyImportPlan(doc, planned, 'lead', 2, makeId);
    const { records, triage } = readRegistry(doc);
    const copilot = [...records.values()].find((r) => r.name === 'Microsoft 365 Copilot')!;
    expect(triage.get('microsoft-365-copilot')).toMatchObject({
      state: 'merged',
      recordId: copilot.id,
    });
    expect(triage.get('github-copilot')).toMatchObject({ state: 'dismissed' });
  });

  it('never shrinks a record’s lists and never clears a field for an empty cell', () => {
    const doc = new Y.Doc();
    createRecord(doc, 'r1', { name: 'Claude', owner: 'Dana', departments: ['HR'] }, 'lead', 1);
    const planned = plan(
      setUpImport([
        ['Name', 'Owner', 'Department'],
        ['Claude', '', 'Sales'],
      ]),
      doc,
    );
    applyImportPlan(doc, planned, 'lead', 2, makeId);
    expect(readRegistry(doc).records.get('r1')).toMatchObject({
      owner: 'Dana',
      departments: ['HR', 'Sales'],
    });
  });
});

describe('no row lost for one bad cell', () => {
  it('leaves the cell empty, keeps the row and its text, and says why', () => {
    const setup = setUpImport([
      ['Name', 'Lifecycle', 'Users', 'Purpose'],
      ['A', 'someday', 'about fifty', 'x'.repeat(2001)],
      ['', 'live', '3', ''],
      ['', '', '', ''],
      ['B'],
    ]);
    const planned = plan(setup);
    expect(planned.rows.map((r) => [r.row, r.outcome, r.reason])).toEqual([
      [2, 'created', undefined],
      [3, 'skipped', 'it has no name'],
      [4, 'skipped', 'the row is empty'],
      [5, 'created', undefined],
    ]);
    expect(planned.rows[0]!.warnings).toEqual([
      'Lifecycle: "someday" is not a lifecycle value; left empty, the text kept as a custom field',
      'Users: "about fifty" is not a number of users; left empty, the text kept as a custom field',
      'Purpose: longer than 2000 characters; left empty, the text kept as a custom field',
    ]);
    expect(planned.records[0]!.fields).toEqual({ name: 'A' });
    expect(Object.keys(planned.records[0]!.custom)).toEqual(['Lifecycle', 'Users', 'Purpose']);
  });

  it('skips a row whose name cannot be read, saying why', () => {
    const planned = plan(setUpImport([['Name'], ['n'.repeat(201)]]));
    expect(planned.rows[0]).toMatchObject({
      outcome: 'skipped',
      reason:
        'its name cannot be read (longer than 200 characters; left empty, the text kept as a custom field)',
    });
  });

  it('applies all or nothing, naming the rows of a record the registry refuses', () => {
    const doc = new Y.Doc();
    const before = Y.encodeStateAsUpdate(doc);
    const setup = setUpImport([
      ['Name', 'Notes'],
      ['A', 'ok'],
      ['B', 'fine'],
    ]);
    const planned = plan(setup, doc);
    planned.records[1]!.custom['bad\nname'] = 'x';
    expect(() => applyImportPlan(doc, planned, 'lead', 2, makeId)).toThrow(/^Row 3: /);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});

describe('a mapping a lead changes', () => {
  it('takes the lead’s column and value targets over the suggestions', () => {
    const sheet = [
      ['Tool', 'Stage', 'Comment'],
      ['A', 'Under review', 'hello'],
      ['B', 'Pilot', 'x'],
    ];
    const setup = setUpImport(sheet, {
      columns: { Comment: 'ignore' },
      values: { lifecycle: { 'Under review': 'procurement', Pilot: null } },
    });
    expect(setup.problems).toEqual([]);
    const planned = plan(setup);
    expect(planned.records.map((r) => r.fields)).toEqual([
      { name: 'A', lifecycle: 'procurement' },
      { name: 'B' },
    ]);
    expect(planned.customFields).toEqual(['Stage']);
    expect(countOutcomes(planned)).toEqual({ created: 2, updated: 0, skipped: 0 });
  });

  it('says what makes a mapping unusable', () => {
    const sheet = [
      ['Tool', 'Owner'],
      ['A', 'B'],
    ];
    expect(setUpImport(sheet, { columns: { Tool: 'custom' } }).problems).toEqual([
      'no column holds the names of the AI systems: give one the field Name',
    ]);
    expect(setUpImport(sheet, { columns: { Owner: 'name', Typo: 'vendor' } }).problems).toEqual([
      'the file has no column "Typo"',
    ]);
    expect(setUpImport(sheet, { columns: { Owner: 'colour' } }).problems[0]).toMatch(
      /"colour" is not a field/,
    );
    expect(setUpImport(sheet, { values: { lifecycle: { A: 'someday' } } }).problems).toEqual([]);
  });

  it('refuses a file nothing can be imported from', async () => {
    expect(() => setUpImport([])).toThrow(/no header row/);
    expect(() => setUpImport([['Name'], ['', '']])).toThrow(/no rows under its header/);
    await expect(readSheet(new Uint8Array([0xff, 0xfe, 0x00]), decode)).rejects.toThrow(
      /neither an XLSX/,
    );
    await expect(
      readSheet(new TextEncoder().encode('Name\n"never closed\n'), decode),
    ).rejects.toThrow(/not valid CSV/);
    await expect(readSheet(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]), decode)).rejects.toThrow(
      /not a readable XLSX/,
    );
  });
});
