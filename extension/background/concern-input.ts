import {
  MAX_CONCERN_TEXT,
  MAX_NAME,
  type ReportConcern,
} from '../../shared/documents/report/index.ts';
import { isHost, isToolKey } from '../../shared/documents/schema/values.ts';
import type { ConcernInput } from './messages.ts';

/**
 * A concern as the employee typed it, made safe to store: trimmed, bounded, a hostname only, and
 * nothing the popup did not show them (docs/privacy.md). A page cannot smuggle more: unknown
 * fields of the message are dropped here.
 */
export function concernFromInput(
  input: ConcernInput,
  id: string,
  now: number,
): ReportConcern | { error: string } {
  if (typeof input !== 'object' || input === null) return { error: 'the concern is empty' };
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  const what = text(input.what);
  if (what === '') return { error: 'say what happened' };
  if (what.length > MAX_CONCERN_TEXT) {
    return { error: `keep it under ${MAX_CONCERN_TEXT} characters` };
  }
  const host = text(input.host).toLowerCase();
  if (host !== '' && !isHost(host)) return { error: 'the site is not a hostname' };
  const toolName = (text(input.toolName) || host).slice(0, MAX_NAME);
  if (toolName === '') return { error: 'name the AI tool' };
  const name = text(input.name).slice(0, MAX_NAME);
  const toolKey = text(input.toolKey);
  return {
    id,
    ...(host !== '' ? { host } : {}),
    ...(toolKey !== '' && isToolKey(toolKey) && host !== '' ? { toolKey } : {}),
    toolName,
    what,
    ...(name !== '' ? { name } : {}),
    createdAt: now,
  };
}
