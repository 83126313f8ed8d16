import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readCustomFields } from '../../shared/documents/registry/custom-fields.ts';
import { createRecord, readRegistry } from '../../shared/documents/registry/index.ts';
import { connectClient, waitFor } from '../../test/helpers/relay-client.ts';
import { tempDir } from '../../test/helpers/temp-dir.ts';
import { startTestServer } from '../../test/helpers/test-server.ts';
import { SqliteDocumentStore } from '../relay/sqlite-document-store.ts';
import { databaseFile, openDatabase } from '../storage/database.ts';

const cli = join(import.meta.dirname, '..', 'cli.ts');
const fixtures = join(import.meta.dirname, '..', '..', 'shared', 'inventory', 'import', 'fixtures');
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Runs the real command line, as `npm run -s sightline -- inventory import …` does. */
function sightline(args: string[]) {
  const result = spawnSync(process.execPath, [cli, 'inventory', 'import', ...args], {
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A data folder as `sightline serve` leaves it: the database and its tables. */
function dataFolder(): string {
  const dir = tempDir();
  cleanups.push(dir.remove);
  const db = openDatabase(databaseFile(dir.path));
  new SqliteDocumentStore(db);
  db.close();
  return dir.path;
}

/** The database and its write-ahead log, byte for byte. */
const files = (data: string) =>
  ['', '-wal'].map((suffix) => {
    const path = databaseFile(data) + suffix;
    return existsSync(path) ? readFileSync(path) : undefined;
  });

/** The registry as a relay would load it from the folder (S3). */
function storedRegistry(data: string, workspace = 'acme'): Y.Doc {
  const db = openDatabase(databaseFile(data));
  try {
    const doc = new Y.Doc();
    const stored = new SqliteDocumentStore(db).load(`${workspace}/registry`);
    if (stored.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(stored));
    return doc;
  } finally {
    db.close();
  }
}

const xlsx = join(fixtures, 'company-ai-register.xlsx');

describe('sightline inventory import', () => {
  it('prints one JSON object accounting for every row, and the relay serves what it wrote', () => {
    const data = dataFolder();
    const { code, stdout, stderr } = sightline([xlsx, '--workspace', 'acme', '--data', data]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({
      rows: 8,
      created: 6,
      updated: 1,
      skipped: [{ row: 7, reason: 'it has no name' }],
      mapping: { Tool: 'name', Anbieter: 'vendor', 'Approx. # Users': 'userCount' },
      dryRun: false,
    });
    expect(summary.customFields).toEqual([
      'Status',
      'Approx. # Users',
      'Risk tier',
      'Kommentar',
      'Letzte Prüfung',
    ]);
    const registry = storedRegistry(data);
    const records = [...readRegistry(registry).records.values()];
    expect(records.map((r) => r.name).sort()).toEqual([
      'ChatGPT Enterprise',
      'DeepL Pro',
      'GitHub Copilot',
      'HR-Bewerberranking',
      'Microsoft 365 Copilot',
      'Midjourney',
    ]);
    expect(records.every((r) => r.createdBy.endsWith('(command line)'))).toBe(true);
    const copilot = records.find((r) => r.name === 'Microsoft 365 Copilot')!;
    expect(readCustomFields(registry).byRecord.get(copilot.id)).toContainEqual({
      name: 'Risk tier',
      value: 'Limited',
    });
  });

  it('--dry-run writes nothing', () => {
    const data = dataFolder();
    const before = files(data);
    const { code, stdout } = sightline([
      xlsx,
      '--workspace',
      'acme',
      '--data',
      data,
      '--dry-run',
      '--mapping',
      join(data, 'map.json'),
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ created: 6, updated: 1, dryRun: true });
    expect(files(data)).toEqual(before);
    expect(readRegistry(storedRegistry(data)).records.size).toBe(0);
    expect(existsSync(join(data, 'map.json'))).toBe(false);
  });

  it('updates the records it made on a second run, creating none', () => {
    const data = dataFolder();
    sightline([xlsx, '--workspace', 'acme', '--data', data]);
    const again = JSON.parse(sightline([xlsx, '--workspace', 'acme', '--data', data]).stdout);
    expect(again).toMatchObject({ created: 0, updated: 7 });
    expect(readRegistry(storedRegistry(data)).records.size).toBe(6);
  });

  it('--mapping: writes the mapping it used, then reads a lead’s changes from it', () => {
    const data = dataFolder();
    const map = join(data, 'map.json');
    expect(sightline([xlsx, '--workspace', 'acme', '--data', data, '--mapping', map]).code).toBe(0);
    const written = JSON.parse(readFileSync(map, 'utf8'));
    expect(written).toMatchObject({
      format: 'sightline-inventory-mapping',
      columns: { Tool: 'name', 'Risk tier': 'custom' },
    });
    expect(written.values.lifecycle).toMatchObject({
      'Under review': null,
      Pilotphase: 'development',
    });
    written.values.lifecycle['Under review'] = 'procurement';
    written.columns.Kommentar = 'ignore';
    writeFileSync(map, JSON.stringify(written));
    const summary = JSON.parse(
      sightline([xlsx, '--workspace', 'acme', '--data', data, '--mapping', map]).stdout,
    );
    expect(summary.ignored).toEqual(['Kommentar']);
    const github = [...readRegistry(storedRegistry(data)).records.values()].find(
      (r) => r.name === 'GitHub Copilot',
    );
    expect(github?.lifecycle).toBe('procurement');
  });

  it('refuses a bad mapping, an unreadable file or a folder that is not a data folder, writing nothing', () => {
    const data = dataFolder();
    const before = files(data);
    const map = join(data, 'map.json');
    writeFileSync(map, JSON.stringify({ columns: { Tool: 'colour', Nope: 'name' } }));
    const badMap = sightline([xlsx, '--workspace', 'acme', '--data', data, '--mapping', map]);
    expect(badMap.code).toBe(1);
    expect(badMap.stdout).toBe('');
    expect(badMap.stderr).toMatch(/"colour" is not a field/);
    writeFileSync(map, JSON.stringify({ columns: { Nope: 'name' } }));
    expect(
      sightline([xlsx, '--workspace', 'acme', '--data', data, '--mapping', map]).stderr,
    ).toMatch(/the file has no column "Nope"/);
    const broken = join(data, 'broken.csv');
    writeFileSync(broken, 'Name\n"never closed\n');
    expect(sightline([broken, '--workspace', 'acme', '--data', data]).stderr).toMatch(
      /not valid CSV/,
    );
    const notData = tempDir();
    cleanups.push(notData.remove);
    const wrong = sightline([xlsx, '--workspace', 'acme', '--data', notData.path]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/is not a Sightline data folder/);
    expect(existsSync(databaseFile(notData.path))).toBe(false);
    expect(files(data)).toEqual(before);
    expect(sightline([xlsx, '--data', data]).code).toBe(2);
  });

  it('I5: with a relay serving the folder, neither the relay’s edits nor the import are lost', async () => {
    const data = dataFolder();
    const relay = await startTestServer({ dataDir: data });
    cleanups.push(() => relay.close());
    const lead = connectClient(relay.syncUrl, 'acme/registry', await relay.token('acme', 'lead'));
    cleanups.push(() => lead.destroy());
    await waitFor(() => lead.provider.synced, 'sync');
    createRecord(
      lead.doc,
      'lead-record',
      { name: 'Made by a lead', departments: ['Legal'] },
      'lead',
      1,
    );
    await lead.acknowledged();

    // The import runs while the relay has the registry loaded, and sees the lead's record.
    const run = sightline([xlsx, '--workspace', 'acme', '--data', data]);
    expect(JSON.parse(run.stdout).created).toBe(6);
    expect(run.stderr).toMatch(/another process \(a relay\?\) has this data folder open/);
    createRecord(lead.doc, 'after-import', { name: 'Made after the import' }, 'lead', 2);
    await lead.acknowledged();
    lead.destroy();
    await relay.close();

    const names = [...readRegistry(storedRegistry(data)).records.values()].map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining(['Made by a lead', 'Made after the import', 'Midjourney']),
    );
    expect(names).toHaveLength(8);
  });
});
