import * as v from 'valibot';
import { NEVER_MATCH_BARE } from './never-match.ts';
import { ToolEntrySchema, type ToolEntry } from './schema.ts';

export class CatalogError extends Error {
  override name = 'CatalogError';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(
      `invalid catalog (${problems.length} problem${problems.length === 1 ? '' : 's'}): ${problems.slice(0, 5).join('; ')}`,
    );
    this.problems = problems;
  }
}

const neverMatch = new Set(NEVER_MATCH_BARE);

/**
 * Checks every entry's shape and the rules across entries: unique ids, every host, API host and
 * extension id in one entry only, and no bare domain that must never match. Returns the entries, or throws a
 * CatalogError that lists every problem found.
 */
export function validateCatalog(raw: unknown): ToolEntry[] {
  if (!Array.isArray(raw)) throw new CatalogError(['the catalog must be an array of tools']);
  const problems: string[] = [];
  const tools: ToolEntry[] = [];
  const ids = new Map<string, number>();
  const hostOwner = new Map<string, string>();
  const extensionOwner = new Map<string, string>();
  raw.forEach((candidate, index) => {
    const result = v.safeParse(ToolEntrySchema, candidate);
    const label = `tool ${index} (${String((candidate as { id?: unknown })?.id ?? '?')})`;
    if (!result.success) {
      for (const issue of result.issues)
        problems.push(`${label}: ${v.getDotPath(issue) ?? ''} ${issue.message}`.trim());
      return;
    }
    const tool = result.output;
    if (ids.has(tool.id)) problems.push(`${label}: duplicate id`);
    ids.set(tool.id, index);
    for (const host of [...tool.hosts, ...tool.apiHosts]) {
      const owner = hostOwner.get(host);
      if (owner !== undefined) problems.push(`${label}: host ${host} already belongs to ${owner}`);
      else hostOwner.set(host, tool.id);
      if (neverMatch.has(host))
        problems.push(`${label}: ${host} must never match by its bare domain`);
    }
    for (const extensionId of tool.extensionIds) {
      const owner = extensionOwner.get(extensionId);
      if (owner !== undefined)
        problems.push(`${label}: extension ${extensionId} already belongs to ${owner}`);
      else extensionOwner.set(extensionId, tool.id);
    }
    tools.push(tool);
  });
  if (problems.length > 0) throw new CatalogError(problems);
  return tools;
}
