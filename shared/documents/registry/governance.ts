import type * as Y from 'yjs';
import { TIER_ID_PATTERN } from '../../classification/index.ts';
import { addProblem } from '../schema/problems.ts';
import { readBoolean, readNumber, readString, readTimestamp, topMap } from '../schema/read.ts';
import { ensureWritable } from '../schema/version.ts';
import { setIfChanged } from '../schema/write.ts';
import { MAX_PERSON, REGISTRY_SCHEMA } from './schema.ts';
import { MAX_STORED_TIERS } from './tier-scheme.ts';
import { MAX_REVIEW_MONTHS } from '../../assessments/review-cycle.ts';
import { checkAuthor } from './authored.ts';

/**
 * The workspace's governance settings for assessments, in the registry (leads write; contributors
 * read). One flat top-level map, so two leads editing different fields both win:
 *
 *   governance  'publicBodyOrPublicService' → boolean (EU AI Act Art. 27(1); absent: not said)
 *               'reviewMonths.<tierId>'     → 1–60 (absent: the default interval of that tier)
 *               'approvalsRequired.<tierId>' → 0–5 reviewer approvals a sign-off needs (absent:
 *                                              DEFAULT_APPROVALS_REQUIRED)
 *               'updatedBy', 'updatedAt'    → the last change
 *
 * A new optional top-level map: no migration.
 */
export const GOVERNANCE = 'governance';
export const MIN_REVIEW_MONTHS = 1;
export { MAX_REVIEW_MONTHS };
const PUBLIC_BODY = 'publicBodyOrPublicService';
const REVIEW_PREFIX = 'reviewMonths.';
const APPROVALS_PREFIX = 'approvalsRequired.';
export const MAX_APPROVALS_REQUIRED = 5;
/** Unless the workspace says otherwise, one reviewer other than the signer approves the text. */
export const DEFAULT_APPROVALS_REQUIRED = 1;
const STAMP_KEYS = new Set(['updatedBy', 'updatedAt']);

export interface WorkspaceGovernance {
  /** A body governed by public law, or a private entity providing public services; undefined: not said. */
  publicBodyOrPublicService?: boolean;
  /** The workspace's own review interval, in months, per tier id (nextReview's `custom`). */
  reviewMonths: Record<string, number>;
  /** Reviewer approvals a sign-off needs, per tier id (absent: DEFAULT_APPROVALS_REQUIRED). */
  approvalsRequired: Record<string, number>;
  updatedBy?: string;
  updatedAt?: number;
  problems: string[];
}

/** What to change; `null` clears a value (not answered / the default interval). */
export interface GovernanceChange {
  publicBodyOrPublicService?: boolean | null;
  reviewMonths?: Readonly<Record<string, number | null>>;
  approvalsRequired?: Readonly<Record<string, number | null>>;
}

export interface GovernanceStamp {
  by: string;
  at: number;
}

/** The governance settings, read without trust: a value of the wrong shape is skipped and listed. */
export function readGovernance(doc: Y.Doc): WorkspaceGovernance {
  const problems: string[] = [];
  // A null-prototype record: a stored tier id such as `__proto__` stays a plain key.
  const reviewMonths: Record<string, number> = Object.create(null) as Record<string, number>;
  const approvalsRequired: Record<string, number> = Object.create(null) as Record<string, number>;
  const governance: WorkspaceGovernance = { reviewMonths, approvalsRequired, problems };
  const map = topMap(doc, GOVERNANCE, problems);
  if (map === undefined) return governance;
  const path = GOVERNANCE;
  const publicBody = readBoolean(map, PUBLIC_BODY, problems, { path });
  if (publicBody !== undefined) governance.publicBodyOrPublicService = publicBody;
  const updatedBy = readString(map, 'updatedBy', problems, { path, max: MAX_PERSON });
  if (updatedBy !== undefined) governance.updatedBy = updatedBy;
  const updatedAt = readTimestamp(map, 'updatedAt', problems, { path });
  if (updatedAt !== undefined) governance.updatedAt = updatedAt;
  let tiers = 0;
  let ignored = 0;
  for (const key of [...map.keys()].sort()) {
    if (key === PUBLIC_BODY || STAMP_KEYS.has(key)) continue;
    if (key.startsWith(APPROVALS_PREFIX)) {
      const tier = key.slice(APPROVALS_PREFIX.length);
      const count = TIER_ID_PATTERN.test(tier)
        ? readNumber(map, key, problems, {
            path,
            integer: true,
            min: 0,
            max: MAX_APPROVALS_REQUIRED,
          })
        : undefined;
      if (count !== undefined && Object.keys(approvalsRequired).length < MAX_STORED_TIERS) {
        approvalsRequired[tier] = count;
      }
      continue;
    }
    const tierId = key.startsWith(REVIEW_PREFIX) ? key.slice(REVIEW_PREFIX.length) : undefined;
    if (tierId === undefined || !TIER_ID_PATTERN.test(tierId)) {
      if (ignored++ < 5)
        addProblem(
          problems,
          `${path}: ${JSON.stringify(key).slice(0, 80)} is not a setting; ignored`,
        );
      continue;
    }
    if (tiers >= MAX_STORED_TIERS) {
      addProblem(
        problems,
        `${path}: more than ${MAX_STORED_TIERS} review intervals; the rest are ignored`,
      );
      break;
    }
    const months = readNumber(map, key, problems, {
      path,
      integer: true,
      min: MIN_REVIEW_MONTHS,
      max: MAX_REVIEW_MONTHS,
    });
    if (months === undefined) continue;
    reviewMonths[tierId] = months;
    tiers++;
  }
  if (ignored > 5) addProblem(problems, `${path}: ${ignored - 5} more keys ignored`);
  return governance;
}

