import type { AimsEntry } from './entries.ts';
import { isActionOverdue } from './rules.ts';

/** The dashboard's management-system figures, from the nonconformity register as read. */
export interface AimsCounts {
  openNonconformities: number;
  overdueActions: number;
}

/** Counts from the same rule the page's "Action overdue" marks use (isActionOverdue). */
export function aimsCounts(nonconformities: Iterable<AimsEntry>, now: number): AimsCounts {
  let open = 0;
  let overdue = 0;
  for (const { values } of nonconformities) {
    if (values.status !== 'closed') open++;
    if (isActionOverdue(values, now)) overdue++;
  }
  return { openNonconformities: open, overdueActions: overdue };
}
