import { builtInCatalog } from '../../../shared/catalog/catalog.ts';
import type { Category, ToolEntry } from '../../../shared/catalog/schema.ts';
import {
  EXTENSION_TOOL_KEY_PREFIX,
  HOST_TOOL_KEY_PREFIX,
} from '../../../shared/documents/schema/values.ts';

export interface ToolIdentity {
  name: string;
  category: Category;
}

let builtIn: ReadonlyMap<string, ToolIdentity> | undefined;

/**
 * The names and categories the relay trusts: the built-in catalog, overridden by the workspace's
 * own tools (a workspace tool with a catalog id replaces it, as the extension matches).
 */
export function knownTools(
  workspaceTools: readonly ToolEntry[],
): ReadonlyMap<string, ToolIdentity> {
  builtIn ??= new Map(
    builtInCatalog().map((tool) => [tool.id, { name: tool.name, category: tool.category }]),
  );
  if (workspaceTools.length === 0) return builtIn;
  const known = new Map(builtIn);
  for (const tool of workspaceTools)
    known.set(tool.id, { name: tool.name, category: tool.category });
  return known;
}

/**
 * What a discovery is called (docs/sync.md H16): a catalogued tool by the catalog, never by a
 * report — so reporters cannot rename ChatGPT; anything else by its key, which the relay checked:
 * a flagged host by its hostname, an unknown extension by its id, an id this relay's catalog does
 * not know by that id.
 */
export function trustedIdentity(
  toolKey: string,
  known: ReadonlyMap<string, ToolIdentity>,
): ToolIdentity {
  const tool = known.get(toolKey);
  if (tool) return tool;
  if (toolKey.startsWith(HOST_TOOL_KEY_PREFIX))
    return { name: toolKey.slice(HOST_TOOL_KEY_PREFIX.length), category: 'other' };
  if (toolKey.startsWith(EXTENSION_TOOL_KEY_PREFIX))
    return {
      name: `Browser extension ${toolKey.slice(EXTENSION_TOOL_KEY_PREFIX.length)}`,
      category: 'browser-extension',
    };
  return { name: toolKey, category: 'other' };
}
