import type { ToolEntry } from '../../shared/catalog/schema.ts';

export const WORKSPACE_BANNER_ID = 'sightline-workspace-banner';
const BANNER_SCRIPT = 'content-scripts/banner.js';

export interface ScriptingLike {
  getRegisteredContentScripts(filter: {
    ids: string[];
  }): Promise<Array<{ id: string; matches?: string[] }>>;
  registerContentScripts(
    scripts: Array<{
      id: string;
      js: string[];
      matches: string[];
      runAt: 'document_idle';
      persistAcrossSessions: boolean;
    }>,
  ): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
}

export interface PermissionsLike {
  contains(permissions: { origins: string[] }): Promise<boolean>;
}

/**
 * The banner on the workspace's own tools (policy additions), which the manifest cannot know: the
 * same content script, registered at run time for those hosts the employee has given the
 * extension access to (the optional access, asked for at run time). Returns the patterns now
 * registered; an unchanged list touches nothing.
 */
export async function syncWorkspaceBanners(
  tools: readonly ToolEntry[],
  scripting: ScriptingLike,
  permissions: PermissionsLike,
): Promise<string[]> {
  const wanted = [
    ...new Set(tools.flatMap((tool) => tool.hosts).map((host) => `*://*.${host}/*`)),
  ].sort();
  const allowed: string[] = [];
  for (const pattern of wanted)
    if (await permissions.contains({ origins: [pattern] })) allowed.push(pattern);
  const [current] = await scripting.getRegisteredContentScripts({ ids: [WORKSPACE_BANNER_ID] });
  const registered = [...(current?.matches ?? [])].sort();
  if (JSON.stringify(registered) === JSON.stringify(allowed)) return allowed;
  if (current) await scripting.unregisterContentScripts({ ids: [WORKSPACE_BANNER_ID] });
  if (allowed.length > 0) {
    await scripting.registerContentScripts([
      {
        id: WORKSPACE_BANNER_ID,
        js: [BANNER_SCRIPT],
        matches: allowed,
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  }
  return allowed;
}
