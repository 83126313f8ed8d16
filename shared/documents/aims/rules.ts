import type { EntryValues } from './fields.ts';
import { AIMS_NONCONFORMITIES, type RegisterSpec } from './registers.ts';

/**
 * Rules an entry must keep beyond its fields' shapes (docs/management-system.md, M1–M3):
 *
 * - M1 A nonconformity is verified or closed only once its effectiveness check is written (10.2 e:
 *   review the effectiveness of any corrective action taken).
 * - M2 A nonconformity is closed only with a closing date and the action found effective; an
 *   ineffective action stays open for further action.
 * - M3 A closing date belongs only to a closed nonconformity.
 */
export function checkRules(register: RegisterSpec, values: EntryValues): void {
  if (register.id !== AIMS_NONCONFORMITIES.id) return;
  const { status, effectiveness, effective, closedAt } = values;
  const checked = typeof effectiveness === 'string' && effectiveness.trim() !== '';
  if ((status === 'verified' || status === 'closed') && !checked) {
    throw new RangeError('write the effectiveness check before marking it verified or closed');
  }
  if (status === 'closed' && (closedAt === undefined || effective !== true)) {
    throw new RangeError('a nonconformity closes only with a closing date and an effective action');
  }
  if (status !== 'closed' && closedAt !== undefined) {
    throw new RangeError('only a closed nonconformity has a closing date');
  }
}

/** Statuses whose corrective action is still to be done: past its due date, it is overdue. */
export const ACTION_PENDING: ReadonlySet<string> = new Set(['open', 'action-planned']);

const DAY = 86_400_000;

/**
 * Whether a nonconformity's corrective action is overdue at `now`: still to be done, and its due
 * day (stored as that day's first millisecond, UTC) has ended.
 */
export function isActionOverdue(values: EntryValues, now: number): boolean {
  return (
    typeof values.status === 'string' &&
    ACTION_PENDING.has(values.status) &&
    typeof values.dueDate === 'number' &&
    values.dueDate + DAY <= now
  );
}
