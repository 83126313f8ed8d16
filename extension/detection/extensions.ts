import type { Matcher } from '../../shared/detection/matcher.ts';
import { MAX_NAME, type Sighting } from '../../shared/documents/report/schema.ts';
import {
  extensionToolKey,
  isToolKey,
  MAX_TIMESTAMP,
} from '../../shared/documents/schema/values.ts';
import { judgeExtensionText } from './extension-signals.ts';

/** The fields of `chrome.management.ExtensionInfo` this needs. */
export interface InstalledExtension {
  id: string;
  name: string;
  description?: string;
  enabled: boolean;
  /** 'extension', 'theme', 'hosted_app'…; absent is taken as an extension. */
  type?: string;
}

export type ExtensionConfidence = 'high' | 'medium' | 'low';

export interface ExtensionSighting {
  sighting: Sighting;
  /** high: a catalogued extension id; medium or low: its name and description (see extension-signals.ts). */
  confidence: ExtensionConfidence;
  /** Why, in plain words, for the ledger and for a lead. */
  reason: string;
  /** Disabled extensions are reported too; this lets the caller tell them apart. */
  enabled: boolean;
}

/**
 * The installed extensions that are AI tools. A catalogued id is certain and takes the catalog's
 * tool; otherwise the name and description are judged (`judgeExtensionText`) and the tool key is
 * `extension:<id>`, the name the extension's own. Skipped: this extension itself, themes, and ids
 * that are not Chrome Web Store ids (Firefox's `name@vendor` ids have no tool key).
 *
 * Disabled extensions are reported: installed AI is one click from running, and a lead asking
 * "who has this installed?" wants them. `enabled` on each result lets the caller decide otherwise.
 */
export function sightingsFromExtensions(
  list: readonly InstalledExtension[],
  matcher: Matcher,
  selfId: string,
  at: number,
): ExtensionSighting[] {
  if (!Number.isSafeInteger(at) || at < 0 || at > MAX_TIMESTAMP) {
    throw new RangeError('at must be whole epoch milliseconds');
  }
  const found: ExtensionSighting[] = [];
  for (const extension of list) {
    if (extension.id === selfId || extension.type === 'theme') continue;
    const enabled = extension.enabled === true;
    const known = matcher.matchExtensionId(extension.id);
    if (known !== undefined) {
      found.push({
        sighting: {
          toolKey: known.id,
          name: known.name,
          category: known.category,
          signal: 'extension',
          at,
        },
        confidence: 'high',
        reason: `known extension id of ${known.name}`,
        enabled,
      });
      continue;
    }
    const toolKey = extensionToolKey(extension.id);
    if (!isToolKey(toolKey)) continue;
    const name = cleanName(extension.name);
    const description = typeof extension.description === 'string' ? extension.description : '';
    const verdict = judgeExtensionText(name, description);
    if (verdict === undefined) continue;
    found.push({
      sighting: {
        toolKey,
        name: name === '' ? `Extension ${extension.id}` : name,
        category: 'browser-extension',
        signal: 'extension',
        at,
      },
      confidence: verdict.confidence,
      reason: verdict.reason,
      enabled,
    });
  }
  return found;
}

/** One line, trimmed, at most MAX_NAME UTF-16 units and never half a surrogate pair. */
export function cleanName(name: unknown): string {
  if (typeof name !== 'string') return '';
  // eslint-disable-next-line no-control-regex
  const line = name.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim();
  if (line.length <= MAX_NAME) return line;
  let cut = line.slice(0, MAX_NAME);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return cut.trimEnd();
}
