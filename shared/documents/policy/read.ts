import type * as Y from 'yjs';
import { topMap } from '../schema/read.ts';
import { readMeta } from '../schema/version.ts';
import { SETTINGS, STATUSES, TOOLS, type Policy } from './schema.ts';
import { readSettings } from './settings.ts';
import { readStatuses } from './statuses.ts';
import { readWorkspaceTools } from './tools.ts';

/**
 * Reads the policy without trusting it: a status, tool or setting of the wrong shape is skipped
 * and listed in `problems`; a missing setting takes its default (attributed reporting off).
 */
export function readPolicy(doc: Y.Doc): Policy {
  const problems: string[] = [];
  const policy: Policy = {
    statuses: new Map(),
    tools: [],
    settings: { attributedReporting: false },
    problems,
  };
  const schemaVersion = readMeta(doc, problems)?.schemaVersion;
  if (schemaVersion !== undefined) policy.schemaVersion = schemaVersion;
  const statuses = topMap(doc, STATUSES, problems);
  if (statuses !== undefined) policy.statuses = readStatuses(statuses, problems);
  const tools = topMap(doc, TOOLS, problems);
  if (tools !== undefined) policy.tools = readWorkspaceTools(tools, problems);
  const settings = topMap(doc, SETTINGS, problems);
  if (settings !== undefined) policy.settings = readSettings(settings, problems);
  return policy;
}
