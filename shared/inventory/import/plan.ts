import type { RecordFields, RegistryRecord } from '../../documents/registry/index.ts';
import { customFieldName } from '../../documents/registry/custom-fields.ts';
import type { CatalogTool } from './catalog-match.ts';
import { catalogMatcher } from './catalog-match.ts';
import type { ColumnTarget } from './columns.ts';
import { merge, readRow } from './row-values.ts';
import type { ValueTargets } from './value-targets.ts';
import { identityKey } from './words.ts';

/**
 * Plans an import: what each row of the file does to the registry, before anything is written.
 * Every row is accounted for — it creates a record, updates one, or is skipped with its reason —
 * and a bad cell never costs its row: the cell is left empty, its text kept as a custom field,
 * and the row says why. Pure: the same file, mapping and registry give the same plan.
 *
 * Identity (docs/imports.md, I3): a row is the record whose name it gives (case, accents,
 * spacing and punctuation aside), or, failing that, the record of the same catalog tool and
 * vendor. Several rows naming one tool — the same tool used by two departments — are one record:
 * their departments, data categories and custom values are joined, their user counts added,
 * their purposes listed, and any other field that differs is kept from the first row with a
 * warning on the later one.
 */

export const MAX_IMPORT_ROWS = 10_000;

export interface PreparedTable {
  /** The column labels (see columnLabels). */
  labels: string[];
  /** Rows under the header, numbered as a spreadsheet shows them (the header is row 1). */
  rows: Array<{ row: number; cells: string[] }>;
}

export type Outcome = 'created' | 'updated' | 'skipped';

export interface RowOutcome {
  row: number;
  outcome: Outcome;
  /** The name the row gives (absent when skipped for having none). */
  name?: string;
  /** Index into ImportPlan.records of the record it creates or updates. */
  record?: number;
  /** Why it was skipped, or which record it updates and why. */
  reason?: string;
  /** Cells left empty and values not taken, in words. */
  warnings: string[];
}

export interface PlannedRecord {
  /** The existing record it updates; absent for a new one. */
  existingId?: string;
  /** For a new record, every field; for an update, only what the rows give (lists joined with the record's). */
  fields: RecordFields;
  custom: Record<string, string>;
  /** The rows that make it, in file order. */
  rows: number[];
  /** The catalog tool the first row names, whose detections the record then lists. */
  toolKey?: string;
}

export interface ImportPlan {
  rows: RowOutcome[];
  records: PlannedRecord[];
  /** Custom field names the plan writes, in column order. */
  customFields: string[];
}

export interface PlanContext {
  existing: Iterable<RegistryRecord>;
  catalog: Iterable<CatalogTool>;
}

