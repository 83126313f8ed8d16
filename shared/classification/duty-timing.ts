// When a duty applies, relative to a day that is passed in (never read from the clock here, so
// the answer is a pure function and testable for any day).

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The calendar day (UTC) of a moment, YYYY-MM-DD. */
export function isoDay(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** `2027-12-02` → `2 Dec 2027`. */
export function formatRuleDay(day: string): string {
  const [year, month, date] = day.split('-');
  return `${Number(date)} ${MONTHS[Number(month) - 1] ?? month} ${year}`;
}

export interface DutyTiming {
  appliesNow: boolean;
  /** "applies now" or "from 2 Dec 2027". */
  label: string;
}

/** Whether a duty that applies from `appliesFrom` applies on `today` (both YYYY-MM-DD). */
export function dutyTiming(appliesFrom: string, today: string): DutyTiming {
  const appliesNow = appliesFrom <= today;
  return { appliesNow, label: appliesNow ? 'applies now' : `from ${formatRuleDay(appliesFrom)}` };
}
