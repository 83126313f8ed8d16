import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { migrateDiscoveries, readDiscoveries, writeDiscovery } from './discoveries/index.ts';
import { migratePolicy, readPolicy, setSettings } from './policy/index.ts';
import { createRecord, migrateRegistry, readRegistry } from './registry/index.ts';
import { migrateReport, readReport, recordSightings } from './report/index.ts';
import { META, SCHEMA_VERSION_KEY, type MigrationResult } from './schema/index.ts';

const AT = Date.UTC(2026, 2, 10);

const modules: Array<{
  name: string;
  migrate: (doc: Y.Doc) => MigrationResult;
  write: (doc: Y.Doc) => void;
  read: (doc: Y.Doc) => { schemaVersion?: number; problems: string[] };
}> = [
  {
    name: 'report',
    migrate: migrateReport,
    write: (doc) =>
      recordSightings(doc, [
        {
          toolKey: 'chatgpt',
          name: 'ChatGPT',
          category: 'chat-assistant',
          signal: 'visit',
          at: AT,
        },
      ]),
    read: readReport,
  },
  {
    name: 'discoveries',
    migrate: migrateDiscoveries,
    write: (doc) => writeDiscovery(doc, 'chatgpt', undefined, { updatedAt: AT }),
    read: readDiscoveries,
  },
  {
    name: 'policy',
    migrate: migratePolicy,
    write: (doc) => setSettings(doc, { attributedReporting: true }),
    read: readPolicy,
  },
  {
    name: 'registry',
    migrate: migrateRegistry,
    write: (doc) => createRecord(doc, 'r1', { name: 'X' }, 'lead', AT),
    read: readRegistry,
  },
];

describe.each(modules)('$name schema version', ({ migrate, write, read }) => {
  it('stamps a new document with version 1, once', () => {
    const doc = new Y.Doc();
    expect(migrate(doc)).toEqual({ status: 'migrated', from: 0, version: 1 });
    expect(migrate(doc)).toEqual({ status: 'current', version: 1 });
    expect(read(doc).schemaVersion).toBe(1);
  });

  it('lets the first write stamp the version', () => {
    const doc = new Y.Doc();
    write(doc);
    expect(doc.getMap(META).get(SCHEMA_VERSION_KEY)).toBe(1);
  });

  it('leaves a document from newer code alone: writes refuse, reads still work', () => {
    const doc = new Y.Doc();
    doc.getMap(META).set(SCHEMA_VERSION_KEY, 2);
    const before = Y.encodeStateAsUpdate(doc);
    expect(migrate(doc)).toEqual({ status: 'newer', version: 2, supported: 1 });
    expect(() => write(doc)).toThrow(/read-only/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(read(doc)).toMatchObject({ schemaVersion: 2, problems: [] });
  });
});
