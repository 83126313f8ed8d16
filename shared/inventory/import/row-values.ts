import { MAX_CUSTOM_VALUE, customFieldName } from '../../documents/registry/custom-fields.ts';
import { FIELD_LABELS, type ColumnTarget, type ImportField } from './columns.ts';
import type { PlannedRecord } from './plan.ts';
import type { ValueTargets } from './value-targets.ts';
import {
  CellError,
  enumItems,
  isEnumField,
  readDepartments,
  readText,
  readUserCount,
} from './values.ts';

/**
 * One row's cells read into record fields and custom values (a cell a field cannot hold is left
 * empty, its text kept as the column's custom field: docs/imports.md I2), and a later row of the
 * same record folded into it (the same tool used by two departments: I3).
 */

/** Undoes the export's formula guard ("'=x" → "=x"): the value is text in the registry. */
const unguard = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

export type RowValues = Partial<Record<ImportField, string | number | string[]>>;

/** One row's cells read into fields and custom values, with the warnings for cells not taken. */
export function readRow(
  labels: readonly string[],
  targets: readonly ColumnTarget[],
  values: ValueTargets,
  cells: readonly string[],
) {
  const fields: RowValues = {};
  const custom: Record<string, string> = {};
  const warnings: string[] = [];
  const keep = (label: string, cell: string, why: string) => {
    const name = customFieldName(label);
    if (cell.length <= MAX_CUSTOM_VALUE) {
      custom[name] = cell;
      warnings.push(`${label}: ${why}; left empty, the text kept as a custom field`);
    } else {
      warnings.push(`${label}: ${why}; left empty (too long to keep: ${cell.length} characters)`);
    }
  };
  targets.forEach((target, i) => {
    const label = labels[i]!;
    const cell = unguard((cells[i] ?? '').trim());
    if (cell === '' || target === 'ignore') return;
    if (target === 'custom') {
      if (cell.length <= MAX_CUSTOM_VALUE) custom[customFieldName(label)] = cell;
      else
        warnings.push(
          `${label}: ${cell.length} characters, more than a custom field keeps; left out`,
        );
      return;
    }
    try {
      if (isEnumField(target)) {
        const chosen = enumItems(target, cell).map(
          (item) => [item, values[target]?.[item]] as const,
        );
        const missing = chosen.filter(([, to]) => !to).map(([item]) => `"${item}"`);
        const mapped = [...new Set(chosen.flatMap(([, to]) => (to ? [to] : [])))];
        if (missing.length > 0) {
          const what = `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not a ${FIELD_LABELS[target].toLowerCase()} value`;
          if (mapped.length === 0) throw new CellError(what);
          warnings.push(`${label}: ${what}; left out`);
        }
        fields[target] = target === 'dataCategories' ? mapped : mapped[0]!;
      } else if (target === 'userCount') {
        const { value, note } = readUserCount(cell);
        fields.userCount = value;
        if (note) warnings.push(`${label}: ${note}`);
      } else if (target === 'departments') {
        fields.departments = readDepartments(cell);
      } else {
        fields[target] = readText(target, cell);
      }
    } catch (error) {
      if (!(error instanceof CellError)) throw error;
      keep(label, cell, error.message);
    }
  });
  return { fields, custom, warnings };
}

const joinDistinct = (a: string, b: string, separator: string) =>
  a.split(separator).includes(b) ? a : `${a}${separator}${b}`;

/** Folds a later row of the same record into it; returns that row's warnings. */
export function merge(
  into: PlannedRecord,
  firstRow: number,
  row: RowValues,
  custom: Record<string, string>,
) {
  const warnings: string[] = [];
  const fields = into.fields as RowValues;
  // Users of another department add up; the same department named again is the same people.
  const known = new Set(into.fields.departments ?? []);
  const otherDepartment =
    (row.departments as string[] | undefined)?.some((d) => !known.has(d)) ?? false;
  for (const [name, value] of Object.entries(row) as Array<
    [ImportField, string | number | string[]]
  >) {
    const current = fields[name];
    if (name === 'name') continue;
    if (Array.isArray(value)) {
      fields[name] = [...new Set([...((current as string[] | undefined) ?? []), ...value])];
    } else if (current === undefined) {
      fields[name] = value;
    } else if (name === 'userCount') {
      if (otherDepartment) {
        fields.userCount = (current as number) + (value as number);
        warnings.push(
          `Users added to the record's (another department): ${fields.userCount} in all`,
        );
      } else if (value !== current) {
        fields.userCount = Math.max(current as number, value as number);
        warnings.push(
          `Users ${value} for the same department as row ${firstRow}: the larger, ${fields.userCount}, kept`,
        );
      }
    } else if (name === 'purpose') {
      const joined = joinDistinct(current as string, value as string, '\n');
      if (joined.length <= 2000) fields.purpose = joined;
      else warnings.push(`Purpose not added: the record's would pass 2000 characters`);
    } else if (current !== value) {
      warnings.push(
        `${FIELD_LABELS[name]} "${value}" differs from row ${firstRow}'s "${current}"; row ${firstRow}'s kept`,
      );
    }
  }
  for (const [name, value] of Object.entries(custom)) {
    const current = into.custom[name];
    const joined = current === undefined ? value : joinDistinct(current, value, '; ');
    if (joined.length <= MAX_CUSTOM_VALUE) into.custom[name] = joined;
    else
      warnings.push(`${name}: not added, the record's would pass ${MAX_CUSTOM_VALUE} characters`);
  }
  return warnings;
}
