import { nextReview, type ReviewDue } from './review-cycle.ts';
import {
  findTier,
  type Approval,
  type AssessmentIndexEntry,
  type RegistryRecord,
  type Risk,
  type WorkspaceTierScheme,
} from '../documents/registry/index.ts';

/**
 * What the dashboard's "Reviews due" lists, worked out from the registry alone (the index of
 * assessments, the lead-written approvals, each record's decided tier): opening every assessment
 * document to find its sign-offs would cost a download per assessment.
 */

const DAY = 86_400_000;
/** Reviews due within this many days are listed; later ones are only counted. */
export const REVIEW_HORIZON_DAYS = 90;
/** Open risks due within this many days (or past due) are listed. */
export const RISK_HORIZON_DAYS = 30;

export type ReviewDueState = 'overdue' | 'upcoming' | 'first-sign-off';

export interface ReviewDueRow {
  assessment: AssessmentIndexEntry;
  /** The assessed system; a record id no record has (any more) keeps its id as its name. */
  system: { id: string; name: string; known: boolean };
  /** The decided tier: its name, and whether it is still in the scheme; undefined when undecided. */
  tier?: { id: string; name: string; current: boolean };
  lastSignOffAt?: number;
  review: ReviewDue;
  state: ReviewDueState;
}

export interface RiskDueRow {
  risk: Risk;
  dueDate: number;
  overdue: boolean;
}

export interface ReviewsDue {
  /** Overdue (longest overdue first), then due within the horizon (soonest first), then never signed off. */
  reviews: ReviewDueRow[];
  /** Assessments whose next review is further away than the horizon. */
  later: number;
  /** Open risks past due or due soon, soonest first. */
  risks: RiskDueRow[];
}

export interface ReviewsDueInput {
  assessments: readonly AssessmentIndexEntry[];
  approvals: ReadonlyMap<string, readonly Approval[]>;
  records: ReadonlyMap<string, RegistryRecord>;
  tierScheme: Pick<WorkspaceTierScheme, 'scheme' | 'removed'>;
  risks: Iterable<Risk>;
  now: number;
  /** The workspace's own review intervals, months per tier id (registry `governance`). */
  reviewMonths?: Readonly<Record<string, number>>;
}

const RANK: Record<ReviewDueState, number> = { overdue: 0, upcoming: 1, 'first-sign-off': 2 };

function lastSignOff(approvals: readonly Approval[] | undefined): number | undefined {
  if (!approvals || approvals.length === 0) return undefined;
  return Math.max(...approvals.map((approval) => approval.at));
}

function tierOf(record: RegistryRecord | undefined, scheme: ReviewsDueInput['tierScheme']) {
  const id = record?.classification?.tier?.decided;
  if (id === undefined) return undefined;
  const found = findTier(scheme, id);
  // A tier id the scheme never had still names the row, by its id.
  return { id, name: found?.tier.name ?? id, current: found?.current ?? false };
}

/**
 * One assessment's system, tier, last sign-off and next review: the dashboard's "Reviews due" and
 * the assessment list both read it from here, so they always agree.
 */
export function assessmentReview(
  assessment: AssessmentIndexEntry,
  input: Omit<ReviewsDueInput, 'assessments' | 'risks'>,
): Omit<ReviewDueRow, 'state'> {
  const record = input.records.get(assessment.recordId);
  const tier = tierOf(record, input.tierScheme);
  const lastSignOffAt = lastSignOff(input.approvals.get(assessment.id));
  // An undecided or removed tier is reviewed as often as the most severe (nextReview's rule).
  const review = nextReview({
    tierId: tier?.current ? tier.id : undefined,
    scheme: input.tierScheme.scheme,
    lastSignOffAt,
    now: input.now,
    ...(input.reviewMonths ? { custom: input.reviewMonths } : {}),
  });
  return {
    assessment,
    system: {
      id: assessment.recordId,
      name: record?.name ?? assessment.recordId,
      known: record !== undefined,
    },
    ...(tier ? { tier } : {}),
    ...(lastSignOffAt !== undefined ? { lastSignOffAt } : {}),
    review,
  };
}

export function reviewsDue(input: ReviewsDueInput): ReviewsDue {
  const { now } = input;
  const rows: ReviewDueRow[] = [];
  let later = 0;
  for (const assessment of input.assessments) {
    const row = assessmentReview(assessment, input);
    const { review } = row;
    let state: ReviewDueState;
    if (review.dueAt === undefined) state = 'first-sign-off';
    else if (review.state === 'overdue') state = 'overdue';
    else if (review.dueAt - now <= REVIEW_HORIZON_DAYS * DAY) state = 'upcoming';
    else {
      later++;
      continue;
    }
    rows.push({ ...row, state });
  }
  rows.sort(
    (a, b) =>
      RANK[a.state] - RANK[b.state] ||
      (a.review.dueAt ?? a.assessment.createdAt) - (b.review.dueAt ?? b.assessment.createdAt) ||
      (a.assessment.id < b.assessment.id ? -1 : 1),
  );
  return { reviews: rows, later, risks: risksDue(input.risks, now) };
}

/**
 * Risks not closed whose due day has passed or comes within the horizon. A due date is a day
 * (midnight UTC): a risk is overdue once that whole day is over.
 */
export function risksDue(risks: Iterable<Risk>, now: number): RiskDueRow[] {
  const rows: RiskDueRow[] = [];
  for (const risk of risks) {
    if (risk.status === 'closed' || risk.dueDate === undefined) continue;
    if (risk.dueDate - now > RISK_HORIZON_DAYS * DAY) continue;
    rows.push({ risk, dueDate: risk.dueDate, overdue: now >= risk.dueDate + DAY });
  }
  return rows.sort((a, b) => a.dueDate - b.dueDate || (a.risk.id < b.risk.id ? -1 : 1));
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The status in words (never colour alone): "Overdue by 28 days", "Due in 51 days", … */
export function reviewStatusLabel(row: ReviewDueRow, now: number): string {
  const dueAt = row.review.dueAt;
  if (row.state === 'first-sign-off' || dueAt === undefined) return 'First sign-off pending';
  if (row.state === 'overdue') {
    const late = Math.floor((now - dueAt) / DAY);
    return late < 1 ? 'Overdue since today' : `Overdue by ${plural(late, 'day')}`;
  }
  const days = Math.ceil((dueAt - now) / DAY);
  return days <= 1 ? 'Due within a day' : `Due in ${plural(days, 'day')}`;
}

/** Whole days between the day of `now` and a due day (both UTC). */
export function riskStatusLabel(row: RiskDueRow, now: number): string {
  const days = Math.round((row.dueDate - (now - (now % DAY))) / DAY);
  if (row.overdue) return `Overdue by ${plural(-days, 'day')}`;
  return days <= 0 ? 'Due today' : `Due in ${plural(days, 'day')}`;
}
