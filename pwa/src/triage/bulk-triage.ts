import type * as Y from 'yjs';
import { MAX_REASON, readRegistry } from '../../../shared/documents/registry/index.ts';
import { isToolKey } from '../../../shared/documents/schema/values.ts';
import { dismiss, mergeInto, snooze, type Actor } from './triage-actions.ts';

/**
 * Triage for a selection of discoveries at once. Every input is checked before anything is
 * written, then all the decisions go into one transaction: one update on the wire, one step for
 * an undo manager, and never half a selection.
 */
function checkKeys(toolKeys: readonly string[]): string[] {
  const unique = [...new Set(toolKeys)];
  if (unique.length === 0) throw new RangeError('select at least one tool');
  const bad = unique.find((key) => !isToolKey(key));
  if (bad !== undefined) throw new RangeError(`not a tool key: ${bad}`);
  return unique;
}

/** Dismisses every selected discovery as noise, with one reason. */
export function dismissAll(
  doc: Y.Doc,
  toolKeys: readonly string[],
  reason: string,
  actor: Actor,
): number {
  const keys = checkKeys(toolKeys);
  const trimmed = reason.trim();
  if (trimmed === '') throw new RangeError('say why it is noise');
  if (trimmed.length > MAX_REASON) throw new RangeError(`at most ${MAX_REASON} characters`);
  doc.transact(() => keys.forEach((key) => dismiss(doc, key, trimmed, actor)));
  return keys.length;
}

/** Snoozes every selected discovery until the same time. */
export function snoozeAll(
  doc: Y.Doc,
  toolKeys: readonly string[],
  until: number,
  actor: Actor,
): number {
  const keys = checkKeys(toolKeys);
  if (!Number.isFinite(until) || until <= actor.at) {
    throw new RangeError('snooze until a day in the future');
  }
  doc.transact(() => keys.forEach((key) => snooze(doc, key, until, actor)));
  return keys.length;
}

/** Merges every selected discovery into one record (its tool keys gain them all). */
export function mergeAllInto(
  doc: Y.Doc,
  toolKeys: readonly string[],
  recordId: string,
  actor: Actor,
): number {
  const keys = checkKeys(toolKeys);
  if (!readRegistry(doc).records.has(recordId)) throw new Error('that record no longer exists');
  doc.transact(() => keys.forEach((key) => mergeInto(doc, key, recordId, actor)));
  return keys.length;
}