/** A per-tier setting's writes (`null` clears): whole numbers in min…max under known tier ids. */
function perTier(
  values: Readonly<Record<string, number | null>> | undefined,
  prefix: string,
  rule: { what: string; min: number; max: number; wrong: (tierId: string) => string },
): [string, number | undefined][] {
  if (typeof (values ?? {}) !== 'object')
    throw new TypeError(`${rule.what}: map tier ids to numbers`);
  const entries = Object.entries(values ?? {});
  if (entries.length > MAX_STORED_TIERS)
    throw new RangeError(`at most ${MAX_STORED_TIERS} ${rule.what} at once`);
  return entries.map(([tierId, value]) => {
    if (!TIER_ID_PATTERN.test(tierId))
      throw new RangeError(`${JSON.stringify(tierId).slice(0, 80)} is not a tier id`);
    if (
      value !== null &&
      (typeof value !== 'number' ||
        !Number.isInteger(value) ||
        value < rule.min ||
        value > rule.max)
    )
      throw new RangeError(rule.wrong(tierId));
    return [`${prefix}${tierId}`, value ?? undefined];
  });
}

function checkChange(change: GovernanceChange): [string, boolean | number | undefined][] {
  if (typeof change !== 'object' || change === null) throw new TypeError('nothing to change');
  const writes: [string, boolean | number | undefined][] = [];
  const publicBody = change.publicBodyOrPublicService;
  if (publicBody !== undefined) {
    if (publicBody !== null && typeof publicBody !== 'boolean')
      throw new TypeError('publicBodyOrPublicService must be true, false or not answered');
    writes.push([PUBLIC_BODY, publicBody ?? undefined]);
  }
  writes.push(
    ...perTier(change.reviewMonths, REVIEW_PREFIX, {
      what: 'review intervals',
      min: MIN_REVIEW_MONTHS,
      max: MAX_REVIEW_MONTHS,
      wrong: (tierId) =>
        `the review interval of ${tierId} must be a whole number of months from ${MIN_REVIEW_MONTHS} to ${MAX_REVIEW_MONTHS}`,
    }),
    ...perTier(change.approvalsRequired, APPROVALS_PREFIX, {
      what: 'approval counts',
      min: 0,
      max: MAX_APPROVALS_REQUIRED,
      wrong: (tierId) =>
        `the approvals ${tierId} needs must be a whole number from 0 to ${MAX_APPROVALS_REQUIRED}`,
    }),
  );
  return writes;
}

/**
 * Changes the governance settings, writing only the keys that change (and the stamp when any
 * does). Returns whether anything changed. Throws, changing nothing, on bad input, too many
 * stored intervals, or a `governance` name that holds another type.
 */
export function updateGovernance(
  doc: Y.Doc,
  change: GovernanceChange,
  stamp: GovernanceStamp,
): boolean {
  const writes = checkChange(change);
  checkAuthor(stamp?.by, stamp.at);
  if (topMap(doc, GOVERNANCE, []) === undefined)
    throw new Error(`${GOVERNANCE} holds another type: it cannot be edited`);
  const map = doc.getMap<unknown>(GOVERNANCE);
  const stored = [...map.keys()].filter((key) => key.startsWith(REVIEW_PREFIX));
  const added = writes.filter(
    ([key, value]) => key.startsWith(REVIEW_PREFIX) && value !== undefined && !map.has(key),
  ).length;
  if (added > 0 && stored.length + added > MAX_STORED_TIERS)
    throw new RangeError(`this workspace has ${stored.length} review intervals: no more fit`);
  let changed = false;
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    for (const [key, value] of writes) changed = setIfChanged(map, key, value) || changed;
    if (changed) {
      setIfChanged(map, 'updatedBy', stamp.by);
      setIfChanged(map, 'updatedAt', stamp.at);
    }
  });
  return changed;
}

/** How many reviewer approvals a sign-off of an assessment of this tier needs. */
export function approvalsRequiredFor(
  governance: Pick<WorkspaceGovernance, 'approvalsRequired'>,
  tierId: string | undefined,
  mostSevereTierId: string | undefined,
): number {
  const tier = tierId ?? mostSevereTierId;
  const set = tier === undefined ? undefined : governance.approvalsRequired[tier];
  return set ?? DEFAULT_APPROVALS_REQUIRED;
}
