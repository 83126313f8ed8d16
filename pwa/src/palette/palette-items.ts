import type { PaletteCommand } from './palette-commands.ts';
import { MAX_RESULTS, paletteIndex, type PaletteIndex } from './palette-search.ts';

/**
 * What the palette lists for a query. Blank: the places, the actions, the page's own commands and
 * help. Typed: the best fuzzy matches among those, then among the workspace's records, risks,
 * assessments and tools (`items`, indexed once per change of the documents).
 */
export function paletteItems(options: {
  query: string;
  commands: readonly PaletteCommand[];
  items: PaletteIndex | undefined;
}): PaletteCommand[] {
  const { query, commands } = options;
  if (query.trim() === '') return [...commands];
  const first = paletteIndex(commands).search(query);
  const rest = options.items?.search(query) ?? [];
  return [...first, ...rest].slice(0, MAX_RESULTS);
}

/** The help entry, last in the list. */
export function helpCommand(showShortcuts: () => void): PaletteCommand {
  return {
    id: 'help.shortcuts',
    group: 'Help',
    label: 'Keyboard shortcuts',
    keywords: ['keys', 'help'],
    shortcut: '?',
    weight: 2,
    run: showShortcuts,
  };
}

let cached: { key: readonly unknown[]; index: PaletteIndex } | undefined;

/**
 * The index of the workspace's items, kept between openings of the palette while the documents
 * are unchanged (their readers keep the same objects), so only the first opening after a change
 * pays for it.
 */
export function cachedItemsIndex(
  key: readonly unknown[],
  make: () => readonly PaletteCommand[],
): PaletteIndex {
  if (cached && cached.key.length === key.length && cached.key.every((part, i) => part === key[i]))
    return cached.index;
  const index = paletteIndex(make());
  cached = { key, index };
  return index;
}
