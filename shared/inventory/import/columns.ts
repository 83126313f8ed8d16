import type { RecordFields } from '../../documents/registry/index.ts';
import { REGISTER_COLUMNS } from '../register-export.ts';
import { VENDOR_FACTS_COLUMN } from '../register-vendor-facts.ts';
import { HEADER_WORDS } from './header-words.ts';
import { foldWords, hasPhrase } from './words.ts';

/**
 * The column-mapping step: which record field each spreadsheet column fills, suggested from its
 * header and confirmed or changed by a lead. A column no field takes is kept as a custom field
 * named after its header (or, when a lead says so, ignored).
 */

/** The record fields an import fills (tool keys come from the catalog match, never from a cell). */
export type ImportField = Exclude<keyof RecordFields, 'toolKeys'>;
export const IMPORT_FIELDS: readonly ImportField[] = [
  'name',
  'vendor',
  'category',
  'purpose',
  'owner',
  'lifecycle',
  'departments',
  'userCount',
  'dataCategories',
  'model',
  'provider',
];
export const FIELD_LABELS: Record<ImportField, string> = {
  name: 'Name',
  vendor: 'Vendor',
  category: 'Category',
  purpose: 'Purpose',
  owner: 'Owner',
  lifecycle: 'Lifecycle',
  departments: 'Departments',
  userCount: 'Users',
  dataCategories: 'Data categories',
  model: 'Model',
  provider: 'Provider',
};

/** Where a column goes: a record field, a custom field named after its header, or nowhere. */
export type ColumnTarget = ImportField | 'custom' | 'ignore';

export function isColumnTarget(value: unknown): value is ColumnTarget {
  return value === 'custom' || value === 'ignore' || IMPORT_FIELDS.includes(value as ImportField);
}

/** Words too general to name a field when they are only part of a longer header. */
const WHOLE_HEADER_ONLY = new Set([
  'name',
  'system',
  'type',
  'kind',
  'app',
  'title',
  'service',
  'state',
  'contact',
  'model',
  'status',
  'stage',
  'phase',
  'doel',
  'fase',
]);

const PHRASES = IMPORT_FIELDS.map((field) => ({
  field,
  phrases: [...new Set(HEADER_WORDS[field].map(foldWords))],
}));

/** Header text as compared: folded, without a leading section number ("2.1.3 Team" → "team"). */
const headerWords = (header: string) => foldWords(header).replace(/^(?:\d+ )+/, '');

/** How well a header names a field: the whole header beats a phrase inside it; longer beats shorter. */
function score(words: string, phrase: string): number {
  if (words === phrase) return 1000 + phrase.length;
  if (!WHOLE_HEADER_ONLY.has(phrase) && hasPhrase(words, phrase)) return phrase.length;
  return 0;
}

/**
 * The column labels the import shows and stores: each header trimmed (inner whitespace as one
 * space), "Column N" for a blank one, and "(2)", "(3)" after a repeated one — the US federal
 * inventory repeats "If Other, please explain." nine times.
 */
export function columnLabels(headers: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((header, i) => {
    const base =
      header
        .replace(/^\ufeff/, '')
        .replace(/\s+/g, ' ')
        .trim() || `Column ${i + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

/**
 * The suggested target of each column: every field goes to the column whose header names it best
 * (ties to the leftmost), each column takes at most one field, and the rest are kept as custom.
 */
export function suggestColumns(labels: readonly string[]): ColumnTarget[] {
  const candidates: Array<{ column: number; field: ImportField; score: number }> = [];
  labels.forEach((label, column) => {
    const words = headerWords(label);
    for (const { field, phrases } of PHRASES) {
      const best = Math.max(0, ...phrases.map((phrase) => score(words, phrase)));
      if (best > 0) candidates.push({ column, field, score: best });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const targets: ColumnTarget[] = labels.map(() => 'custom');
  const taken = new Set<ImportField>();
  for (const { column, field } of candidates) {
    if (taken.has(field) || targets[column] !== 'custom') continue;
    targets[column] = field;
    taken.add(field);
  }
  // Sightline's own register export: what it adds to the record fields (id, classification,
  // authors) is the registry's own, not the file's, and is left out; its custom fields stay.
  const own = new Set<string>([...REGISTER_COLUMNS, VENDOR_FACTS_COLUMN]);
  if (REGISTER_COLUMNS.every((column) => labels.includes(column))) {
    labels.forEach((label, i) => {
      if (own.has(label) && targets[i] === 'custom') targets[i] = 'ignore';
    });
  }
  return targets;
}

/** A file's headers as one key: the same headers (folded, in order) are the same file layout. */
export const headerSignature = (labels: readonly string[]) =>
  labels.map((label) => foldWords(label)).join('|');
