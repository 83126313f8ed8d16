import * as Y from 'yjs';
import { readIncidentRegister } from '../registry/incidents-read.ts';
import { readRiskRegister, riskBand, riskScore } from '../registry/risks.ts';
import { checkAuthor } from '../registry/authored.ts';
import { MAX_PERSON, REGISTRY_SCHEMA } from '../registry/schema.ts';
import { readString, readTimestamp, topMap } from '../schema/read.ts';
import { ensureWritable } from '../schema/version.ts';
import { approvedContentSha256, isTopManagement } from './ai-policy.ts';
import { AIMS_AUDITS, AIMS_FINDINGS, FINDING_KINDS } from './audit-registers.ts';
import { aimsCounts } from './counts.ts';
import { readAimsRegister, type AimsEntry } from './entries.ts';
import { AIMS_ISSUES, AIMS_NONCONFORMITIES, AIMS_OBJECTIVES, AIMS_PARTIES } from './registers.ts';
import { AIMS_REVIEW_ACTIONS, AIMS_REVIEWS, REVIEW_ACTION_STATUSES } from './review-registers.ts';
import { gatherReviewMonitoring, type ReviewMonitoring } from './review-monitoring.ts';

export { AIMS_REVIEWS, AIMS_REVIEW_ACTIONS } from './review-registers.ts';

/**
 * The inputs of a management review (9.3.2), gathered live from the workspace through the
 * registers' own readers — never copied — until top management approves the review; then they
 * are frozen into it (MR2). Plain JSON: dates as YYYY-MM-DD, lists in id order.
 */
export interface ReviewInputs {
  /** The day the previous approved review was held: "changes since" count from it. */
  since: string | null;
  /** a) The status of actions from previous reviews. */
  previousActions: Record<(typeof REVIEW_ACTION_STATUSES)[number], number> & {
    overdue: number;
    pending: string[];
  };
  /** b) Changes in external and internal issues, and in interested parties' needs. */
  issues: { total: number; changed: string[] };
  parties: { total: number; changed: string[]; notAddressed: string[] };
  /** c) Nonconformities and corrective actions. */
  nonconformities: { open: number; overdueActions: number; raised: string[]; closed: string[] };
  /** Monitoring and measurement results: breaches raised as alerts since (review-monitoring.ts). */
  monitoring: ReviewMonitoring;
  /** Audit results. */
  audits: { held: string[]; findings: Record<(typeof FINDING_KINDS)[number], number> };
  /** Fulfilment of the AI objectives. */
  objectives: Record<string, number>;
  /** Risks: not closed, by band, and raised since. */
  risks: { notClosed: number; byBand: Record<string, number>; raised: number };
  /** Incidents detected since, and those still open. */
  incidents: { detected: number; open: number; serious: number };
  /** d) Opportunities for continual improvement (audit findings of that kind, since). */
  opportunities: string[];
}

const DAY = 86_400_000;
const day = (time: number) => new Date(time).toISOString().slice(0, 10);
const titleOf = (entry: AimsEntry) => String(entry.values.title ?? entry.values.name ?? entry.id);
const time = (entry: AimsEntry, key: string) => {
  const value = entry.values[key];
  return typeof value === 'number' ? value : undefined;
};

/** The approved review held last (by its held day, then its approval), if any. */
function previousReview(reviews: readonly ReviewRecord[], except?: string) {
  let previous: ReviewRecord | undefined;
  for (const review of reviews) {
    if (review.state !== 'approved' || review.id === except) continue;
    const held = time(review, 'heldAt') ?? review.approvedAt ?? 0;
    const best = previous ? (time(previous, 'heldAt') ?? previous.approvedAt ?? 0) : -1;
    if (held > best) previous = review;
  }
  return previous;
}

/**
 * A review's inputs as the workspace holds them at `now`. `reviewId` is the review they are for:
 * "since" is the previous approved review other than it.
 */
