import type { AimsEntry } from '../../../shared/documents/aims/index.ts';

/**
 * The inventory records no scope item places in or out of scope (4.3 asks for the boundaries):
 * by name, so the lead sees what is still to decide. Retired records count too: a record's
 * lifecycle is not a scope decision.
 */
export function recordsWithoutScope(
  records: Iterable<{ id: string; name: string }>,
  scopeItems: readonly AimsEntry[],
): { id: string; name: string }[] {
  const placed = new Set<string>();
  for (const item of scopeItems) {
    const ids = item.values.recordIds;
    if (Array.isArray(ids)) for (const id of ids) placed.add(id);
  }
  return [...records]
    .filter((record) => !placed.has(record.id))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}
