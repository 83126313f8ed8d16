import type { ColumnTarget } from './columns.ts';
import type { PreparedTable } from './plan.ts';
import { ENUM_FIELDS, ENUM_VALUES, enumItems, suggestValue, type EnumField } from './values.ts';

/** Per enumerated field, each value as written (trimmed) → the value it becomes, or null: left empty. */
export type ValueTargets = Partial<Record<EnumField, Record<string, string | null>>>;

export interface DistinctValue {
  value: string;
  /** How many rows hold it. */
  rows: number;
  suggested?: string;
}

/** The distinct values of every enumerated field a column fills, in order of first appearance. */
export function distinctValues(
  table: PreparedTable,
  targets: readonly ColumnTarget[],
): Partial<Record<EnumField, DistinctValue[]>> {
  const found: Partial<Record<EnumField, Map<string, DistinctValue>>> = {};
  targets.forEach((target, column) => {
    if (!(ENUM_FIELDS as readonly string[]).includes(target)) return;
    const field = target as EnumField;
    const values = (found[field] ??= new Map());
    for (const { cells } of table.rows) {
      const cell = (cells[column] ?? '').trim();
      if (cell === '') continue;
      for (const item of enumItems(field, cell)) {
        const entry = values.get(item);
        if (entry) entry.rows++;
        else {
          const suggested = suggestValue(field, item);
          values.set(item, { value: item, rows: 1, ...(suggested ? { suggested } : {}) });
        }
      }
    }
  });
  return Object.fromEntries(
    Object.entries(found).map(([field, values]) => [field, [...values.values()]]),
  );
}

/**
 * The value targets in force: a lead's choice where given (a value that is not one the field
 * takes is refused: `problems`), else the suggestion, else none (the cell is left empty).
 */
export function resolveValues(
  distinct: Partial<Record<EnumField, DistinctValue[]>>,
  chosen: ValueTargets = {},
): { values: ValueTargets; problems: string[] } {
  const values: ValueTargets = {};
  const problems: string[] = [];
  for (const field of ENUM_FIELDS) {
    const list = distinct[field];
    if (!list) continue;
    const map: Record<string, string | null> = {};
    for (const { value, suggested } of list) {
      const choice = chosen[field]?.[value];
      if (choice !== undefined && choice !== null && !ENUM_VALUES[field].includes(choice)) {
        problems.push(
          `${field}: "${value}" cannot become "${choice}" (one of ${ENUM_VALUES[field].join(', ')}, or null)`,
        );
        continue;
      }
      map[value] = choice !== undefined ? choice : (suggested ?? null);
    }
    values[field] = map;
  }
  return { values, problems };
}
