import { RECORD_FIELDS, type RecordFields } from '../documents/registry/index.ts';
import {
  fold,
  readCategory,
  readDataCategories,
  readLifecycle,
  readUserCount,
  splitList,
} from './import-values.ts';

/**
 * Maps a spreadsheet of AI systems (already split into cells: the PWA parses the CSV) to new
 * registry records. Pure: header names are matched case-insensitively with common synonyms,
 * every bad value is reported with its row number and nothing is guessed.
 */

/** The record fields an import fills (tool keys come from detections, never from a file). */
export type ImportField = Exclude<keyof RecordFields, 'toolKeys'>;

const HEADER_WORDS: Record<ImportField, string[]> = {
  name: [
    'name',
    'tool',
    'tool name',
    'system',
    'system name',
    'ai system',
    'ai tool',
    'application',
    'app',
    'product',
  ],
  vendor: ['vendor', 'supplier', 'vendor name', 'company', 'manufacturer'],
  category: ['category', 'type', 'kind', 'tool category'],
  purpose: ['purpose', 'use case', 'use', 'intended purpose', 'description', 'what for'],
  owner: ['owner', 'business owner', 'system owner', 'responsible', 'accountable', 'contact'],
  lifecycle: ['lifecycle', 'lifecycle stage', 'stage', 'lifecycle status'],
  departments: ['departments', 'department', 'teams', 'team', 'business unit', 'business units'],
  userCount: [
    'users',
    'user count',
    'number of users',
    'no of users',
    '# users',
    'seats',
    'headcount',
  ],
  dataCategories: ['data categories', 'data category', 'data', 'data types', 'data kinds'],
  model: ['model', 'underlying model', 'ai model', 'llm'],
  provider: ['provider', 'model provider'],
};
const FIELD_BY_HEADER = new Map(
  (Object.keys(HEADER_WORDS) as ImportField[]).flatMap((field) =>
    HEADER_WORDS[field].map((word) => [word, field] as const),
  ),
);

/** Header text as compared: folded, without a byte-order mark or trailing punctuation. */
const headerKey = (header: string) => fold(header.replace(/^\ufeff/, '').replace(/[:.*]+$/, ''));

export interface ImportColumn {
  header: string;
  /** The field it fills; absent for a column the import leaves out. */
  field?: ImportField;
}

export interface ImportRow {
  /** The row's number as a spreadsheet shows it: the header is row 1. */
  row: number;
  fields: RecordFields;
}

export interface ImportProblem {
  row: number;
  reason: string;
}

export interface InventoryImport {
  columns: ImportColumn[];
  /** Rows that become new records. */
  records: ImportRow[];
  /** Rows with a bad value: left out, with why. */
  errors: ImportProblem[];
  /** Rows naming a system already in the inventory or earlier in the file: left out. */
  duplicates: ImportProblem[];
  /** Why nothing at all can be imported from this file (then every list above is empty). */
  fatal?: string;
}

export const MAX_IMPORT_ROWS = 10_000;

/** Which field each header fills; a second column for the same field is left out. */
export function mapHeaders(headers: readonly string[]): ImportColumn[] {
  const taken = new Set<ImportField>();
  return headers.map((header) => {
    const field = FIELD_BY_HEADER.get(headerKey(header));
    if (!field || taken.has(field)) return { header };
    taken.add(field);
    return { header, field };
  });
}

const nameKey = (name: string) => fold(name);

function checkText(field: ImportField, label: string, value: string): string {
  const spec = RECORD_FIELDS[field];
  if (spec.kind === 'text' && value.length > spec.max) {
    throw new RangeError(`${label} is longer than ${spec.max} characters`);
  }
  return value;
}

function readDepartments(cell: string): string[] {
  const spec = RECORD_FIELDS.departments;
  const items = splitList(cell);
  const max = spec.kind === 'set' ? spec : { maxItems: 100, maxLength: 100 };
  if (items.length > max.maxItems) throw new RangeError(`more than ${max.maxItems} departments`);
  const long = items.find((item) => item.length > (max.maxLength ?? 200));
  if (long !== undefined) throw new RangeError(`Department "${long.slice(0, 40)}…" is too long`);
  return items;
}

/** One field from one cell (already trimmed and not blank); throws a RangeError saying why. */
function readCell(field: ImportField, header: string, cell: string): RecordFields[ImportField] {
  switch (field) {
    case 'category':
      return readCategory(cell);
    case 'lifecycle':
      return readLifecycle(cell);
    case 'departments':
      return readDepartments(cell);
    case 'userCount':
      return readUserCount(cell);
    case 'dataCategories':
      return readDataCategories(cell);
    default:
      return checkText(field, header, cell);
  }
}

/** Undoes the export's formula guard ("'=x" → "=x"): the value is text in the registry. */
const unguard = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

function readRow(columns: ImportColumn[], cells: readonly string[]): RecordFields {
  const fields: Partial<Record<ImportField, unknown>> = {};
  columns.forEach(({ header, field }, i) => {
    const cell = unguard((cells[i] ?? '').trim());
    if (field && cell !== '') fields[field] = readCell(field, header, cell);
  });
  if (fields.name === undefined) throw new RangeError('no name');
  return fields as RecordFields;
}

/**
 * Reads a parsed CSV (`table[0]` is the header row) into new records, each row's problems listed
 * with its number. Blank rows are skipped. Names already in `existingNames` (compared without
 * case or spacing) are duplicates, not new records.
 */
export function mapInventoryImport(
  table: readonly (readonly string[])[],
  existingNames: Iterable<string> = [],
): InventoryImport {
  const empty = { columns: [], records: [], errors: [], duplicates: [] };
  const [headers, ...body] = table;
  if (!headers || headers.every((h) => h.trim() === '')) {
    return { ...empty, fatal: 'The file is empty: it has no header row.' };
  }
  const columns = mapHeaders(headers);
  if (!columns.some((column) => column.field === 'name')) {
    return {
      ...empty,
      columns,
      fatal: 'No column holds the names of the AI systems: call one "Name", "Tool" or "System".',
    };
  }
  const rows = body
    .map((cells, i) => ({ cells, row: i + 2 }))
    .filter(({ cells }) => cells.some((cell) => cell.trim() !== ''));
  if (rows.length === 0)
    return { ...empty, columns, fatal: 'The file has no rows under its header.' };
  if (rows.length > MAX_IMPORT_ROWS) {
    return {
      ...empty,
      columns,
      fatal: `The file has ${rows.length} rows; at most ${MAX_IMPORT_ROWS} are imported at once.`,
    };
  }
  const seen = new Map<string, number | 'inventory'>();
  for (const name of existingNames) seen.set(nameKey(name), 'inventory');
  const result: InventoryImport = { columns, records: [], errors: [], duplicates: [] };
  for (const { cells, row } of rows) {
    let fields: RecordFields;
    try {
      fields = readRow(columns, cells);
    } catch (error) {
      result.errors.push({ row, reason: error instanceof Error ? error.message : String(error) });
      continue;
    }
    const earlier = seen.get(nameKey(fields.name));
    if (earlier !== undefined) {
      const where =
        earlier === 'inventory' ? 'is already in the inventory' : `is already on row ${earlier}`;
      result.duplicates.push({ row, reason: `"${fields.name}" ${where}` });
      continue;
    }
    seen.set(nameKey(fields.name), row);
    result.records.push({ row, fields });
  }
  return result;
}
