import type { Category } from '../../../shared/catalog/schema.ts';
import type { Discovery } from '../../../shared/documents/discoveries/index.ts';
import type { CatalogTool } from './catalog-source.ts';

/** One tool of the browser: the catalog's facts and whether this workspace has seen it. */
export interface CatalogRow {
  tool: CatalogTool;
  /** The workspace's discovery of it, when an extension or an import has seen it. */
  seen?: Discovery;
}

export type SeenFilter = '' | 'seen' | 'not-seen';

export interface CatalogFilter {
  text: string;
  category: Category | '';
  source: CatalogTool['source'] | '';
  seen: SeenFilter;
}

export const NO_FILTER: CatalogFilter = { text: '', category: '', source: '', seen: '' };

/** Joins the catalog with the discoveries by tool key (a catalog tool's key is its id). */
export function catalogRows(
  tools: readonly CatalogTool[],
  discoveries: readonly Discovery[],
): CatalogRow[] {
  const seen = new Map(discoveries.map((discovery) => [discovery.toolKey, discovery]));
  return tools.map((tool) => {
    const discovery = seen.get(tool.id);
    return discovery ? { tool, seen: discovery } : { tool };
  });
}

const hostMatches = (host: string, wanted: string) =>
  host === wanted || wanted.endsWith(`.${host}`) || host.includes(wanted);

/**
 * Whether a row passes the filter. The text matches the name, vendor, id or a host; a hostname
 * typed whole (`chat.openai.com`) also finds the tool that owns a parent of it (`openai.com`),
 * as detection would.
 */
export function matchesCatalogFilter(row: CatalogRow, filter: CatalogFilter): boolean {
  const { tool } = row;
  if (filter.category && tool.category !== filter.category) return false;
  if (filter.source && tool.source !== filter.source) return false;
  if (filter.seen === 'seen' && !row.seen) return false;
  if (filter.seen === 'not-seen' && row.seen) return false;
  const text = filter.text.trim().toLowerCase();
  if (text === '') return true;
  return (
    tool.name.toLowerCase().includes(text) ||
    tool.vendor.toLowerCase().includes(text) ||
    tool.id.includes(text) ||
    [...tool.hosts, ...tool.apiHosts].some((host) => hostMatches(host, text))
  );
}
