import * as v from 'valibot';
import type * as Y from 'yjs';
import { WorkspaceToolSchema, type ToolEntry } from '../../catalog/schema.ts';
import { addProblem, joinPath } from '../schema/problems.ts';
import { readRecords } from '../schema/read-lists.ts';
import { ensureWritable } from '../schema/version.ts';
import { childMap, setIfChanged, type JsonValue } from '../schema/write.ts';
import { MAX_TOOL_LIST, POLICY_SCHEMA, TOOLS } from './schema.ts';

export type WorkspaceToolInput = v.InferInput<typeof WorkspaceToolSchema>;

/** The stored fields of a workspace tool; its id is the key it is stored under. */
const FIELDS = [
  'name',
  'vendor',
  'category',
  'hosts',
  'apiHosts',
  'extensionIds',
  'facts',
] as const;
const LISTS = new Set<string>(['hosts', 'apiHosts', 'extensionIds']);

function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const at = issue.path?.map((item) => String(item.key)).join('.');
      return at ? `${at}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

/**
 * Adds or replaces a workspace tool, validated as the catalog validates one; only changed keys
 * are written (the lists are plain arrays). Returns the stored entry; throws, changing nothing,
 * when the tool is invalid.
 */
export function setWorkspaceTool(doc: Y.Doc, tool: WorkspaceToolInput): ToolEntry {
  const parsed = v.safeParse(WorkspaceToolSchema, tool);
  if (!parsed.success)
    throw new RangeError(`invalid workspace tool: ${describeIssues(parsed.issues)}`);
  const entry = parsed.output;
  for (const list of LISTS) {
    if ((entry[list as 'hosts'] as string[]).length > MAX_TOOL_LIST) {
      throw new RangeError(`${list}: at most ${MAX_TOOL_LIST} items`);
    }
  }
  doc.transact(() => {
    ensureWritable(doc, POLICY_SCHEMA);
    const map = childMap(doc.getMap<unknown>(TOOLS), entry.id);
    for (const field of FIELDS) setIfChanged(map, field, entry[field] as JsonValue);
  });
  return entry;
}

/** True when there was such a tool. */
export function removeWorkspaceTool(doc: Y.Doc, id: string): boolean {
  const tools = doc.getMap<unknown>(TOOLS);
  if (!tools.has(id)) return false;
  doc.transact(() => {
    ensureWritable(doc, POLICY_SCHEMA);
    tools.delete(id);
  });
  return true;
}

function readTool(map: Y.Map<unknown>, id: string, path: string, problems: string[]) {
  const raw: Record<string, unknown> = { id };
  for (const field of FIELDS) {
    const value = map.get(field);
    if (value === undefined) continue;
    // Refuse oversized lists before validating them item by item.
    if (LISTS.has(field) && Array.isArray(value) && value.length > MAX_TOOL_LIST) {
      addProblem(problems, `${joinPath(path, field)}: more than ${MAX_TOOL_LIST} items; skipped`);
      return undefined;
    }
    raw[field] = value;
  }
  const parsed = v.safeParse(WorkspaceToolSchema, raw);
  if (parsed.success) return parsed.output;
  addProblem(problems, `${path}: ${describeIssues(parsed.issues)}; skipped`);
  return undefined;
}

/** The valid workspace tools in id order; each invalid one is skipped and reported. */
export function readWorkspaceTools(map: Y.Map<unknown>, problems: string[]): ToolEntry[] {
  // Keys are checked by the schema (the id), so any key is let through to it here.
  return readRecords(
    map,
    TOOLS,
    problems,
    () => true,
    (entry, key, path) => readTool(entry, key, path, problems),
  );
}
