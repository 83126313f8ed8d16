import { describe, expect, it } from 'vitest';
import type { RegistryRecord } from '../../../../shared/documents/registry/index.ts';
import { filterRows, inventorySearch } from './inventory-search.ts';
import { inventoryRow, sortRows, type InventoryRow } from './inventory-rows.ts';
import {
  EMPTY_QUERY,
  listQueryString,
  normaliseQueryString,
  parseListQuery,
} from './list-query.ts';

const base = {
  departments: [],
  dataCategories: [],
  toolKeys: [],
  createdAt: 1,
  createdBy: 'a',
  updatedBy: 'a',
};
const RECORDS: RegistryRecord[] = [
  {
    ...base,
    id: 'r1',
    name: 'HireRank',
    vendor: 'Rank Labs',
    owner: 'Dana',
    lifecycle: 'in-use',
    purpose: 'Ranks applicants',
    updatedAt: 30,
    userCount: 12,
    classification: {
      decision: { category: 'high-risk', confirmed: true, by: 'a', at: 1 },
      tier: { suggested: 'tier-1', decided: 'tier-1', by: 'a', at: 1 },
    },
  },
  {
    ...base,
    id: 'r2',
    name: 'copilot',
    vendor: 'GitHub',
    owner: 'Sam',
    lifecycle: 'procurement',
    model: 'codex',
    departments: ['Engineering'],
    updatedAt: 10,
    userCount: 300,
    classification: {
      suggested: { category: 'minimal', basis: [] },
      tier: { suggested: 'tier-3', decided: 'tier-3', by: 'a', at: 1 },
    },
  },
  {
    ...base,
    id: 'r3',
    name: 'Assistant',
    provider: 'Anthropic',
    category: 'chat-assistant',
    updatedAt: 20,
  },
];
const tierName = (id: string) => id.replace('tier-', 'Tier ');
const rows = RECORDS.map((r) => inventoryRow(r, tierName));
const ids = (list: readonly InventoryRow[]) => list.map((r) => r.id);

describe('inventory rows', () => {
  it('shows the decided tier by name and the EU AI Act category, marking a suggestion', () => {
    expect(rows[0]).toMatchObject({ tier: 'Tier 1', euAiAct: 'High-risk', euAiActId: 'high-risk' });
    expect(rows[1]).toMatchObject({
      euAiAct: 'Minimal risk (suggested)',
      departments: 'Engineering',
    });
    expect(rows[2]).toMatchObject({ tier: '', euAiAct: '', category: 'Chat assistant' });
  });

  it('sorts by any column, either way, blanks last, names case-insensitively', () => {
    expect(ids(sortRows(rows, { column: 'name', descending: false }))).toEqual(['r3', 'r2', 'r1']);
    expect(ids(sortRows(rows, { column: 'name', descending: true }))).toEqual(['r1', 'r2', 'r3']);
    expect(ids(sortRows(rows, { column: 'users', descending: true }))).toEqual(['r2', 'r1', 'r3']);
    expect(ids(sortRows(rows, { column: 'users', descending: false }))).toEqual(['r1', 'r2', 'r3']);
    expect(ids(sortRows(rows, { column: 'updated', descending: true }))).toEqual([
      'r1',
      'r3',
      'r2',
    ]);
    // Lifecycle in its own order: procurement before in use; blank last.
    expect(ids(sortRows(rows, { column: 'lifecycle', descending: false }))).toEqual([
      'r2',
      'r1',
      'r3',
    ]);
    // EU AI Act from the most severe down.
    expect(ids(sortRows(rows, { column: 'euAiAct', descending: false }))).toEqual([
      'r1',
      'r2',
      'r3',
    ]);
  });
});

describe('search and filters', () => {
  const search = inventorySearch(RECORDS);

  it('finds every word, by prefix, across name, vendor, purpose, owner, departments, model, provider', () => {
    expect(search.match('')).toBeUndefined();
    expect([...search.match('rank')!]).toEqual(['r1']);
    expect([...search.match('appl')!]).toEqual(['r1']);
    expect([...search.match('engineering')!]).toEqual(['r2']);
    expect([...search.match('codex')!]).toEqual(['r2']);
    expect([...search.match('anthropic')!]).toEqual(['r3']);
    expect([...search.match('dana ranks')!]).toEqual(['r1']);
    expect([...search.match('dana codex')!]).toEqual([]);
    expect([...search.match('antropic')!]).toEqual(['r3']);
  });

  it('filters by lifecycle, tier, EU AI Act category, category and owner, "none" for blanks', () => {
    const only = (patch: Partial<typeof EMPTY_QUERY>) =>
      ids(filterRows(rows, { ...EMPTY_QUERY, ...patch }, undefined));
    expect(only({})).toEqual(['r1', 'r2', 'r3']);
    expect(only({ lifecycle: 'in-use' })).toEqual(['r1']);
    expect(only({ tier: 'tier-3' })).toEqual(['r2']);
    expect(only({ tier: 'none' })).toEqual(['r3']);
    expect(only({ euAiAct: 'minimal' })).toEqual(['r2']);
    expect(only({ euAiAct: 'none' })).toEqual(['r3']);
    expect(only({ category: 'chat-assistant' })).toEqual(['r3']);
    expect(only({ owner: 'Sam' })).toEqual(['r2']);
    expect(only({ owner: 'none' })).toEqual(['r3']);
    expect(ids(filterRows(rows, { ...EMPTY_QUERY, lifecycle: 'in-use' }, new Set(['r2'])))).toEqual(
      [],
    );
  });
});

describe('the query in the address', () => {
  it('round-trips filters and sort, leaving defaults out', () => {
    const query = {
      ...EMPTY_QUERY,
      q: 'hire & rank',
      tier: 'tier-1',
      owner: 'Dana (HR)',
      sort: { column: 'updated' as const, descending: true },
    };
    const text = listQueryString(query);
    expect(text).toBe('q=hire+%26+rank&tier=tier-1&owner=Dana+%28HR%29&sort=-updated');
    expect(parseListQuery(new URLSearchParams(text))).toEqual(query);
    expect(listQueryString(EMPTY_QUERY)).toBe('');
  });

  it('drops values it does not know', () => {
    expect(
      parseListQuery(
        new URLSearchParams('lifecycle=forever&eu=scary&category=x&tier=<b>&sort=-evil&q=ok'),
      ),
    ).toEqual({ ...EMPTY_QUERY, q: 'ok' });
    expect(normaliseQueryString('sort=name&eu=minimal&junk=1')).toBe('eu=minimal');
  });
});
