import { CATEGORIES } from '../../../../shared/catalog/schema.ts';
import { EU_AI_ACT_CATEGORIES } from '../../../../shared/classification/index.ts';
import { LIFECYCLES } from '../../../../shared/documents/registry/index.ts';
import { SORT_COLUMNS, type Sort, type SortColumn } from './inventory-rows.ts';

/**
 * The inventory's filters and sort, kept in the address (`#/inventory?q=…&tier=…&sort=-updated`)
 * so that a view can be linked and saved. Read without trust: an unknown value is dropped.
 */
export interface ListQuery {
  q: string;
  lifecycle: string;
  /** A tier id, or NONE for records without a decided tier. */
  tier: string;
  /** An EU AI Act category, or NONE for unclassified records. */
  euAiAct: string;
  category: string;
  owner: string;
  /** '' hides archived records; 'show' includes them; 'only' shows them alone. */
  archived: string;
  sort: Sort;
}

/** The filter value that asks for records with the field left blank. */
export const NONE = 'none';
export const DEFAULT_SORT: Sort = { column: 'name', descending: false };
export const EMPTY_QUERY: ListQuery = {
  q: '',
  lifecycle: '',
  tier: '',
  euAiAct: '',
  category: '',
  owner: '',
  archived: '',
  sort: DEFAULT_SORT,
};

const MAX_TEXT = 200;
const PARAMS = {
  q: 'q',
  lifecycle: 'lifecycle',
  tier: 'tier',
  euAiAct: 'eu',
  category: 'category',
  owner: 'owner',
  archived: 'archived',
} as const;
type FilterKey = keyof typeof PARAMS;

const oneOf = (values: readonly string[]) => (value: string) =>
  value === NONE || values.includes(value) ? value : '';
const text = (value: string) => value.slice(0, MAX_TEXT);
const READ: Record<FilterKey, (value: string) => string> = {
  q: text,
  lifecycle: oneOf(LIFECYCLES),
  tier: (value) => (/^[A-Za-z0-9_-]{1,64}$/.test(value) ? value : ''),
  euAiAct: oneOf(EU_AI_ACT_CATEGORIES),
  category: oneOf(CATEGORIES),
  owner: text,
  archived: (value) => (value === 'show' || value === 'only' ? value : ''),
};

function readSort(value: string | null): Sort {
  if (!value) return DEFAULT_SORT;
  const descending = value.startsWith('-');
  const column = (descending ? value.slice(1) : value) as SortColumn;
  return SORT_COLUMNS.includes(column) ? { column, descending } : DEFAULT_SORT;
}

export function parseListQuery(params: URLSearchParams): ListQuery {
  const query = { ...EMPTY_QUERY, sort: readSort(params.get('sort')) };
  for (const key of Object.keys(PARAMS) as FilterKey[]) {
    query[key] = READ[key](params.get(PARAMS[key]) ?? '');
  }
  return query;
}

/** The query string for a query (without '?'); defaults are left out, so links stay short. */
export function listQueryString(query: ListQuery): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(PARAMS) as FilterKey[]) {
    if (query[key] !== '') params.set(PARAMS[key], query[key]);
  }
  const { column, descending } = query.sort;
  if (column !== DEFAULT_SORT.column || descending !== DEFAULT_SORT.descending) {
    params.set('sort', `${descending ? '-' : ''}${column}`);
  }
  return params.toString();
}

/** The canonical form of any query string: the same view always reads the same. */
export const normaliseQueryString = (search: string) =>
  listQueryString(parseListQuery(new URLSearchParams(search)));

export const hasFilters = (query: ListQuery) =>
  (Object.keys(PARAMS) as FilterKey[]).some((key) => query[key] !== '');

/** The inventory filtered (`#/inventory?tier=…`): where a dashboard chart's bar leads. */
export const inventoryHref = (filters: Partial<Omit<ListQuery, 'sort'>>) => {
  const query = listQueryString({ ...EMPTY_QUERY, ...filters });
  return `#/inventory${query ? `?${query}` : ''}`;
};
