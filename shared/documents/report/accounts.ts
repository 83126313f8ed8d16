import type * as Y from 'yjs';
import { isAccountKind, type AccountKind } from '../../accounts/account-kind.ts';
import { addProblem } from '../schema/problems.ts';
import { isPlainObject } from '../schema/read-core.ts';
import { topMap } from '../schema/read.ts';
import { isToolKey } from '../schema/values.ts';
import { ensureWritable } from '../schema/version.ts';
import { checkTimestamp, jsonEqual, type JsonValue } from '../schema/write.ts';
import { DAY_PATTERN, dayOf, REPORT_SCHEMA } from './schema.ts';

/**
 * Which kind of account this extension saw signed in to each AI tool — the kind only, never the
 * address (docs/privacy.md): a new optional top-level map of the report, one plain object per
 * tool, written only by that extension:
 *
 *   accounts  toolKey → { corporate?: day, personal?: day, unknown?: day }   (last day seen)
 */
export const ACCOUNTS = 'accounts';

export type ToolAccounts = Partial<Record<AccountKind, string>>;

/** Records that `kind` was seen on `toolKey` on the day of `at`. Throws, changing nothing, on bad input. */
export function recordAccountKind(doc: Y.Doc, toolKey: string, kind: AccountKind, at: number) {
  if (!isToolKey(toolKey)) throw new RangeError('not a tool key');
  if (!isAccountKind(kind)) throw new RangeError('an account is corporate, personal or unknown');
  checkTimestamp('seen at', at);
  doc.transact(() => {
    const map = doc.getMap<unknown>(ACCOUNTS);
    const current = map.get(toolKey);
    const next = { ...(isPlainObject(current) ? current : {}), [kind]: dayOf(at) };
    if (jsonEqual(current, next)) return;
    ensureWritable(doc, REPORT_SCHEMA);
    map.set(toolKey, next as JsonValue);
  });
}

/** Each tool's account kinds, read without trust (bad entries skipped and listed). */
export function readAccountKinds(doc: Y.Doc, problems: string[] = []): Map<string, ToolAccounts> {
  const map = topMap(doc, ACCOUNTS, problems);
  const result = new Map<string, ToolAccounts>();
  if (map === undefined) return result;
  for (const [toolKey, value] of map.entries()) {
    if (!isToolKey(toolKey) || !isPlainObject(value)) {
      addProblem(problems, `${ACCOUNTS}.${toolKey.slice(0, 80)}: not an account entry; skipped`);
      continue;
    }
    const kinds: ToolAccounts = {};
    for (const [kind, day] of Object.entries(value)) {
      if (isAccountKind(kind) && typeof day === 'string' && DAY_PATTERN.test(day))
        kinds[kind] = day;
      else
        addProblem(problems, `${ACCOUNTS}.${toolKey.slice(0, 80)}.${kind.slice(0, 20)}: skipped`);
    }
    result.set(toolKey, kinds);
  }
  return result;
}
