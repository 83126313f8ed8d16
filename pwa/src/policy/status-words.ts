import type { ToolStatusValue } from '../../../shared/documents/policy/index.ts';

/** What employees see for each status, in the words the lead reads too. */
export const STATUS_LABELS: Record<ToolStatusValue, string> = {
  approved: 'Approved',
  restricted: 'Restricted',
  banned: 'Banned',
  unreviewed: 'Not reviewed',
};

/** The order a lead chooses in: the decision first, "not reviewed" last. */
export const STATUS_CHOICES: readonly ToolStatusValue[] = [
  'approved',
  'restricted',
  'banned',
  'unreviewed',
];