export function gatherReviewInputs(doc: Y.Doc, now: number, reviewId?: string): ReviewInputs {
  const entries = (register: typeof AIMS_ISSUES) => readAimsRegister(doc, register).entries;
  const previous = previousReview(readManagementReviews(doc).reviews, reviewId);
  const sinceTime = previous ? (time(previous, 'heldAt') ?? previous.approvedAt ?? 0) : 0;
  const after = (at: number | undefined) => at !== undefined && at >= sinceTime;

  const previousActions = {
    ...(Object.fromEntries(REVIEW_ACTION_STATUSES.map((s) => [s, 0])) as Record<
      (typeof REVIEW_ACTION_STATUSES)[number],
      number
    >),
    overdue: 0,
    pending: [] as string[],
  };
  for (const action of entries(AIMS_REVIEW_ACTIONS)) {
    const status = action.values.status as (typeof REVIEW_ACTION_STATUSES)[number];
    previousActions[status]++;
    if (status === 'open' || status === 'in-progress') {
      previousActions.pending.push(titleOf(action));
      const due = time(action, 'dueDate');
      if (due !== undefined && due + DAY <= now) previousActions.overdue++;
    }
  }

  const issues = entries(AIMS_ISSUES);
  const parties = entries(AIMS_PARTIES);
  const nonconformities = entries(AIMS_NONCONFORMITIES);
  const counts = aimsCounts(nonconformities, now);
  const findings = entries(AIMS_FINDINGS).filter((f) => after(time(f, 'foundAt') ?? f.updatedAt));
  const findingCounts = Object.fromEntries(FINDING_KINDS.map((k) => [k, 0])) as Record<
    (typeof FINDING_KINDS)[number],
    number
  >;
  for (const finding of findings) {
    findingCounts[finding.values.kind as (typeof FINDING_KINDS)[number]]++;
  }
  const objectives: Record<string, number> = {};
  for (const objective of entries(AIMS_OBJECTIVES)) {
    const status = String(objective.values.status);
    objectives[status] = (objectives[status] ?? 0) + 1;
  }
  const byBand: Record<string, number> = { low: 0, medium: 0, high: 0, critical: 0 };
  let notClosed = 0;
  let raised = 0;
  for (const risk of readRiskRegister(doc).risks.values()) {
    if (risk.status !== 'closed') {
      notClosed++;
      const band = riskBand(riskScore(risk.likelihood, risk.impact));
      byBand[band] = (byBand[band] ?? 0) + 1;
    }
    if (risk.updatedAt >= sinceTime && sinceTime > 0) raised++;
  }
  let detected = 0;
  let open = 0;
  let serious = 0;
  for (const incident of readIncidentRegister(doc).incidents.values()) {
    if (incident.detectedAt >= sinceTime) {
      detected++;
      if (incident.serious.length > 0) serious++;
    }
    if (incident.status !== 'closed') open++;
  }
  return {
    since: previous ? day(sinceTime) : null,
    previousActions,
    issues: {
      total: issues.length,
      changed: issues.filter((e) => after(e.updatedAt)).map(titleOf),
    },
    parties: {
      total: parties.length,
      changed: parties.filter((e) => after(e.updatedAt)).map(titleOf),
      notAddressed: parties.filter((e) => e.values.addressed !== true).map(titleOf),
    },
    nonconformities: {
      open: counts.openNonconformities,
      overdueActions: counts.overdueActions,
      raised: nonconformities.filter((e) => after(time(e, 'foundAt') ?? e.updatedAt)).map(titleOf),
      closed: nonconformities.filter((e) => after(time(e, 'closedAt'))).map(titleOf),
    },
    monitoring: gatherReviewMonitoring(doc, sinceTime),
    audits: {
      held: entries(AIMS_AUDITS)
        .filter((a) => a.values.status === 'done' && after(time(a, 'heldAt')))
        .map(titleOf),
      findings: findingCounts,
    },
    objectives,
    risks: { notClosed, byBand, raised },
    incidents: { detected, open, serious },
    opportunities: findings.filter((f) => f.values.kind === 'opportunity').map(titleOf),
  };
}

export type ReviewState = 'draft' | 'approved' | 'altered';

