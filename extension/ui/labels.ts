import type { LedgerEntry, ToolStatusValue } from '../background/messages.ts';
import { isLikelyAiSighting } from '../../shared/detection/with-likely-ai.ts';
import type { DataCategory } from '../../shared/documents/schema/values.ts';

/** The kinds of data an employee can say go into a tool, in the order the flag form lists them. */
export const DATA_CATEGORY_LABELS: Record<DataCategory, string> = {
  personal: 'Personal data',
  customer: 'Customer data',
  'source-code': 'Source code',
  financial: 'Financial',
  health: 'Health',
  confidential: 'Confidential business',
  none: 'None',
};

/** How each recorded signal reads in the ledger. */
export const SIGNAL_LABELS: Record<LedgerEntry['signal'], string> = {
  visit: 'You visited it',
  'api-call': 'AI used inside a site',
  extension: 'Installed browser extension',
  flag: 'You flagged it',
};

/** The words shown for a ledger entry from the likely-AI tier (docs/privacy.md). */
export const LIKELY_AI_WORDS = 'Possibly AI — not in the catalog (its name says AI)';

/** How a ledger entry was found, in words: the signal, and whether only the name said AI. */
export function howFoundWords(entry: Pick<LedgerEntry, 'toolKey' | 'signal'>): string {
  const words = SIGNAL_LABELS[entry.signal];
  return isLikelyAiSighting(entry.toolKey, entry.signal) ? `${words}: ${LIKELY_AI_WORDS}` : words;
}

/** A workspace decision in plain words, with an icon that never carries the meaning alone. */
export const STATUS_WORDS: Record<ToolStatusValue, { title: string; icon: string }> = {
  approved: { title: 'Approved by your workspace', icon: '✓' },
  restricted: { title: 'Restricted: use with care', icon: '!' },
  banned: { title: 'Banned by your workspace', icon: '✕' },
  unreviewed: { title: 'Not reviewed yet by your workspace', icon: '?' },
};
