import type * as Y from 'yjs';
import type { Category } from '../../catalog/schema.ts';
import type { RecordClassification } from './classification.ts';
import type { DataCategory } from '../schema/values.ts';
import { defineSchema, migrate, type MigrationResult } from '../schema/version.ts';

/**
 * `<workspace>/registry`: the AI inventory and the triage of discoveries. Leads only.
 *
 *   meta     schemaVersion
 *   records  recordId → { name, vendor, category, purpose, owner, lifecycle,
 *                         departments: name → true, userCount, dataCategories: cat → true,
 *                         toolKeys: toolKey → true (the detections behind it), model, provider,
 *                         createdAt, createdBy, updatedAt, updatedBy,
 *                         classification?: { profile, answeredBy, answeredAt, suggested,
 *                                            decision, tier } (see classification.ts) }
 *   triage   toolKey → { state, recordId?, reason?, snoozedUntil?, by, at }
 *
 * Record fields are described once, in fields.ts: a new field is a line there (and in
 * RecordFields); a change of shape is a migration appended below. `classification` is a new
 * optional nested map with writers of its own (classification.ts); v1 readers ignore keys they do
 * not know, so it needed no migration.
 */
export { META } from '../schema/version.ts';
export const RECORDS = 'records';
export const TRIAGE = 'triage';

export const SCHEMA_VERSION = 1;
export const REGISTRY_SCHEMA = defineSchema({
  version: SCHEMA_VERSION,
  migrations: [
    // 1: the first layout. A new document needs nothing: top-level maps appear on first use.
    { version: 1, up: () => {} },
    // 2: append { version: 2, up(doc) { … } } here and raise SCHEMA_VERSION.
  ],
});

/** Brings the registry up to this code's schema; 'newer' means: open it read-only. */
export function migrateRegistry(doc: Y.Doc): MigrationResult {
  return migrate(doc, REGISTRY_SCHEMA);
}

export const LIFECYCLES = ['procurement', 'development', 'in-use', 'retired'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

export const TRIAGE_STATES = ['new', 'open', 'merged', 'dismissed', 'snoozed'] as const;
export type TriageState = (typeof TRIAGE_STATES)[number];

export const MAX_PERSON = 200;
export const MAX_REASON = 1000;

/** What a lead edits on a record. Lists are sets: order and duplicates do not matter. */
export interface RecordFields {
  name: string;
  vendor?: string;
  category?: Category;
  purpose?: string;
  owner?: string;
  lifecycle?: Lifecycle;
  departments?: string[];
  userCount?: number;
  dataCategories?: DataCategory[];
  toolKeys?: string[];
  model?: string;
  provider?: string;
}

/** A change to a record: a field left out stays as it is; null clears it (not the name). */
export type RecordPatch = { [K in keyof RecordFields]?: RecordFields[K] | null };

export interface RegistryRecord extends RecordFields {
  id: string;
  /** Sorted. */
  departments: string[];
  dataCategories: DataCategory[];
  toolKeys: string[];
  createdAt: number;
  createdBy: string;
  updatedAt: number;
  updatedBy: string;
  /** The use profile, suggestion and decisions; absent until someone classifies the record. */
  classification?: RecordClassification;
}

export interface TriageEntry {
  state: TriageState;
  /** The record it was merged into or opened as; required for 'merged'. */
  recordId?: string;
  reason?: string;
  /** Required for 'snoozed'. */
  snoozedUntil?: number;
  by: string;
  at: number;
}

export interface Registry {
  schemaVersion?: number;
  /** In id order. */
  records: Map<string, RegistryRecord>;
  /** In toolKey order. */
  triage: Map<string, TriageEntry>;
  problems: string[];
}
