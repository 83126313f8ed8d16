import type { Discovery } from '../../../shared/documents/discoveries/index.ts';
import type { RegistryRecord } from '../../../shared/documents/registry/index.ts';
import { aimsPaletteCommands } from '../aims/aims-palette.ts';
import type { PaletteCommand } from './palette-commands.ts';

/** The sections everyone can go to from the palette. */
export const PLACES = [
  'Inbox',
  'Inventory',
  'Dashboard',
  'Incidents',
  'Import',
  'Settings',
] as const;

/** How many tools and records a query lists at most: the palette stays quick on a big workspace. */
export const MAX_MATCHES = 20;

export type Navigate = (hash: string) => void;

const matches = (query: string, ...texts: readonly string[]) =>
  query === '' || texts.some((text) => text.toLocaleLowerCase().includes(query));

/**
 * What the palette lists for a query: places, then the page's own commands, then tools in the
 * inbox and records in the inventory by name (only once something is typed).
 */
export function paletteItems(options: {
  query: string;
  tools: readonly Discovery[];
  records: Iterable<RegistryRecord>;
  pageCommands: readonly PaletteCommand[];
  navigate: Navigate;
  showShortcuts(): void;
}): PaletteCommand[] {
  const query = options.query.trim().toLocaleLowerCase();
  const { navigate } = options;
  const places: PaletteCommand[] = PLACES.map((place) => ({
    id: `go.${place.toLowerCase()}`,
    group: 'Go to',
    label: `Go to ${place}`,
    run: () => navigate(`#/${place.toLowerCase()}`),
  }));
  const help: PaletteCommand = {
    id: 'help.shortcuts',
    group: 'Help',
    label: 'Keyboard shortcuts',
    shortcut: '?',
    run: options.showShortcuts,
  };
  const listed = [
    ...places,
    ...aimsPaletteCommands(navigate),
    ...options.pageCommands,
    help,
  ].filter((command) => matches(query, command.label, ...(command.keywords ?? [])));
  if (query === '') return listed;
  const tools = options.tools
    .filter((tool) => matches(query, tool.name, tool.toolKey, ...tool.hosts))
    .slice(0, MAX_MATCHES)
    .map((tool): PaletteCommand => ({
      id: `tool.${tool.toolKey}`,
      group: 'Tools in the inbox',
      label: tool.name,
      run: () => navigate(`#/inbox/${encodeURIComponent(tool.toolKey)}`),
    }));
  const records: PaletteCommand[] = [];
  for (const record of options.records) {
    if (records.length >= MAX_MATCHES) break;
    if (!matches(query, record.name)) continue;
    records.push({
      id: `record.${record.id}`,
      group: 'Records in the inventory',
      label: record.name,
      run: () => navigate(`#/inventory/${encodeURIComponent(record.id)}`),
    });
  }
  return [...listed, ...tools, ...records];
}