/** Plans every row of `table` with the confirmed column and value targets. */
export function planImport(
  table: PreparedTable,
  targets: readonly ColumnTarget[],
  values: ValueTargets,
  context: PlanContext,
): ImportPlan {
  const catalog = [...context.catalog];
  const toolById = new Map(catalog.map((tool) => [tool.id, tool]));
  const findTool = catalogMatcher(catalog);
  const vendorToolKey = (vendor: string | undefined, toolKey: string) => {
    const effective = vendor ?? toolById.get(toolKey)?.vendor ?? '';
    return `${identityKey(effective)}|${toolKey}`;
  };

  // Existing records by name and by (vendor, catalog tool); the first by id wins a tie.
  const existingByName = new Map<string, RegistryRecord>();
  const existingByTool = new Map<string, RegistryRecord>();
  for (const record of [...context.existing].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const key = identityKey(record.name);
    if (!existingByName.has(key)) existingByName.set(key, record);
    for (const toolKey of record.toolKeys) {
      const key2 = vendorToolKey(record.vendor, toolKey);
      if (!existingByTool.has(key2)) existingByTool.set(key2, record);
    }
  }

  const plan: ImportPlan = { rows: [], records: [], customFields: [] };
  // Records this file already makes or updates, by the same keys.
  const planByName = new Map<string, number>();
  const planByTool = new Map<string, number>();
  const planByExisting = new Map<string, number>();
  const customSeen = new Set<string>();

  for (const { row, cells } of table.rows) {
    if (cells.every((cell) => cell.trim() === '')) {
      plan.rows.push({ row, outcome: 'skipped', reason: 'the row is empty', warnings: [] });
      continue;
    }
    const read = readRow(table.labels, targets, values, cells);
    const name = read.fields.name as string | undefined;
    if (name === undefined) {
      const why = read.warnings.find((w) =>
        w.startsWith(`${table.labels[targets.indexOf('name')]}:`),
      );
      plan.rows.push({
        row,
        outcome: 'skipped',
        reason: why
          ? `its name cannot be read (${why.split(': ').slice(1).join(': ')})`
          : 'it has no name',
        warnings: read.warnings,
      });
      continue;
    }
    for (const customName of Object.keys(read.custom)) customSeen.add(customName);
    const vendor = read.fields.vendor as string | undefined;
    const toolKey = findTool(name, vendor)?.id;
    const nameKey = identityKey(name);
    const toolMatchKey = toolKey === undefined ? undefined : vendorToolKey(vendor, toolKey);

    let index =
      planByName.get(nameKey) ??
      (toolMatchKey === undefined ? undefined : planByTool.get(toolMatchKey));
    let reason: string | undefined;
    if (index !== undefined) {
      const target = plan.records[index]!;
      const how =
        planByName.get(nameKey) === index ? 'the same name' : 'the same vendor and catalog tool';
      reason = `joins row ${target.rows[0]}'s record (${how})`;
    } else {
      const byName = existingByName.get(nameKey);
      const existing = byName ?? (toolMatchKey ? existingByTool.get(toolMatchKey) : undefined);
      if (existing) {
        index = planByExisting.get(existing.id);
        reason = `updates "${existing.name}" (${byName ? 'the same name' : 'the same vendor and catalog tool'})`;
        if (index === undefined) {
          index = plan.records.length;
          plan.records.push({
            existingId: existing.id,
            fields: { name: existing.name },
            custom: {},
            rows: [],
          });
          planByExisting.set(existing.id, index);
          planByName.set(identityKey(existing.name), index);
        }
      }
    }

    const warnings = [...read.warnings];
    if (index === undefined) {
      index = plan.records.length;
      plan.records.push({
        fields: { ...(read.fields as RecordFields) },
        custom: { ...read.custom },
        rows: [row],
        ...(toolKey ? { toolKey } : {}),
      });
      plan.rows.push({ row, outcome: 'created', name, record: index, warnings });
    } else {
      const target = plan.records[index]!;
      if (target.rows.length === 0) {
        // The first row to update an existing record: its values, not a merge.
        const { name: _given, ...rest } = read.fields;
        Object.assign(target.fields, rest);
        Object.assign(target.custom, read.custom);
        if (identityKey(name) !== identityKey(target.fields.name)) {
          warnings.push(`named "${name}" here; the record keeps its name "${target.fields.name}"`);
        }
      } else {
        warnings.push(...merge(target, target.rows[0]!, read.fields, read.custom));
      }
      target.rows.push(row);
      if (toolKey && !target.toolKey) target.toolKey = toolKey;
      plan.rows.push({
        row,
        outcome: 'updated',
        name,
        record: index,
        ...(reason ? { reason } : {}),
        warnings,
      });
    }
    planByName.set(nameKey, index);
    if (toolMatchKey && !planByTool.has(toolMatchKey)) planByTool.set(toolMatchKey, index);
  }
  plan.customFields = table.labels
    .map((label) => customFieldName(label))
    .filter((name) => customSeen.has(name));
  return plan;
}

/** How many rows each outcome has. */
export function countOutcomes(plan: ImportPlan): Record<Outcome, number> {
  const counts: Record<Outcome, number> = { created: 0, updated: 0, skipped: 0 };
  for (const row of plan.rows) counts[row.outcome]++;
  return counts;
}
