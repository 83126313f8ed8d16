import type { ColumnTarget } from './columns.ts';
import { countOutcomes, type ImportPlan, type PreparedTable } from './plan.ts';
import { prepareTable, resolveColumns } from './prepare.ts';
import {
  distinctValues,
  resolveValues,
  type DistinctValue,
  type ValueTargets,
} from './value-targets.ts';
import type { EnumField } from './values.ts';

/** A file read and mapped, ready to plan: what the mapping steps show and a lead confirms. */
export interface ImportSetup {
  table: PreparedTable;
  targets: ColumnTarget[];
  distinct: Partial<Record<EnumField, DistinctValue[]>>;
  values: ValueTargets;
  /** What makes the mapping unusable (then nothing may be imported until it is changed). */
  problems: string[];
}

/**
 * Splits a sheet into header and rows and maps it: the lead's choices where given, suggestions
 * elsewhere. Throws a RangeError for a file nothing can be imported from.
 */
export function setUpImport(
  sheet: readonly (readonly string[])[],
  chosen: { columns?: Readonly<Record<string, unknown>>; values?: ValueTargets } = {},
): ImportSetup {
  const table = prepareTable(sheet);
  const columns = resolveColumns(table.labels, chosen.columns);
  const distinct = distinctValues(table, columns.targets);
  const values = resolveValues(distinct, chosen.values);
  return {
    table,
    targets: columns.targets,
    distinct,
    values: values.values,
    problems: [...columns.problems, ...values.problems],
  };
}

/** The command line's answer: one JSON object, every row accounted for. */
export function importSummary(setup: ImportSetup, plan: ImportPlan) {
  const counts = countOutcomes(plan);
  const labels = setup.table.labels;
  return {
    rows: plan.rows.length,
    created: counts.created,
    updated: counts.updated,
    skipped: plan.rows
      .filter((row) => row.outcome === 'skipped')
      .map((row) => ({ row: row.row, reason: row.reason ?? '' })),
    mapping: Object.fromEntries(
      labels.flatMap((label, i) => {
        const target = setup.targets[i]!;
        return target === 'custom' || target === 'ignore' ? [] : [[label, target]];
      }),
    ),
    customFields: plan.customFields,
    ignored: labels.filter((_, i) => setup.targets[i] === 'ignore'),
    updates: plan.rows
      .filter((row) => row.outcome === 'updated')
      .map((row) => ({ row: row.row, reason: row.reason ?? '' })),
    warnings: plan.rows.flatMap((row) =>
      row.warnings.map((warning) => ({ row: row.row, warning })),
    ),
  };
}
