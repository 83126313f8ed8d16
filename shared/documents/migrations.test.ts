import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ASSESSMENT_SCHEMA,
  createAssessment,
  migrateAssessment,
  readAssessment,
} from './assessment/index.ts';
import {
  DISCOVERIES_SCHEMA,
  migrateDiscoveries,
  readDiscoveries,
  writeDiscovery,
} from './discoveries/index.ts';
import { POLICY_SCHEMA, migratePolicy, readPolicy, setSettings } from './policy/index.ts';
import { REGISTRY_SCHEMA, createRecord, migrateRegistry, readRegistry } from './registry/index.ts';
import { REPORT_SCHEMA, migrateReport, readReport, recordSightings } from './report/index.ts';
import { META, SCHEMA_VERSION_KEY, type MigrationResult } from './schema/index.ts';

const AT = Date.UTC(2026, 2, 10);

const modules: Array<{
  name: string;
  /** The module's SCHEMA_VERSION. */
  version: number;
  migrate: (doc: Y.Doc) => MigrationResult;
  write: (doc: Y.Doc) => void;
  read: (doc: Y.Doc) => { schemaVersion?: number; problems: string[] };
}> = [
  {
    name: 'report',
    version: REPORT_SCHEMA.version,
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
    version: DISCOVERIES_SCHEMA.version,
    migrate: migrateDiscoveries,
    write: (doc) => writeDiscovery(doc, 'chatgpt', undefined, { updatedAt: AT }),
    read: readDiscoveries,
  },
  {
    name: 'policy',
    version: POLICY_SCHEMA.version,
    migrate: migratePolicy,
    write: (doc) => setSettings(doc, { attributedReporting: true }),
    read: readPolicy,
  },
  {
    name: 'registry',
    version: REGISTRY_SCHEMA.version,
    migrate: migrateRegistry,
    write: (doc) => createRecord(doc, 'r1', { name: 'X' }, 'lead', AT),
    read: readRegistry,
  },
  {
    name: 'assessment',
    version: ASSESSMENT_SCHEMA.version,
    migrate: migrateAssessment,
    write: (doc) =>
      createAssessment(
        doc,
        {
          kind: 'risk',
          recordId: 'r1',
          templateId: 't',
          templateVersion: 1,
          title: 'T',
          outline: [{ id: 's', title: 'S', guidance: '', references: [] }],
        },
        'lead',
        AT,
      ),
    read: readAssessment,
  },
];

describe.each(modules)('$name schema version', ({ version, migrate, write, read }) => {
  it('stamps a new document with its version, once', () => {
    const doc = new Y.Doc();
    expect(migrate(doc)).toEqual({ status: 'migrated', from: 0, version });
    expect(migrate(doc)).toEqual({ status: 'current', version });
    expect(read(doc).schemaVersion).toBe(version);
  });

  it('lets the first write stamp the version', () => {
    const doc = new Y.Doc();
    write(doc);
    expect(doc.getMap(META).get(SCHEMA_VERSION_KEY)).toBe(version);
  });

  it('leaves a document from newer code alone: writes refuse, reads still work', () => {
    const doc = new Y.Doc();
    doc.getMap(META).set(SCHEMA_VERSION_KEY, version + 1);
    const before = Y.encodeStateAsUpdate(doc);
    expect(migrate(doc)).toEqual({ status: 'newer', version: version + 1, supported: version });
    expect(() => write(doc)).toThrow(/read-only/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(read(doc)).toMatchObject({ schemaVersion: version + 1, problems: [] });
  });
});
