import { CATEGORIES, CATEGORY_LABELS } from '../../catalog/schema.ts';
import { LIFECYCLES, RECORD_FIELDS } from '../../documents/registry/index.ts';
import { DATA_CATEGORIES } from '../../documents/schema/values.ts';
import type { ImportField } from './columns.ts';
import { CATEGORY_WORDS, DATA_WORDS, LIFECYCLE_WORDS } from './value-words.ts';
import { foldWords } from './words.ts';

/**
 * The value-mapping step and the reading of cells. Enumerated fields (lifecycle, category, data
 * categories) list the distinct values a file holds, each with a suggested target that a lead may
 * change; a value with no target leaves the cell empty, with a warning on its row.
 */

export type EnumField = 'lifecycle' | 'category' | 'dataCategories';
export const ENUM_FIELDS: readonly EnumField[] = ['lifecycle', 'category', 'dataCategories'];
export const isEnumField = (field: ImportField): field is EnumField =>
  (ENUM_FIELDS as readonly string[]).includes(field);

/** The values each enumerated field may take, in the order a lead picks from. */
export const ENUM_VALUES: Record<EnumField, readonly string[]> = {
  lifecycle: LIFECYCLES,
  category: CATEGORIES,
  dataCategories: DATA_CATEGORIES,
};

function wordMap<T extends string>(entries: Array<[T, string[]]>): Map<string, T> {
  return new Map(
    entries.flatMap(([id, words]) => [id, ...words].map((w) => [foldWords(w), id] as const)),
  );
}
const SUGGESTIONS: Record<EnumField, Map<string, string>> = {
  lifecycle: wordMap(LIFECYCLES.map((id) => [id, LIFECYCLE_WORDS[id]])),
  category: wordMap(
    CATEGORIES.map((id) => [id, [CATEGORY_LABELS[id], ...(CATEGORY_WORDS[id] ?? [])]]),
  ),
  dataCategories: wordMap(DATA_CATEGORIES.map((id) => [id, DATA_WORDS[id]])),
};

/**
 * The forms of a value tried in turn: whole, without a list letter ("a) Pre-deployment"), and the
 * part before an explanation ("Pilot – The use case has been deployed…", "Deployed: in use").
 */
function forms(value: string): string[] {
  const unlettered = value.replace(/^\s*[a-z0-9]\)\s*/i, '');
  const head = unlettered.split(/\s[–—-]\s|:/)[0] ?? unlettered;
  return [value, unlettered, head].map(foldWords);
}

/** The suggested target of one value, or undefined when no word fits (the lead chooses). */
export function suggestValue(field: EnumField, value: string): string | undefined {
  for (const form of forms(value)) {
    const found = SUGGESTIONS[field].get(form);
    if (found) return found;
  }
  return undefined;
}

/** Items of a list cell: split on ; , | or a line break, trimmed, blanks and repeats dropped. */
export function splitList(cell: string): string[] {
  return [...new Set(cell.split(/[;,|\r\n]+/).map((item) => item.trim()))].filter(Boolean);
}

/** The distinct values a cell gives an enumerated field (a data-categories cell is a list). */
export const enumItems = (field: EnumField, cell: string) =>
  field === 'dataCategories' ? splitList(cell) : [cell];

/** A cell the field cannot hold: the cell is left empty and this is said on its row. */
export class CellError extends Error {}

/**
 * A number of users. Thousands may be grouped ("1,200", "1.200", "1 200"); an approximate
 * number ("~180", "ca. 40", "approx. 50", "50,000+") is read as the number, with a note.
 * A range ("101-1000") is not one number: refused.
 */
export function readUserCount(cell: string): { value: number; note?: string } {
  const approx =
    /^(?:~|≈|ca\.?|circa|approx\.?|approximately|about|around|etwa|ongeveer|env\.?|environ)\s*/i;
  const plus = /\s*\+$/;
  const isApprox = approx.test(cell) || plus.test(cell);
  const digits = cell
    .replace(approx, '')
    .replace(plus, '')
    .replace(/[\s\u00a0\u202f]/g, '');
  if (!/^(?:\d+|\d{1,3}(?:,\d{3})+|\d{1,3}(?:\.\d{3})+)$/.test(digits)) {
    throw new CellError(`"${cell}" is not a number of users`);
  }
  const value = Number(digits.replace(/[,.]/g, ''));
  if (!Number.isSafeInteger(value)) throw new CellError(`"${cell}" is too large a number`);
  return isApprox ? { value, note: `"${cell}" read as ${value}` } : { value };
}

/** Text for a text field, refused when longer than the field holds. */
export function readText(field: ImportField, cell: string): string {
  const spec = RECORD_FIELDS[field];
  if (spec.kind === 'text' && cell.length > spec.max) {
    throw new CellError(`longer than ${spec.max} characters`);
  }
  return cell;
}

/** Department names from a list cell, each within the record's limits. */
export function readDepartments(cell: string): string[] {
  const spec = RECORD_FIELDS.departments;
  const max = spec.kind === 'set' ? spec : { maxItems: 100, maxLength: 100 };
  const items = splitList(cell);
  if (items.length > max.maxItems) throw new CellError(`more than ${max.maxItems} departments`);
  const long = items.find((item) => item.length > (max.maxLength ?? 200));
  if (long !== undefined) throw new CellError(`department "${long.slice(0, 40)}…" is too long`);
  return items;
}
