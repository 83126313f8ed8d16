import * as Y from 'yjs';
import type { Category } from '../../catalog/schema.ts';
import type { ReporterActivity } from './activity.ts';
import { isPlainObject } from '../schema/read-core.ts';
import { defineSchema, migrate, type MigrationResult } from '../schema/version.ts';

/**
 * `<workspace>/discoveries`: every report combined per tool, so the PWA need not open thousands
 * of report documents. Only the relay writes it; everyone else opens it read-only.
 *
 *   meta   schemaVersion, updatedAt
 *   tools  toolKey → { name, category, reporters, firstSeen, lastSeen, firstReportedAt,
 *                      flagCount, signals, hosts (≤ 20), embeddedIn (≤ 50), purposes (≤ 20),
 *                      dataCategories, reporterIds (only with attributed reporting) }
 *          firstReportedAt: when the relay first derived the tool (its own clock), set once and
 *          never moved (write.ts); absent in tools written before it existed (read as firstSeen).
 *          one JSON text per tool since version 3 (a plain object in version 2, a nested
 *          Y.Map in version 1); empty lists are left out.
 *   activity  { reporters7d, reporters30d, computedAt } (activity.ts: reporters active lately)
 *
 * The lists are plain JSON arrays: one writer replaces them whole, and nobody merges into them.
 */
export { META } from '../schema/version.ts';
export const TOOLS = 'tools';

export const SCHEMA_VERSION = 3;
export const DISCOVERIES_SCHEMA = defineSchema({
  version: SCHEMA_VERSION,
  migrations: [
    // 1: the first layout. A new document needs nothing: top-level maps appear on first use.
    { version: 1, up: () => {} },
    // 2: each tool one plain object instead of a nested map of a dozen keys: the relay is the
    // only writer, so nothing merges inside a tool, and 20,000 tools load several times faster.
    // Readers take both shapes and check every field, so the values are copied as they are.
    {
      version: 2,
      up(doc) {
        const tools = doc.getMap<unknown>(TOOLS);
        for (const [key, value] of [...tools.entries()]) {
          if (value instanceof Y.Map) tools.set(key, value.toJSON());
        }
      },
    },
    // 3: each tool one JSON text: Yjs decodes a string at once, where it walks an object value by
    // value; a local copy of 20,000 tools decodes about six times faster (`npm run bench --
    // inbox-read`), and JSON.parse reads it back faster still. Only the relay writes tools.
    {
      version: 3,
      up(doc) {
        const tools = doc.getMap<unknown>(TOOLS);
        for (const [key, value] of [...tools.entries()]) {
          if (value instanceof Y.Map) tools.set(key, JSON.stringify(value.toJSON()));
          else if (isPlainObject(value)) tools.set(key, JSON.stringify(value));
        }
      },
    },
  ],
});

/** Brings the discoveries up to this code's schema; 'newer' means: open it read-only. */
export function migrateDiscoveries(doc: Y.Doc): MigrationResult {
  return migrate(doc, DISCOVERIES_SCHEMA);
}

export const MAX_HOSTS = 20;
export const MAX_EMBEDDED_IN = 50;
export const MAX_PURPOSES = 20;
/** Attributed reporting lists who; past this many, the most recent reporters are named. */
export const MAX_REPORTER_IDS = 100;
export const MAX_NAME = 100;
export const MAX_PURPOSE = 500;

/** One tool across every reporter. Every list is sorted and bounded. */
export interface DiscoveryAggregate {
  name: string;
  category: Category;
  /** How many distinct reporters saw or flagged it. */
  reporters: number;
  firstSeen: number;
  lastSeen: number;
  signals: string[];
  hosts: string[];
  embeddedIn: string[];
  flagCount: number;
  purposes: string[];
  dataCategories: string[];
  /** Only when the workspace chose attributed reporting. */
  reporterIds?: string[];
}

export interface Discovery extends DiscoveryAggregate {
  toolKey: string;
  /**
   * When the relay first knew the tool (its clock, epoch ms): a sighting reported days late has
   * an old `firstSeen` but a recent `firstReportedAt`. `firstSeen` when the document has none.
   */
  firstReportedAt: number;
}

export interface Discoveries {
  schemaVersion?: number;
  updatedAt?: number;
  /** How many extensions reported lately; absent until the relay has counted. */
  activity?: ReporterActivity;
  tools: Discovery[];
  problems: string[];
}