export interface ReviewRecord extends AimsEntry {
  state: ReviewState;
  approvedBy?: string;
  approvedAt?: number;
  /** The inputs frozen at approval (approved or altered reviews). */
  inputs?: ReviewInputs;
}

const MAX_INPUTS = 200_000;

/** What a review's approval covers, in a fixed order (MR2). */
function reviewContentSha256(review: AimsEntry, by: string, at: number, inputsJson: string) {
  const { values } = review;
  return approvedContentSha256([
    review.id,
    values.title,
    values.heldAt ?? null,
    values.attendees ?? [],
    values.decisions ?? '',
    values.improvements ?? '',
    values.changes ?? '',
    by,
    at,
    inputsJson,
  ]);
}

/**
 * The management reviews read without trust, each with its state: a draft; approved (what it
 * holds still matches the digest taken at approval); or altered (it does not: shown as such,
 * never as approved).
 */
export function readManagementReviews(doc: Y.Doc): { reviews: ReviewRecord[]; problems: string[] } {
  const { entries, problems } = readAimsRegister(doc, AIMS_REVIEWS);
  const map = topMap(doc, AIMS_REVIEWS.id, []);
  const reviews = entries.map((entry): ReviewRecord => {
    const raw = map?.get(entry.id);
    if (!(raw instanceof Y.Map) || !raw.has('approvedAt')) return { ...entry, state: 'draft' };
    const path = `${AIMS_REVIEWS.id}.${entry.id}`;
    const approvedAt = readTimestamp(raw, 'approvedAt', problems, { path });
    const approvedBy = readString(raw, 'approvedBy', problems, { path, max: MAX_PERSON });
    const inputsJson = readString(raw, 'inputs', problems, { path, max: MAX_INPUTS });
    const sha = readString(raw, 'contentSha256', problems, { path, max: 64 });
    const review: ReviewRecord = { ...entry, state: 'altered' };
    if (approvedAt !== undefined) review.approvedAt = approvedAt;
    if (approvedBy !== undefined) review.approvedBy = approvedBy;
    if (inputsJson !== undefined) {
      try {
        review.inputs = JSON.parse(inputsJson) as ReviewInputs;
      } catch {
        problems.push(`${path}: its frozen inputs are not JSON`);
      }
    }
    if (
      approvedAt !== undefined &&
      approvedBy !== undefined &&
      inputsJson !== undefined &&
      review.inputs !== undefined &&
      sha === reviewContentSha256(entry, approvedBy, approvedAt, inputsJson)
    ) {
      review.state = 'approved';
    } else problems.push(`${path}: approval does not match the content; shown as altered`);
    return review;
  });
  return { reviews, problems };
}

/**
 * MR2, MR3: top management approves a review once it has its held day and decisions. The inputs
 * as gathered now are frozen into it with the digest of everything the approval covers; from
 * then on the writer refuses to change or remove it (MR1). Throws, changing nothing, otherwise.
 */
export function approveManagementReview(
  doc: Y.Doc,
  id: string,
  by: string,
  at: number,
): ReviewRecord {
  checkAuthor(by, at);
  if (!isTopManagement(doc, by)) {
    throw new Error(`${by} is not in a top-management role: only top management approves a review`);
  }
  const review = readManagementReviews(doc).reviews.find((r) => r.id === id);
  if (review === undefined) throw new Error('no such management review');
  if (review.state !== 'draft') throw new Error('this review is already approved');
  const decisions = review.values.decisions;
  if (review.values.heldAt === undefined || typeof decisions !== 'string' || !decisions.trim()) {
    throw new RangeError('a review is approved only with the day it was held and its decisions');
  }
  const inputs = gatherReviewInputs(doc, at, id);
  const inputsJson = JSON.stringify(inputs);
  const sha = reviewContentSha256(review, by, at, inputsJson);
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    const map = doc.getMap<unknown>(AIMS_REVIEWS.id).get(id) as Y.Map<unknown>;
    map.set('approvedBy', by);
    map.set('approvedAt', at);
    map.set('inputs', inputsJson);
    map.set('contentSha256', sha);
  });
  return { ...review, state: 'approved', approvedBy: by, approvedAt: at, inputs };
}
