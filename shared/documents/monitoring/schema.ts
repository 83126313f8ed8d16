import type * as Y from 'yjs';
import { defineSchema, migrate, type MigrationResult } from '../schema/version.ts';

/**
 * `<workspace>/monitoring/<recordId>`: one AI system's monitoring plan and its observations
 * (docs/monitoring.md). Kept out of the registry so that the registry's hot path never carries
 * observations: a page opens this document only when it shows the system's monitoring.
 *
 *   meta          schemaVersion
 *   plan          frequency, population, dataSource, updatedBy, updatedAt (flat keys)
 *   metrics       metric name → { kind, direction: at-least|at-most, threshold, subgroups: [],
 *                                 onBreach: alert|incident|risk, updatedBy, updatedAt }
 *                                 (one plain object per metric, written whole)
 *   observations  Y.Array of chunks, each a JSON string: one batch, in columns
 *                 '{"by","at","metrics":[…],"subgroups":[…],"versions":[…],"t0",
 *                   "m":[metric index…],"v":[value…],"s":[subgroup index…],"t":[at − t0…],
 *                   "mv":[version index…],"n":[n…]}'
 *                 appended, never edited: a batch of 10,000 observations is one array item,
 *                 each name stored once ('' and 0 stand for no subgroup, model version, n)
 */
export { META } from '../schema/version.ts';
export const PLAN = 'plan';
export const METRICS = 'metrics';
export const OBSERVATIONS = 'observations';

export const MONITORING_SCHEMA = defineSchema({
  version: 1,
  migrations: [{ version: 1, up: () => {} }],
});

/** Brings a monitoring document up to this code's schema; 'newer' means: open it read-only. */
export function migrateMonitoring(doc: Y.Doc): MigrationResult {
  return migrate(doc, MONITORING_SCHEMA);
}

export const METRIC_KINDS = [
  'accuracy',
  'error-rate',
  'calibration',
  'fairness-gap',
  'drift',
  'other',
] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];
/** at-least: a value below the threshold breaches it; at-most: a value above it does. */
export const DIRECTIONS = ['at-least', 'at-most'] as const;
export type Direction = (typeof DIRECTIONS)[number];
/** What a breach raises (docs/monitoring.md MON5). */
export const BREACH_ACTIONS = ['alert', 'incident', 'risk'] as const;
export type BreachAction = (typeof BREACH_ACTIONS)[number];
export const FREQUENCIES = ['continuous', 'daily', 'weekly', 'monthly', 'quarterly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** A metric's name: what a pipeline sends as `metric` (letters, digits, space, . _ - ( ) %). */
export const METRIC_NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._()%-]{0,63}$/u;
/** A subgroup or population name; also a model version: printable, no control characters. */
export const LABEL = /^[^\p{Cc}\p{Cf}]{1,64}$/u;
export const MAX_MODEL_VERSION = 100;
export const MAX_SUBGROUPS = 50;
export const MAX_METRICS = 50;
export const MAX_PLAN_TEXT = 1000;
