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
 *                                            decision, tier } (see classification.ts),
 *                         notes?: noteId → { kind: performance|drift|other, text, by, at },
 *                         history?: Y.Array of { at, by, a: action, c?: [[field, from, to]],
 *                                                r?: reason, s?: subject, d?: detail }
 *                         (schema 1: { at, by, action, fields, summary? }) }
 *            A single-valued field (name, vendor, category, purpose, owner, lifecycle,
 *            userCount, model, provider) is stored as `<field>@<client id>` → value | null
 *            (schema 2, field-register.ts; schema 1: a plain `<field>` key, still read).
 *            `draft.<answer>` → true|false, draftBy, draftAt: classification answers not yet
 *            confirmed (classification-draft.ts). archived?, mergedInto?, deleted?: corrections
 *            (record-lifecycle.ts).
 *   people   folded name → { name, from, by, at }: the people directory (people.ts)
 *   triage   toolKey → { state, recordId?, reason?, snoozedUntil?, by, at }
 *   networkLog  toolKey → imported network-log discoveries (see network-log.ts)
 *   risks    riskId → the risk register (see risks.ts)
 *   soa      Annex A control id → the Statement of Applicability (see soa.ts)
 *   approvals  assessmentId → versionId → a lead's confirmed sign-off (see approvals.ts)
 *   customFields  '<recordId>/<name>' → text: imported columns no field holds (see custom-fields.ts)
 *   dutyTracker  '<recordId>/<dutyId>' → the EU AI Act deployer-obligations tracker (see duty-tracker.ts)
 *   interviews  interviewId → sentAt: the stakeholder interviews sent (ids only; INT4,
 *            aims/interview-list.ts)
 *
 * Record fields are described once, in fields.ts: a new field is a line there (and in
 * RecordFields); a change of shape is a migration appended below. `classification`, `notes` and
 * `history` are new optional nested types with writers of their own (classification.ts,
 * notes.ts, history.ts); v1 readers ignore keys they do not know, so they needed no migration.
 * `notes` is one entry per note, so leads adding notes at once all keep theirs; `history` is
 * appended to by the writers in the same transaction as the change, and keeps the latest
 * MAX_HISTORY entries. createRecord makes both with the record: Yjs keeps only one of two nested
 * types created under one key at the same time, so two leads must never each create them. A record
 * from before they existed gets them when a lead's device opens it (ensureRecordLogs), else on
 * first use.
 */
export { META } from '../schema/version.ts';
export const RECORDS = 'records';
export const TRIAGE = 'triage';
export const NOTES = 'notes';
export const HISTORY = 'history';

export const SCHEMA_VERSION = 2;
export const REGISTRY_SCHEMA = defineSchema({
  version: SCHEMA_VERSION,
  migrations: [
    // 1: the first layout. A new document needs nothing: top-level maps appear on first use.
    { version: 1, up: () => {} },
    // 2: single-valued record fields are registers, `<field>@<client>` (field-register.ts), and
    // history entries are compact with whole values (history.ts). Readers read both layouts, so
    // nothing is rewritten (every device rewriting at once would itself look like a conflict);
    // the version only stops schema-1 code from writing the old layout beside the new.
    { version: 2, up: () => {} },
    // 3: append { version: 3, up(doc) { … } } here and raise SCHEMA_VERSION.
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

export const NOTE_KINDS = ['performance', 'drift', 'other'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];
export const MAX_NOTE_TEXT = 4000;
/** A record holds at most this many notes; a writer refuses more. */
export const MAX_NOTES = 500;
/** A record keeps the latest this many history entries (older ones are trimmed from the start). */
export const MAX_HISTORY = 200;
export const MAX_HISTORY_SUMMARY = 500;

export const HISTORY_ACTIONS = [
  'edited',
  'note-added',
  'note-removed',
  /** A lead chose one of the values two writers left at once (field-register.ts). */
  'resolved',
  /** The EU AI Act category decided (confirmed or overridden). */
  'classified',
  /** The tier decided (confirmed or overridden). */
  'tier-decided',
  /** A discovery opened as, merged into or taken out of this record (triage). */
  'triaged',
  /** The status employees see for one of the record's tools (W/policy). */
  'status-set',
  /** An assessment of this record signed off. */
  'signed-off',
  'archived',
  'unarchived',
  /** Another record merged into this one (its detections, notes, history and links follow). */
  'merged-in',
  /** This record merged into another; kept as a pointer to it. */
  'merged-away',
  /** Deleted by an admin, with a reason; the record keeps only its name and history. */
  'deleted',
  /** A lead approved a passed monitoring run: the record may go into use (MON6). */
  'deployment-approved',
  /** A lead let the record go into use without a passed run, with a reason (MON6). */
  'deployment-override',
] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

/** A value as the history keeps it: whole (never clipped), null for none. */
export type ChangeValue = string | number | string[] | null;

/**
 * One change in a history entry. For a set (departments…): `from` the items removed, `to` those
 * added. Otherwise the value before and after. `field` is a record field or a decision's name
 * (euAiAct, tier, status, triage, lifecycle of the record: archived).
 */
export interface FieldChange {
  field: string;
  from: ChangeValue;
  to: ChangeValue;
}

/** A dated performance or drift observation on a record. */
export interface RecordNote {
  id: string;
  kind: NoteKind;
  text: string;
  by: string;
  at: number;
}

/** Who changed what on a record, and when. */
export interface HistoryEntry {
  at: number;
  by: string;
  action: HistoryAction;
  /** The record fields changed ('notes' for a note). */
  fields: string[];
  /** Each change from → to, whole (entries from schema 1 have only a summary). */
  changes?: FieldChange[];
  /** Why (an override, a dismissal, a deletion). */
  reason?: string;
  /** What it concerns beyond the record: a tool key, another record, an assessment. */
  subject?: string;
  /** How: 'confirmed' | 'overridden' for decisions. */
  detail?: string;
  /** A schema-1 entry's short from → to description, clipped. */
  summary?: string;
}

/** A record's notes (newest first) and history (newest first), read without trust. */
export interface RecordLogs {
  notes: RecordNote[];
  history: HistoryEntry[];
  problems: string[];
}

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
  /**
   * Fields two writers set at once without seeing each other (field-register.ts): every value,
   * undefined for a clear. The field itself shows one of them until a lead chooses.
   */
  conflicts?: Partial<Record<keyof RecordFields, unknown[]>>;
  /** Archived: kept, hidden from the lists unless asked for, restorable (record-lifecycle.ts). */
  archived?: RecordStamp;
  /** Only on what Registry.removed holds: merged into this record… */
  mergedInto?: string;
  /** …or deleted by an admin. */
  deleted?: RecordStamp;
}

/** Who did something to a record, when, and why. */
export interface RecordStamp {
  by: string;
  at: number;
  reason?: string;
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
  /** The decisions this one replaced, newest first (the latest 10; triage.ts). */
  earlier?: TriageEntry[];
}

export interface Registry {
  schemaVersion?: number;
  /** In id order. Archived ones included (marked); merged and deleted ones are in `removed`. */
  records: Map<string, RegistryRecord>;
  /** Records merged into another or deleted: their ids, names and where they went. */
  removed?: Map<string, { id: string; name: string; mergedInto?: string; deleted?: RecordStamp }>;
  /** In toolKey order. */
  triage: Map<string, TriageEntry>;
  problems: string[];
}
