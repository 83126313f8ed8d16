import type * as Y from 'yjs';
import { addProblem } from '../schema/problems.ts';
import { readEnum, readString, readTimestamp } from '../schema/read.ts';
import { readRecords } from '../schema/read-lists.ts';
import { isToolKey } from '../schema/values.ts';
import { ensureWritable } from '../schema/version.ts';
import { checkText, checkTimestamp, childMap, setIfChanged } from '../schema/write.ts';
import {
  MAX_ALTERNATIVE,
  MAX_GUIDANCE,
  MAX_PERSON,
  POLICY_SCHEMA,
  STATUSES,
  TOOL_STATUSES,
  type ToolStatus,
} from './schema.ts';

/**
 * Sets a tool's status, writing only the keys that change (an absent alternative or empty
 * guidance is removed). Throws, changing nothing, on bad input.
 */
export function setStatus(doc: Y.Doc, toolKey: string, status: ToolStatus): void {
  if (!isToolKey(toolKey)) throw new RangeError('not a tool key');
  if (!TOOL_STATUSES.includes(status.status)) throw new RangeError('unknown status');
  checkText('guidance', status.guidance, { max: MAX_GUIDANCE });
  if (status.alternative !== undefined) {
    checkText('alternative', status.alternative, { min: 1, max: MAX_ALTERNATIVE });
  }
  checkText('updatedBy', status.updatedBy, { min: 1, max: MAX_PERSON });
  checkTimestamp('updatedAt', status.updatedAt);
  doc.transact(() => {
    ensureWritable(doc, POLICY_SCHEMA);
    const entry = childMap(doc.getMap<unknown>(STATUSES), toolKey);
    setIfChanged(entry, 'status', status.status);
    setIfChanged(entry, 'guidance', status.guidance === '' ? undefined : status.guidance);
    setIfChanged(entry, 'alternative', status.alternative);
    setIfChanged(entry, 'updatedBy', status.updatedBy);
    setIfChanged(entry, 'updatedAt', status.updatedAt);
  });
}

/** A status needs its status; who and when fall back to '' and 0 (reported), never hiding a ban. */
function readStatus(map: Y.Map<unknown>, path: string, problems: string[]): ToolStatus | undefined {
  const status = readEnum(map, 'status', TOOL_STATUSES, problems, { path, required: true });
  if (status === undefined) {
    addProblem(problems, `${path}: no readable status; skipped`);
    return undefined;
  }
  const result: ToolStatus = {
    status,
    guidance: readString(map, 'guidance', problems, { path, max: MAX_GUIDANCE }) ?? '',
    updatedBy:
      readString(map, 'updatedBy', problems, { path, max: MAX_PERSON, required: true }) ?? '',
    updatedAt: readTimestamp(map, 'updatedAt', problems, { path, required: true }) ?? 0,
  };
  const alternative = readString(map, 'alternative', problems, { path, max: MAX_ALTERNATIVE });
  if (alternative !== undefined) result.alternative = alternative;
  return result;
}

export function readStatuses(map: Y.Map<unknown>, problems: string[]): Map<string, ToolStatus> {
  const entries = readRecords(map, STATUSES, problems, isToolKey, (entry, key, path) => {
    const status = readStatus(entry, path, problems);
    return status && ([key, status] as const);
  });
  return new Map(entries);
}
