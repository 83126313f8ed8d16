import { isColumnTarget, type ColumnTarget } from './columns.ts';
import type { ValueTargets } from './value-targets.ts';
import { ENUM_FIELDS, ENUM_VALUES } from './values.ts';

/**
 * A confirmed mapping, kept for the next file with the same headers: on the device in the PWA
 * (Dexie), in a JSON file for the command line (`--mapping MAP.json`). Read back without trust.
 *
 *   { "format": "sightline-inventory-mapping", "version": 1,
 *     "headers": ["Tool", "Anbieter", …],
 *     "columns": { "Tool": "name", "Anbieter": "vendor", "Notes": "custom", "Row ID": "ignore" },
 *     "values": { "lifecycle": { "Under review": "procurement", "TBD": null } } }
 */
export const MAPPING_FORMAT = 'sightline-inventory-mapping';
const MAX_LABEL = 1000;
const MAX_ENTRIES = 2000;

export interface SavedMapping {
  format: typeof MAPPING_FORMAT;
  version: 1;
  headers: string[];
  columns: Record<string, ColumnTarget>;
  values: ValueTargets;
}

export function savedMapping(
  labels: readonly string[],
  targets: readonly ColumnTarget[],
  values: ValueTargets,
): SavedMapping {
  return {
    format: MAPPING_FORMAT,
    version: 1,
    headers: [...labels],
    columns: Object.fromEntries(labels.map((label, i) => [label, targets[i]!])),
    values,
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A mapping as stored or written by hand. `columns` and `values` may be partial (what is left out
 * is suggested); `format`, `version` and `headers` may be left out. Every problem is listed.
 */
export function readSavedMapping(raw: unknown): { mapping?: SavedMapping; problems: string[] } {
  const problems: string[] = [];
  if (!isRecord(raw)) return { problems: ['a mapping is a JSON object'] };
  if (raw.format !== undefined && raw.format !== MAPPING_FORMAT) {
    problems.push(`"format" must be "${MAPPING_FORMAT}"`);
  }
  if (raw.version !== undefined && raw.version !== 1) problems.push('"version" must be 1');
  const headers: string[] = [];
  if (raw.headers !== undefined) {
    if (
      Array.isArray(raw.headers) &&
      raw.headers.length <= MAX_ENTRIES &&
      raw.headers.every((h) => typeof h === 'string' && h.length <= MAX_LABEL)
    ) {
      headers.push(...(raw.headers as string[]));
    } else problems.push('"headers" must be a list of column names');
  }
  const columns: Record<string, ColumnTarget> = {};
  if (raw.columns !== undefined) {
    if (!isRecord(raw.columns) || Object.keys(raw.columns).length > MAX_ENTRIES) {
      problems.push('"columns" must be an object of column name → field');
    } else {
      for (const [label, target] of Object.entries(raw.columns)) {
        if (isColumnTarget(target)) columns[label] = target;
        else
          problems.push(
            `columns."${label}": ${JSON.stringify(target)} is not a field, "custom" or "ignore"`,
          );
      }
    }
  }
  const values: ValueTargets = {};
  if (raw.values !== undefined) {
    if (!isRecord(raw.values))
      problems.push('"values" must be an object of field → { value: target }');
    else {
      for (const [field, map] of Object.entries(raw.values)) {
        const enumField = ENUM_FIELDS.find((f) => f === field);
        if (!enumField || !isRecord(map) || Object.keys(map).length > MAX_ENTRIES) {
          problems.push(
            `values."${field}": not one of ${ENUM_FIELDS.join(', ')} with an object of value → target`,
          );
          continue;
        }
        const targets: Record<string, string | null> = {};
        for (const [value, target] of Object.entries(map)) {
          if (
            target === null ||
            (typeof target === 'string' && ENUM_VALUES[enumField].includes(target))
          ) {
            targets[value] = target;
          } else {
            problems.push(
              `values.${field}."${value}": must be one of ${ENUM_VALUES[enumField].join(', ')}, or null`,
            );
          }
        }
        values[enumField] = targets;
      }
    }
  }
  if (problems.length > 0) return { problems };
  return { mapping: { format: MAPPING_FORMAT, version: 1, headers, columns, values }, problems };
}
