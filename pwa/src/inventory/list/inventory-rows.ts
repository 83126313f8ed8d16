import { CATEGORY_LABELS } from '../../../../shared/catalog/schema.ts';
import {
  EU_AI_ACT_CATEGORIES,
  type EuAiActCategory,
} from '../../../../shared/classification/index.ts';
import { LIFECYCLES, type RegistryRecord } from '../../../../shared/documents/registry/index.ts';
import { EU_AI_ACT_LABELS } from '../classification-words.ts';

/** One inventory row: what the table shows, and the raw values it filters and sorts on. */
export interface InventoryRow {
  id: string;
  name: string;
  vendor: string;
  category: string;
  categoryId: string;
  lifecycle: string;
  owner: string;
  departments: string;
  users: number | undefined;
  /** The decided tier's id ('' when undecided) and its name on the workspace's scheme. */
  tierId: string;
  tier: string;
  /** The decision's category, else the suggestion's ('' when unclassified). */
  euAiActId: EuAiActCategory | '';
  euAiAct: string;
  updatedAt: number;
  archived: boolean;
}

export function lifecycleLabel(lifecycle: string): string {
  return lifecycle === 'in-use' ? 'In use' : lifecycle.charAt(0).toUpperCase() + lifecycle.slice(1);
}

function euAiAct(record: RegistryRecord): Pick<InventoryRow, 'euAiActId' | 'euAiAct'> {
  const c = record.classification;
  if (c?.decision)
    return { euAiActId: c.decision.category, euAiAct: EU_AI_ACT_LABELS[c.decision.category] };
  if (c?.suggested) {
    const id = c.suggested.category;
    return { euAiActId: id, euAiAct: `${EU_AI_ACT_LABELS[id]} (suggested)` };
  }
  return { euAiActId: '', euAiAct: '' };
}

export function inventoryRow(
  record: RegistryRecord,
  tierName: (id: string) => string,
): InventoryRow {
  const tierId = record.classification?.tier?.decided ?? '';
  return {
    id: record.id,
    name: record.archived ? `${record.name} (archived)` : record.name,
    vendor: record.vendor ?? '',
    category: record.category ? CATEGORY_LABELS[record.category] : '',
    categoryId: record.category ?? '',
    lifecycle: record.lifecycle ?? '',
    owner: record.owner ?? '',
    departments: record.departments.join(', '),
    users: record.userCount,
    tierId,
    tier: tierId ? tierName(tierId) : '',
    ...euAiAct(record),
    updatedAt: record.updatedAt,
    archived: record.archived !== undefined,
  };
}

export const SORT_COLUMNS = [
  'name',
  'vendor',
  'category',
  'lifecycle',
  'owner',
  'departments',
  'users',
  'tier',
  'euAiAct',
  'updated',
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

export interface Sort {
  column: SortColumn;
  descending: boolean;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const rank = (list: readonly string[]) => (value: string) => {
  const at = list.indexOf(value);
  return at < 0 ? list.length : at;
};
const lifecycleRank = rank(LIFECYCLES);
const euRank = rank(EU_AI_ACT_CATEGORIES);

/** The value a column sorts by: text, or a number; undefined sorts last either way. */
function sortKey(row: InventoryRow, column: SortColumn, tierRank: (id: string) => number) {
  switch (column) {
    case 'users':
      return row.users;
    case 'updated':
      return row.updatedAt || undefined;
    case 'lifecycle':
      return row.lifecycle ? lifecycleRank(row.lifecycle) : undefined;
    case 'tier':
      return row.tierId ? tierRank(row.tierId) : undefined;
    case 'euAiAct':
      return row.euAiActId ? euRank(row.euAiActId) : undefined;
    default:
      return row[column] || undefined;
  }
}

/**
 * Sorts rows by one column (a copy); ties and blanks fall back to the name, then the id, so the
 * order is the same on every render. Enumerations sort in their own order (tiers as the scheme
 * lists them, EU AI Act categories from prohibited down), not alphabetically.
 */
export function sortRows(
  rows: readonly InventoryRow[],
  sort: Sort,
  tierRank: (id: string) => number = () => 0,
): InventoryRow[] {
  const keyed = rows.map((row) => ({ row, key: sortKey(row, sort.column, tierRank) }));
  const direction = sort.descending ? -1 : 1;
  keyed.sort((a, b) => {
    if (a.key !== b.key) {
      if (a.key === undefined) return 1;
      if (b.key === undefined) return -1;
      const order =
        typeof a.key === 'number' && typeof b.key === 'number'
          ? a.key - b.key
          : collator.compare(String(a.key), String(b.key));
      if (order !== 0) return order * direction;
    }
    return collator.compare(a.row.name, b.row.name) || (a.row.id < b.row.id ? -1 : 1);
  });
  return keyed.map(({ row }) => row);
}
