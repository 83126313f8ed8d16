import MiniSearch from 'minisearch';
import type { RegistryRecord } from '../../../../shared/documents/registry/index.ts';
import type { InventoryRow } from './inventory-rows.ts';
import { NONE, type ListQuery } from './list-query.ts';

const RECENT_QUERIES = 32;
const FIELDS = ['name', 'vendor', 'purpose', 'owner', 'departments', 'model', 'provider'] as const;

/** A full-text index of the records: built once per registry change, queried per keystroke. */
export interface InventorySearch {
  /** The ids of the records matching every word (prefixes count); undefined for a blank query. */
  match(text: string): Set<string> | undefined;
}

function fieldText(record: RegistryRecord, field: string): string {
  const value = record[field as keyof RegistryRecord];
  return Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : '';
}

/** Everything the index holds, as one string: equal strings, equal indexes. */
export function searchedText(records: Iterable<RegistryRecord>): string {
  const parts: string[] = [];
  for (const record of records) {
    parts.push(record.id, ...FIELDS.map((field) => fieldText(record, field)));
  }
  return parts.join('\u0000');
}

export function inventorySearch(records: Iterable<RegistryRecord>): InventorySearch {
  const index = new MiniSearch<RegistryRecord>({
    fields: [...FIELDS],
    storeFields: [],
    extractField: fieldText,
  });
  index.addAll([...records]);
  // The last few answers: a backspace goes back to a query just asked, and is answered at once.
  const recent = new Map<string, Set<string>>();
  return {
    match(text) {
      if (text.trim() === '') return undefined;
      const cached = recent.get(text);
      if (cached) return cached;
      const results = index.search(text, {
        combineWith: 'AND',
        prefix: true,
        // A typo in a longer word still finds it; short words must match as typed.
        fuzzy: (term) => (term.length > 4 ? 0.2 : false),
      });
      const found = new Set(results.map((result) => String(result.id)));
      recent.set(text, found);
      if (recent.size > RECENT_QUERIES) recent.delete(recent.keys().next().value!);
      return found;
    },
  };
}

const matches = (wanted: string, value: string) =>
  wanted === '' || (wanted === NONE ? value === '' : value === wanted);

/** The rows the filters keep, in the order given (already sorted). */
export function filterRows(
  rows: readonly InventoryRow[],
  query: ListQuery,
  found: Set<string> | undefined,
): readonly InventoryRow[] {
  const { lifecycle, tier, euAiAct, category, owner, archived } = query;
  const anyArchived = rows.some((row) => row.archived);
  const filtered = lifecycle || tier || euAiAct || category || owner;
  if (found === undefined && !filtered && (archived === 'show' || !anyArchived)) return rows;
  // Archived records are kept but hidden unless asked for (rule RC3).
  const archiveOk = (row: InventoryRow) =>
    archived === 'show' || (archived === 'only' ? row.archived : !row.archived);
  return rows.filter(
    (row) =>
      archiveOk(row) &&
      (found === undefined || found.has(row.id)) &&
      matches(query.lifecycle, row.lifecycle) &&
      matches(query.tier, row.tierId) &&
      matches(query.euAiAct, row.euAiActId) &&
      matches(query.category, row.categoryId) &&
      (owner === '' || (owner === NONE ? row.owner === '' : row.owner === owner)),
  );
}
