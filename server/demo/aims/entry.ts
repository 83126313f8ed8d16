import type { EntryValues, RegisterSpec } from '../../../shared/documents/aims/index.ts';
import { PEOPLE } from '../organisation.ts';

/** One demo entry: its register, id, how many days before `now` it was saved, its values. */
export type AimsEntry = [RegisterSpec, string, number, EntryValues];

export const DAY_MS = 86_400_000;
/** Top management (ISO/IEC 42001 clause 5): approves the policy and the management review. */
export const CEO = 'Marta Okafor (fictional)';
/** The internal auditor (clause 9.2), independent of the areas audited. */
export const AUDITOR = PEOPLE.legal;

/** Whole days before `now`, as the first millisecond of that UTC day (how dates are stored). */
export const dayOf = (now: number, daysAgo: number) => {
  const at = now - daysAgo * DAY_MS;
  return at - (at % DAY_MS);
};
