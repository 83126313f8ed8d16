import type * as Y from 'yjs';
import { addProblem, describe } from './problems.ts';
import { topMap } from './read.ts';

/** Every document keeps its bookkeeping in one top-level map of this name. */
export const META = 'meta';
/** The key in `meta` holding the schema version the document was last migrated to. */
export const SCHEMA_VERSION_KEY = 'schemaVersion';
/** The transaction origin of migrations, so observers can tell them from user edits. */
export const MIGRATION_ORIGIN = 'sightline:migration';

/** One step: brings a document from `version - 1` to `version`. */
export interface Migration {
  version: number;
  /**
   * Runs inside the migration's transaction. Yjs cannot roll a transaction back, so check what you
   * need before changing anything, and keep it idempotent: two clients may migrate concurrently.
   */
  up(doc: Y.Doc): void;
}

export interface DocumentSchema {
  version: number;
  migrations: readonly Migration[];
}

export type MigrationResult =
  | { status: 'current'; version: number }
  | { status: 'migrated'; from: number; version: number }
  /** Written by newer code: left untouched; open it read-only. */
  | { status: 'newer'; version: number; supported: number }
  /** The stored version is not a version: left untouched; open it read-only. */
  | { status: 'invalid'; problems: string[] };

/** Checks that `migrations` holds exactly one step for each version 1…version, then returns it. */
export function defineSchema(schema: DocumentSchema): DocumentSchema {
  if (!Number.isInteger(schema.version) || schema.version < 1) {
    throw new Error(`schema version must be a positive integer, got ${schema.version}`);
  }
  const versions = schema.migrations.map((m) => m.version).sort((a, b) => a - b);
  const expected = Array.from({ length: schema.version }, (_, i) => i + 1);
  if (versions.join(',') !== expected.join(',')) {
    throw new Error(
      `migrations must be exactly the versions ${expected.join(', ')}; got ${versions.join(', ')}`,
    );
  }
  return schema;
}

/**
 * The `meta` map and the schema version stored in it: 0 when none is stored (a new document),
 * undefined (with a problem) when what is stored is not a whole number ≥ 0. Undefined altogether
 * (with a problem) when `meta` is not a map.
 */
export function readMeta(
  doc: Y.Doc,
  problems: string[],
): { map: Y.Map<unknown>; schemaVersion: number | undefined } | undefined {
  const map = topMap(doc, META, problems);
  if (map === undefined) return undefined;
  const value = map.get(SCHEMA_VERSION_KEY);
  if (value === undefined) return { map, schemaVersion: 0 };
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) {
    return { map, schemaVersion: value };
  }
  addProblem(
    problems,
    `${META}.${SCHEMA_VERSION_KEY}: expected a whole number, got ${describe(value)}`,
  );
  return { map, schemaVersion: undefined };
}

/** The document's schema version: 0 for a new document, undefined (reported) when unreadable. */
export function readSchemaVersion(doc: Y.Doc, problems: string[] = []): number | undefined {
  return readMeta(doc, problems)?.schemaVersion;
}

/**
 * Brings the document up to `schema.version` in one transaction: every step from the stored
 * version on, then the new version. A document from newer code, or with a broken version, is left
 * untouched and reported so the caller can open it read-only. Called inside another transaction
 * (as the writers do), it joins that one and takes its origin.
 */
export function migrate(doc: Y.Doc, schema: DocumentSchema): MigrationResult {
  const problems: string[] = [];
  const stored = readSchemaVersion(doc, problems);
  if (stored === undefined) return { status: 'invalid', problems };
  if (stored > schema.version) {
    return { status: 'newer', version: stored, supported: schema.version };
  }
  if (stored === schema.version) return { status: 'current', version: stored };
  const steps = schema.migrations
    .filter((m) => m.version > stored && m.version <= schema.version)
    .sort((a, b) => a.version - b.version);
  if (steps.length !== schema.version - stored) {
    throw new Error(`missing migrations between versions ${stored} and ${schema.version}`);
  }
  doc.transact(() => {
    for (const step of steps) step.up(doc);
    doc.getMap(META).set(SCHEMA_VERSION_KEY, schema.version);
  }, MIGRATION_ORIGIN);
  return { status: 'migrated', from: stored, version: schema.version };
}

/** For writers: migrates if needed, and refuses (throws) to write a newer or broken document. */
export function ensureWritable(doc: Y.Doc, schema: DocumentSchema): void {
  const result = migrate(doc, schema);
  if (result.status === 'newer') {
    throw new Error(
      `this document is at schema version ${result.version}, newer than ${result.supported}: open it read-only`,
    );
  }
  if (result.status === 'invalid') {
    throw new Error(`this document's schema version is unreadable: ${result.problems.join('; ')}`);
  }
}
