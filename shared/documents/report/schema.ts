import type { Category } from '../../catalog/schema.ts';
import type { DataCategory } from '../schema/values.ts';
import type * as Y from 'yjs';
import { defineSchema, migrate, type MigrationResult } from '../schema/version.ts';

/**
 * `<workspace>/reports/<reporterId>`: what one installed extension saw. That extension is its only
 * writer, so rewriting its own keys (lastSeen, day counts) stays cheap in the v1 encoding.
 *
 *   meta   schemaVersion, reporterId, extensionVersion, catalogVersion
 *   tools  toolKey → { name, category, firstSeen, lastSeen,
 *                      signals: signal → lastSeen, hosts: host → lastSeen (20 most recent),
 *                      embeddedIn: site → lastSeen (50 most recent),
 *                      days: 'YYYY-MM-DD' (UTC) → count (90 days back from the newest) }
 *   flags  flagId → { toolKey, host, name, purpose, dataCategories: cat → true, note, createdAt }
 */
export { META } from '../schema/version.ts';
export const TOOLS = 'tools';
export const FLAGS = 'flags';

export const SCHEMA_VERSION = 1;
export const REPORT_SCHEMA = defineSchema({
  version: SCHEMA_VERSION,
  migrations: [
    // 1: the first layout. A new document needs nothing: top-level maps appear on first use.
    { version: 1, up: () => {} },
  ],
});

/** Brings a report up to this code's schema; 'newer' means: open it read-only. */
export function migrateReport(doc: Y.Doc): MigrationResult {
  return migrate(doc, REPORT_SCHEMA);
}

export const SIGNALS = ['visit', 'api-call', 'extension', 'flag'] as const;
export type Signal = (typeof SIGNALS)[number];

export const MAX_HOSTS = 20;
export const MAX_EMBEDDED_IN = 50;
export const DAYS_KEPT = 90;
export const MAX_NAME = 100;
export const MAX_PURPOSE = 500;
export const MAX_NOTE = 1000;
export const MAX_VERSION_TEXT = 64;
/** An employee flags by hand; this many is far beyond use and keeps a runaway script bounded. */
export const MAX_FLAGS = 1000;

/** One detection, as the extension batches them. */
export interface Sighting {
  toolKey: string;
  name: string;
  category: Category;
  /** The host the tool was seen on; absent for an installed extension. */
  host?: string;
  signal: Signal;
  /** For an API call: the site that made it. */
  embeddedIn?: string;
  /** Epoch milliseconds. */
  at: number;
}

export interface ReportTool {
  toolKey: string;
  name: string;
  category: Category;
  firstSeen: number;
  lastSeen: number;
  /** signal → last seen; the maps below are in key order. */
  signals: Map<Signal, number>;
  hosts: Map<string, number>;
  embeddedIn: Map<string, number>;
  /** 'YYYY-MM-DD' (UTC) → sightings that day. */
  days: Map<string, number>;
}

export interface ReportFlag {
  id: string;
  toolKey: string;
  host?: string;
  name: string;
  /** Empty when the employee gave none. */
  purpose: string;
  dataCategories: DataCategory[];
  note: string;
  createdAt: number;
}

export interface ReportMeta {
  reporterId: string;
  extensionVersion: string;
  catalogVersion: string;
}

export interface Report extends Partial<ReportMeta> {
  /** 0 for a document never written. */
  schemaVersion?: number;
  tools: ReportTool[];
  flags: ReportFlag[];
  problems: string[];
}

/** The UTC day of an epoch-milliseconds time: 'YYYY-MM-DD'. */
export function dayOf(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
