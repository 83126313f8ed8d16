import MiniSearch from 'minisearch';
import type { PaletteCommand } from './palette-commands.ts';

/** At most this many of one group (a query like "a" matches thousands of tools). */
export const PER_GROUP = 8;
/** At most this many in all. */
export const MAX_RESULTS = 40;

export interface PaletteIndex {
  /** The best matches, best first, capped per group and in all; [] for a blank query. */
  search(query: string): PaletteCommand[];
}

const text = (command: PaletteCommand, field: string): string =>
  field === 'keywords'
    ? (command.keywords ?? []).join(' ')
    : field === 'detail'
      ? (command.detail ?? '')
      : field === 'label'
        ? command.label
        : command.id;

/**
 * A fuzzy full-text index of every command (MiniSearch, as the inventory's search): words match
 * by prefix, a typo in a longer word still matches, every word must match. Built once per set of
 * commands (the palette keeps it while the documents do not change), queried per keystroke.
 */
export function paletteIndex(commands: readonly PaletteCommand[]): PaletteIndex {
  const byId = new Map<string, PaletteCommand>();
  for (const command of commands) if (!byId.has(command.id)) byId.set(command.id, command);
  const index = new MiniSearch<PaletteCommand>({
    fields: ['label', 'keywords', 'detail'],
    storeFields: [],
    extractField: text,
  });
  index.addAll([...byId.values()]);
  return {
    search(query) {
      if (query.trim() === '') return [];
      const results = index.search(query, {
        combineWith: 'AND',
        prefix: true,
        fuzzy: (term) => (term.length > 3 ? 0.2 : false),
        boost: { label: 3, keywords: 1.5 },
        boostDocument: (id) => byId.get(String(id))?.weight ?? 1,
      });
      const perGroup = new Map<string, number>();
      const found: PaletteCommand[] = [];
      for (const result of results) {
        const command = byId.get(String(result.id));
        if (!command) continue;
        const count = perGroup.get(command.group) ?? 0;
        if (count >= PER_GROUP) continue;
        perGroup.set(command.group, count + 1);
        found.push(command);
        if (found.length >= MAX_RESULTS) break;
      }
      return found;
    },
  };
}
