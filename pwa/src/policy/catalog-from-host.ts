import type { ToolEntry } from '../../../shared/catalog/schema.ts';
import type { WorkspaceToolInput } from '../../../shared/documents/policy/index.ts';
import { HOST_TOOL_KEY_PREFIX } from '../../../shared/documents/schema/values.ts';

/** The host of a tool key for a host the catalog does not know (`host:foo.ai`), or undefined. */
export function hostOfToolKey(toolKey: string): string | undefined {
  return toolKey.startsWith(HOST_TOOL_KEY_PREFIX)
    ? toolKey.slice(HOST_TOOL_KEY_PREFIX.length)
    : undefined;
}

/**
 * A workspace catalog entry for a host the catalog does not know — a likely-AI host or one an
 * employee flagged: named after the host, which it matches with every subdomain. Its id is the
 * host in kebab case, never a built-in tool's id (a workspace tool with such an id would replace
 * that tool) nor one the workspace already uses. The built-in catalog is passed in: this module is
 * on the inbox's first screen, and the catalog is loaded only when a host is added.
 */
export function workspaceToolForHost(
  host: string,
  workspaceTools: readonly ToolEntry[],
  builtIn: readonly ToolEntry[],
): WorkspaceToolInput {
  const base =
    host
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 70) || 'host';
  const taken = new Set(workspaceTools.map((tool) => tool.id));
  for (const tool of builtIn) taken.add(tool.id);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return { id, name: host, category: 'other', hosts: [host] };
}

/** The workspace tool that already claims this host (or a parent of it), if any. */
export function workspaceToolClaiming(
  host: string,
  workspaceTools: readonly ToolEntry[],
): ToolEntry | undefined {
  return workspaceTools.find((tool) =>
    [...tool.hosts, ...tool.apiHosts].some((h) => host === h || host.endsWith(`.${h}`)),
  );
}
