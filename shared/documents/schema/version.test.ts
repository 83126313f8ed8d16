import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  META,
  MIGRATION_ORIGIN,
  SCHEMA_VERSION_KEY,
  defineSchema,
  ensureWritable,
  migrate,
  readSchemaVersion,
  type Migration,
} from './version.ts';

function schemaWithLog(version: number, log: number[]) {
  const migrations: Migration[] = Array.from({ length: version }, (_, i) => ({
    version: i + 1,
    up: (doc) => {
      log.push(i + 1);
      doc.getMap('data').set(`step${i + 1}`, true);
    },
  }));
  return defineSchema({ version, migrations });
}

describe('readSchemaVersion', () => {
  it('is 0 for a new document and the stored number otherwise', () => {
    const doc = new Y.Doc();
    expect(readSchemaVersion(doc)).toBe(0);
    doc.getMap(META).set(SCHEMA_VERSION_KEY, 3);
    expect(readSchemaVersion(doc)).toBe(3);
  });

  it.each([['two'], [1.5], [-1], [null], [[1]], [{ v: 1 }]])(
    'reports %j as unreadable',
    (value) => {
      const doc = new Y.Doc();
      doc.getMap(META).set(SCHEMA_VERSION_KEY, value);
      const problems: string[] = [];
      expect(readSchemaVersion(doc, problems)).toBeUndefined();
      expect(problems[0]).toMatch(/^meta\.schemaVersion: expected a whole number/);
    },
  );

  it('reports a meta that is not a map', () => {
    const doc = new Y.Doc();
    doc.getArray(META).push([1]);
    const problems: string[] = [];
    expect(readSchemaVersion(doc, problems)).toBeUndefined();
    expect(problems).toEqual(['meta: expected a map, found another type']);
  });
});

describe('migrate', () => {
  it('runs every step from the stored version in one transaction and records the version', () => {
    const log: number[] = [];
    const doc = new Y.Doc();
    doc.getMap(META).set(SCHEMA_VERSION_KEY, 1);
    let updates = 0;
    let origin: unknown;
    doc.on('update', (_update: Uint8Array, o: unknown) => {
      updates++;
      origin = o;
    });
    expect(migrate(doc, schemaWithLog(3, log))).toEqual({
      status: 'migrated',
      from: 1,
      version: 3,
    });
    expect(log).toEqual([2, 3]);
    expect(updates).toBe(1);
    expect(origin).toBe(MIGRATION_ORIGIN);
    expect(readSchemaVersion(doc)).toBe(3);
    expect(doc.getMap('data').toJSON()).toEqual({ step2: true, step3: true });
  });

  it('does nothing to a current document', () => {
    const doc = new Y.Doc();
    const schema = schemaWithLog(2, []);
    migrate(doc, schema);
    const before = Y.encodeStateAsUpdate(doc);
    expect(migrate(doc, schema)).toEqual({ status: 'current', version: 2 });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('leaves a document from newer code untouched and says so', () => {
    const doc = new Y.Doc();
    doc.getMap(META).set(SCHEMA_VERSION_KEY, 7);
    const before = Y.encodeStateAsUpdate(doc);
    const log: number[] = [];
    expect(migrate(doc, schemaWithLog(2, log))).toEqual({
      status: 'newer',
      version: 7,
      supported: 2,
    });
    expect(log).toEqual([]);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(() => ensureWritable(doc, schemaWithLog(2, log))).toThrow(/newer than 2.*read-only/);
  });

  it('leaves a document with a broken version untouched', () => {
    const doc = new Y.Doc();
    doc.getMap(META).set(SCHEMA_VERSION_KEY, 'v1');
    const result = migrate(doc, schemaWithLog(1, []));
    expect(result.status).toBe('invalid');
    expect(doc.getMap(META).get(SCHEMA_VERSION_KEY)).toBe('v1');
    expect(() => ensureWritable(doc, schemaWithLog(1, []))).toThrow(/unreadable/);
  });

  it('refuses a schema whose migrations do not cover every version', () => {
    const up = () => {};
    expect(() => defineSchema({ version: 2, migrations: [{ version: 2, up }] })).toThrow(
      /exactly the versions 1, 2/,
    );
    expect(() => defineSchema({ version: 0, migrations: [] })).toThrow(/positive integer/);
  });
});
