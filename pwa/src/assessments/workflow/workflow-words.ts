import type { ApprovalState, ReviewDue } from '../../../../shared/assessments/index.ts';
import type { SectionStatus } from '../../../../shared/documents/assessment/index.ts';

/** The words the workflow panel shows, and the file names of its exports: pure, tested in Node. */

export const STATUS_LABELS: Record<SectionStatus, string> = {
  draft: 'Draft',
  'in-review': 'In review',
  done: 'Done',
};

export const APPROVAL_LABELS: Record<ApprovalState, string> = {
  approved: 'Approved',
  unconfirmed: 'Unconfirmed: no matching approval in the registry',
  altered: 'Changed after approval: not approved',
};

/** `YYYY-MM-DD`, in UTC (the exports' dates are UTC too). */
export function dayLabel(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD HH:MM UTC`. */
export function timeLabel(time: number): string {
  const iso = new Date(time).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function reviewLabel(due: ReviewDue): string {
  const every = `every ${due.months} months`;
  if (due.dueAt === undefined) return `Not signed off yet; once signed off, reviewed ${every}.`;
  const day = dayLabel(due.dueAt);
  if (due.state === 'overdue') return `Review overdue since ${day} (${every}).`;
  if (due.state === 'due-soon') return `Review due soon: ${day} (${every}).`;
  return `Next review: ${day} (${every}).`;
}

/**
 * A file name safe on every system: `<title>-<version or draft-day>.<ext>`. Untrusted titles
 * lose every character a file system might treat specially.
 */
export function assessmentFileName(title: string, which: string, extension: string): string {
  const safe = (text: string) =>
    text
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60);
  return `${safe(title) || 'assessment'}-${safe(which) || 'export'}.${extension}`;
}

/** A new sign-off or version id: 128 random bits as 32 hex digits (fits the id rule). */
export const newWorkflowId = (): string => crypto.randomUUID().replaceAll('-', '');
