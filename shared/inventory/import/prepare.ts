import {
  FIELD_LABELS,
  columnLabels,
  isColumnTarget,
  suggestColumns,
  type ColumnTarget,
  type ImportField,
} from './columns.ts';
import { MAX_IMPORT_ROWS, type PreparedTable } from './plan.ts';

/**
 * A parsed sheet (rows of cells, as text) split into its header and its rows. The header is the
 * first row with anything in it; rows after the last one with anything in it are dropped (the
 * final line break of a CSV, a sheet's formatted but empty rows). Throws a RangeError, saying why,
 * for a file nothing can be imported from.
 */
export function prepareTable(sheet: readonly (readonly string[])[]): PreparedTable {
  const filled = (cells: readonly string[]) => cells.some((cell) => cell.trim() !== '');
  const start = sheet.findIndex(filled);
  if (start < 0) throw new RangeError('The file is empty: it has no header row.');
  let end = sheet.length;
  while (end > start + 1 && !filled(sheet[end - 1]!)) end--;
  const rows = sheet
    .slice(start + 1, end)
    .map((cells, i) => ({ row: start + i + 2, cells: [...cells] }));
  if (rows.length === 0) throw new RangeError('The file has no rows under its header.');
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new RangeError(
      `The file has ${rows.length} rows; at most ${MAX_IMPORT_ROWS} are imported at once.`,
    );
  }
  return { labels: columnLabels(sheet[start]!), rows };
}

/**
 * The column targets in force: a lead's choice (by column label) where given, else the
 * suggestion. `problems` lists what makes the mapping unusable: a label the file does not have, a
 * target that does not exist, one field on two columns, no column for the name.
 */
export function resolveColumns(
  labels: readonly string[],
  chosen: Readonly<Record<string, unknown>> = {},
): { targets: ColumnTarget[]; problems: string[] } {
  const problems: string[] = [];
  for (const label of Object.keys(chosen)) {
    if (!labels.includes(label)) problems.push(`the file has no column "${label}"`);
  }
  const suggested = suggestColumns(labels);
  const targets = labels.map((label, i) => {
    const choice = chosen[label];
    if (choice === undefined) return suggested[i]!;
    if (isColumnTarget(choice)) return choice;
    problems.push(
      `column "${label}": ${JSON.stringify(choice)} is not a field, "custom" or "ignore"`,
    );
    return suggested[i]!;
  });
  // A field a lead gave to one column leaves the column it was suggested for.
  const explicit = new Set(Object.entries(chosen).map(([, target]) => target));
  targets.forEach((target, i) => {
    if (
      chosen[labels[i]!] === undefined &&
      target !== 'custom' &&
      target !== 'ignore' &&
      explicit.has(target)
    ) {
      targets[i] = 'custom';
    }
  });
  const seen = new Map<ImportField, string>();
  targets.forEach((target, i) => {
    if (target === 'custom' || target === 'ignore') return;
    const earlier = seen.get(target);
    if (earlier !== undefined) {
      problems.push(
        `${FIELD_LABELS[target]} is given to two columns: "${earlier}" and "${labels[i]}"`,
      );
    } else seen.set(target, labels[i]!);
  });
  if (!seen.has('name')) {
    problems.push('no column holds the names of the AI systems: give one the field Name');
  }
  return { targets, problems };
}
