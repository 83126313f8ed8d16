import type * as Y from 'yjs';
import { addProblem } from '../schema/problems.ts';
import { fieldsOf, isPlainObject } from '../schema/read-core.ts';
import { readString, readTimestamp, topMap } from '../schema/read.ts';
import { byCodeUnit, isHost, isId, isToolKey } from '../schema/values.ts';
import { ensureWritable } from '../schema/version.ts';
import { checkText, checkTimestamp, type JsonValue } from '../schema/write.ts';
import { MAX_CONCERN_TEXT } from './concern-limits.ts';
import { MAX_NAME, REPORT_SCHEMA } from './schema.ts';

export { MAX_CONCERN_TEXT };

/**
 * An employee's concern about an AI tool, sent from the extension's popup (docs/incidents.md,
 * docs/privacy.md): a new optional top-level map of the report document, written only by that
 * extension, one plain object per concern (single writer, so no nested types):
 *
 *   concerns  concernId → { toolKey?, host?, toolName, what, name?, createdAt }
 *
 * Only what the employee typed in the form, which they see before sending: the tool (the current
 * site's hostname and the catalog's name for it, editable), what happened, and their name only if
 * they choose to give it. Pseudonymous otherwise: the report's id is the extension's random id.
 */
export const CONCERNS = 'concerns';
/** An employee reports by hand; this many is far beyond use and bounds a runaway script. */
export const MAX_CONCERNS = 200;

export interface ReportConcern {
  id: string;
  toolKey?: string;
  host?: string;
  toolName: string;
  what: string;
  /** Given only when the employee chose to; absent means pseudonymous. */
  name?: string;
  createdAt: number;
}

function checkConcern(concern: ReportConcern): void {
  if (!isId(concern.id)) throw new RangeError('concern id must be 1–64 letters, digits, _ or -');
  if (concern.toolKey !== undefined && !isToolKey(concern.toolKey)) {
    throw new RangeError('concern toolKey is not a tool key');
  }
  if (concern.host !== undefined && !isHost(concern.host)) {
    throw new RangeError('concern host is not a hostname');
  }
  checkText('tool name', concern.toolName, { min: 1, max: MAX_NAME });
  checkText('what happened', concern.what, { min: 1, max: MAX_CONCERN_TEXT });
  if (concern.what.trim() === '') throw new RangeError('say what happened');
  if (concern.name !== undefined) checkText('your name', concern.name, { min: 1, max: MAX_NAME });
  checkTimestamp('concern createdAt', concern.createdAt);
}

/** Adds the employee's concern (a resend of the same id is a no-op). Throws, changing nothing. */
export function addConcern(doc: Y.Doc, concern: ReportConcern): void {
  checkConcern(concern);
  doc.transact(() => {
    ensureWritable(doc, REPORT_SCHEMA);
    const concerns = doc.getMap<unknown>(CONCERNS);
    if (concerns.has(concern.id)) return;
    if (concerns.size >= MAX_CONCERNS) {
      throw new RangeError(`a report keeps at most ${MAX_CONCERNS} concerns`);
    }
    const { id, ...value } = concern;
    concerns.set(id, value as unknown as JsonValue);
  });
}

/** One stored concern, read without trust; undefined (with a problem) when unusable. */
export function readConcernEntry(
  id: string,
  value: unknown,
  path: string,
  problems: string[],
): ReportConcern | undefined {
  if (!isId(id) || !isPlainObject(value)) {
    addProblem(problems, `${path}: not a concern; skipped`);
    return undefined;
  }
  const fields = fieldsOf(value);
  const opts = { path, required: true };
  const toolName = readString(fields, 'toolName', problems, { ...opts, max: MAX_NAME });
  const what = readString(fields, 'what', problems, { ...opts, max: MAX_CONCERN_TEXT });
  const createdAt = readTimestamp(fields, 'createdAt', problems, opts);
  if (toolName === undefined || what === undefined || createdAt === undefined) {
    addProblem(problems, `${path}: unreadable concern; skipped`);
    return undefined;
  }
  const concern: ReportConcern = { id, toolName, what, createdAt };
  const toolKey = readString(fields, 'toolKey', problems, { path });
  if (toolKey !== undefined && isToolKey(toolKey)) concern.toolKey = toolKey;
  const host = readString(fields, 'host', problems, { path });
  if (host !== undefined && isHost(host)) concern.host = host;
  const name = readString(fields, 'name', problems, { path, max: MAX_NAME });
  if (name !== undefined && name !== '') concern.name = name;
  return concern;
}

/** The report's concerns, oldest first, read without trust (bad entries skipped and listed). */
export function readConcerns(doc: Y.Doc, problems: string[] = []): ReportConcern[] {
  const map = topMap(doc, CONCERNS, problems);
  if (map === undefined) return [];
  const concerns: ReportConcern[] = [];
  for (const [id, value] of map.entries()) {
    const concern = readConcernEntry(id, value, `${CONCERNS}.${id.slice(0, 80)}`, problems);
    if (concern) concerns.push(concern);
  }
  return concerns.sort((a, b) => a.createdAt - b.createdAt || byCodeUnit(a.id, b.id));
}
