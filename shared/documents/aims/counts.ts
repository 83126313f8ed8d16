import type * as Y from 'yjs';
import { readAimsRegister } from './entries.ts';
import { AIMS_NONCONFORMITIES } from './registers.ts';
import { isActionOverdue } from './rules.ts';

/** The dashboard's management-system figures, from the registers as read. */
export interface AimsCounts {
  openNonconformities: number;
  overdueActions: number;
}

export function aimsCounts(doc: Y.Doc, now: number): AimsCounts {
  const { entries } = readAimsRegister(doc, AIMS_NONCONFORMITIES);
  let open = 0;
  let overdue = 0;
  for (const { values } of entries) {
    if (values.status !== 'closed') open++;
    if (isActionOverdue(values, now)) overdue++;
  }
  return { openNonconformities: open, overdueActions: overdue };
}
