import * as Y from 'yjs';
import {
  EU_AI_ACT_CATEGORIES,
  PROFILE_FIELDS,
  ProfileError,
  classifyValidProfile,
  parseEuAiActProfile,
  type EuAiActCategory,
  type EuAiActProfile,
} from '../../classification/index.ts';
import { addProblem, describe, joinPath } from '../schema/problems.ts';
import { readChildMap, readString, readTimestamp } from '../schema/read.ts';
import { MAX_TIMESTAMP, isId } from '../schema/values.ts';
import { ensureWritable } from '../schema/version.ts';
import { checkText, childMap, setIfChanged, type JsonValue } from '../schema/write.ts';
import { MAX_PERSON, MAX_REASON, RECORDS, REGISTRY_SCHEMA } from './schema.ts';
import { checkAuthor } from './authored.ts';
import { clearDraft, readDraft, type DraftAnswers } from './classification-draft.ts';
import { appendHistory, fieldChange } from './history.ts';
import { markSignificantChange, profileLines } from './significant-change.ts';

/**
 * A record's classification (brief, decision 7: the product suggests, a person decides), in the
 * record's optional nested Y.Map `classification`:
 *
 *   profile     Y.Map: profile field → true | [values] (only the answers given; false/empty left out)
 *   answeredBy, answeredAt
 *   suggested   { category, basis: [citations], rulesVersion? }  classifyEuAiAct of the profile,
 *               written with it, under the rules version named (shared/classification/rules)
 *   decision    { category, confirmed, overrideReason?, by, at }  a lead's, written whole
 *   tier        { suggested, decided, reason?, suggestedReasons?, by, at }  tier ids, written whole
 * The answers given since the last confirmation are flat `draft.*` keys of the record itself
 * (classification-draft.ts).
 *
 * Each decision is also a history entry of the record, from → to, with its reason.
 * A new optional key, not a change of shape: v1 readers read only the keys they know, so no
 * migration. Each part has one writer at a time and is replaced whole (last decision wins); the
 * profile's answers are separate keys, so leads answering different questions at once both win.
 */
export const CLASSIFICATION = 'classification';
export const MAX_TIER_REASONS = 20;
export const MAX_TIER_REASON = 1000;
const MAX_BASIS = 40;
const MAX_CITATION = 40;

export interface SuggestedCategory {
  category: EuAiActCategory;
  basis: string[];
  /** The version of the EU AI Act rules it was suggested under (absent: before versions existed). */
  rulesVersion?: string;
}

export interface CategoryDecision {
  category: EuAiActCategory;
  /** True: the suggestion was confirmed as is. False: overridden, with a reason. */
  confirmed: boolean;
  /** Required (non-blank) when not confirmed. */
  overrideReason?: string;
  by: string;
  at: number;
}

export interface TierDecision {
  /** Tier ids from the workspace's scheme. */
  suggested: string;
  decided: string;
  /** Required (non-blank) when the decided tier differs from the suggested one. */
  reason?: string;
  /** The suggestion's own reasons, kept with the decision (docs/classification.md). */
  suggestedReasons?: string[];
  by: string;
  at: number;
}

export interface RecordClassification {
  /** Absent when no answer was recorded or the stored answers are unreadable (reported). */
  profile?: EuAiActProfile;
  answeredBy?: string;
  answeredAt?: number;
  suggested?: SuggestedCategory;
  decision?: CategoryDecision;
  tier?: TierDecision;
  /** The answers as the boxes show them: the profile with the unconfirmed answers laid over it. */
  draft?: DraftAnswers;
}

function checkReason(what: string, value: unknown): string {
  checkText(what, value, { max: MAX_REASON });
  if (value.trim() === '') throw new RangeError(`${what} must not be blank`);
  return value;
}

function recordMap(doc: Y.Doc, id: string): Y.Map<unknown> {
  const record = doc.getMap<unknown>(RECORDS).get(id);
  if (!(record instanceof Y.Map)) throw new Error(`no record ${id}`);
  return record;
}

function touch(record: Y.Map<unknown>, by: string, at: number): void {
  setIfChanged(record, 'updatedAt', at);
  setIfChanged(record, 'updatedBy', by);
}

/** The profile as stored: only the answers given, in a JSON-safe form (the default role left out). */
function storedAnswers(profile: EuAiActProfile): Map<string, JsonValue> {
  const answers = new Map<string, JsonValue>();
  for (const field of PROFILE_FIELDS) {
    const value = profile[field];
    if (Array.isArray(value) ? value.length > 0 : value === true)
      answers.set(field, value as JsonValue);
    else if (typeof value === 'string' && !(field === 'role' && value === 'deployer'))
      answers.set(field, value);
  }
  return answers;
}

/**
 * Records the use profile's answers and the category they suggest (with its basis). Throws a
 * ProfileError (changing nothing) for an invalid profile. Returns whether anything changed.
 */
export function setUseProfile(
  doc: Y.Doc,
  id: string,
  profile: unknown,
  by: string,
  at: number,
): boolean {
  const valid = parseEuAiActProfile(profile);
  checkAuthor(by, at);
  const record = recordMap(doc, id);
  const result = classifyValidProfile(valid);
  const answers = storedAnswers(valid);
  let changed = false;
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    const classification = childMap(record, CLASSIFICATION);
    const stored = childMap(classification, 'profile');
    const before = profileLines(stored.entries());
    for (const key of [...stored.keys()]) {
      if (!answers.has(key)) changed = setIfChanged(stored, key, undefined) || changed;
    }
    for (const [key, value] of answers) changed = setIfChanged(stored, key, value) || changed;
    const suggested = {
      category: result.category,
      basis: result.basis,
      rulesVersion: result.rulesVersion,
    };
    changed = setIfChanged(classification, 'suggested', suggested) || changed;
    // The draft's answers are now the profile.
    clearDraft(record);
    if (changed) {
      setIfChanged(classification, 'answeredBy', by);
      setIfChanged(classification, 'answeredAt', at);
      touch(record, by, at);
      // The answers changed: a significant change for the record's assessments (CHG1).
      const answersChange = fieldChange(
        'classification',
        before,
        profileLines(stored.entries()),
        true,
      );
      if (answersChange) markSignificantChange(doc, id, [answersChange], by, at);
    }
  });
  return changed;
}

/**
 * Records a lead's decision on the EU AI Act category. A confirmation must name the category the
 * stored profile suggests now; an override needs a reason. Throws, changing nothing, otherwise.
 */
export function decideEuAiActCategory(doc: Y.Doc, id: string, decision: CategoryDecision): void {
  if (!EU_AI_ACT_CATEGORIES.includes(decision.category))
    throw new RangeError('unknown EU AI Act category');
  if (typeof decision.confirmed !== 'boolean')
    throw new TypeError('confirmed must be true or false');
  checkAuthor(decision.by, decision.at);
  const record = recordMap(doc, id);
  const problems: string[] = [];
  const current = readRecordClassification(record, `${RECORDS}.${id}`, problems);
  if (current?.profile === undefined || current.suggested === undefined) {
    throw new Error('answer the use profile first: there is no suggestion to decide on');
  }
  const stored: CategoryDecision = {
    category: decision.category,
    confirmed: decision.confirmed,
    by: decision.by,
    at: decision.at,
  };
  if (decision.confirmed) {
    if (decision.category !== current.suggested.category) {
      throw new RangeError(
        `a confirmation confirms the suggestion (${current.suggested.category}); to choose another category, override it with a reason`,
      );
    }
    if (decision.overrideReason !== undefined)
      throw new RangeError('a confirmation has no override reason');
  } else {
    stored.overrideReason = checkReason('an override reason', decision.overrideReason);
  }
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    const classification = childMap(record, CLASSIFICATION);
    setIfChanged(classification, 'decision', stored as unknown as JsonValue);
    appendHistory(record, {
      at: decision.at,
      by: decision.by,
      action: 'classified',
      changes: [
        { field: 'euAiAct', from: current.decision?.category ?? null, to: decision.category },
      ],
      detail: decision.confirmed ? 'confirmed' : 'overridden',
      ...(stored.overrideReason ? { reason: stored.overrideReason } : {}),
    });
  });
}

/** Records a lead's tier decision; a tier other than the suggested one needs a reason. */
export function decideTier(doc: Y.Doc, id: string, decision: TierDecision): void {
  if (!isId(decision.suggested) || !isId(decision.decided))
    throw new RangeError('tiers are named by their ids');
  checkAuthor(decision.by, decision.at);
  const stored: TierDecision = {
    suggested: decision.suggested,
    decided: decision.decided,
    by: decision.by,
    at: decision.at,
  };
  if (decision.reason !== undefined || decision.decided !== decision.suggested) {
    stored.reason = checkReason('the reason for another tier', decision.reason);
  }
  if (decision.suggestedReasons !== undefined) {
    const reasons = decision.suggestedReasons;
    if (
      !Array.isArray(reasons) ||
      reasons.length > MAX_TIER_REASONS ||
      !reasons.every((r) => typeof r === 'string' && r.length > 0 && r.length <= MAX_TIER_REASON)
    ) {
      throw new RangeError(`suggestedReasons: at most ${MAX_TIER_REASONS} sentences`);
    }
    stored.suggestedReasons = [...reasons];
  }
  const record = recordMap(doc, id);
  const before = readRecordClassification(record, `${RECORDS}.${id}`, [])?.tier?.decided;
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    const classification = childMap(record, CLASSIFICATION);
    setIfChanged(classification, 'tier', stored as unknown as JsonValue);
    appendHistory(record, {
      at: decision.at,
      by: decision.by,
      action: 'tier-decided',
      changes: [{ field: 'tier', from: before ?? null, to: stored.decided }],
      detail: stored.decided === stored.suggested ? 'confirmed' : 'overridden',
      ...(stored.reason ? { reason: stored.reason } : {}),
    });
  });
}

// ————— reading, without trust —————

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  if (value instanceof Y.AbstractType) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

const isText = (value: unknown, max: number, min = 1): value is string =>
  typeof value === 'string' && value.length >= min && value.length <= max;
const isTime = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_TIMESTAMP;
const isCategory = (value: unknown): value is EuAiActCategory =>
  EU_AI_ACT_CATEGORIES.includes(value as EuAiActCategory);

/** An object value at `key`, or undefined (reported when something else is there). */
function objectAt(
  map: Y.Map<unknown>,
  key: string,
  problems: string[],
  path: string,
): Record<string, unknown> | undefined {
  const value = map.get(key);
  if (value === undefined) return undefined;
  if (isPlainObject(value)) return value;
  addProblem(
    problems,
    `${joinPath(path, key)}: expected an object, got ${describe(value)}; skipped`,
  );
  return undefined;
}

function skip(problems: string[], path: string, key: string, why: string): undefined {
  addProblem(problems, `${joinPath(path, key)}: ${why}; skipped`);
  return undefined;
}

function readProfile(map: Y.Map<unknown>, path: string, problems: string[]) {
  const stored = readChildMap(map, 'profile', problems, { path });
  if (stored === undefined) return undefined;
  const raw: Record<string, unknown> = {};
  for (const [key, value] of stored.entries()) raw[key] = value;
  try {
    return parseEuAiActProfile(raw);
  } catch (error) {
    if (!(error instanceof ProfileError)) throw error;
    for (const problem of error.problems)
      addProblem(problems, `${joinPath(path, 'profile')}: ${problem}`);
    return skip(problems, path, 'profile', 'not a valid use profile');
  }
}

function readSuggested(map: Y.Map<unknown>, path: string, problems: string[]) {
  const value = objectAt(map, 'suggested', problems, path);
  if (value === undefined) return undefined;
  const { category, basis } = value;
  if (!isCategory(category)) return skip(problems, path, 'suggested', 'no known category');
  if (
    !Array.isArray(basis) ||
    basis.length > MAX_BASIS ||
    !basis.every((c) => isText(c, MAX_CITATION))
  ) {
    return skip(problems, path, 'suggested', 'its basis is not a list of citations');
  }
  const suggested: SuggestedCategory = { category, basis: [...(basis as string[])] };
  // An unreadable version is left out, not fatal: the suggestion then reads as made before versions.
  if (isText(value.rulesVersion, MAX_CITATION)) suggested.rulesVersion = value.rulesVersion;
  return suggested;
}

function readDecision(map: Y.Map<unknown>, path: string, problems: string[]) {
  const value = objectAt(map, 'decision', problems, path);
  if (value === undefined) return undefined;
  const { category, confirmed, overrideReason, by, at } = value;
  if (!isCategory(category)) return skip(problems, path, 'decision', 'no known category');
  if (typeof confirmed !== 'boolean')
    return skip(problems, path, 'decision', 'confirmed is not true or false');
  if (!isText(by, MAX_PERSON) || !isTime(at))
    return skip(problems, path, 'decision', 'no readable author and time');
  const decision: CategoryDecision = { category, confirmed, by, at };
  if (!confirmed) {
    if (!isText(overrideReason, MAX_REASON) || overrideReason.trim() === '') {
      return skip(problems, path, 'decision', 'an override without a readable reason');
    }
    decision.overrideReason = overrideReason;
  }
  return decision;
}

function readTier(map: Y.Map<unknown>, path: string, problems: string[]) {
  const value = objectAt(map, 'tier', problems, path);
  if (value === undefined) return undefined;
  const { suggested, decided, reason, suggestedReasons, by, at } = value;
  if (!isId(suggested) || !isId(decided))
    return skip(problems, path, 'tier', 'no readable tier ids');
  if (!isText(by, MAX_PERSON) || !isTime(at))
    return skip(problems, path, 'tier', 'no readable author and time');
  const tier: TierDecision = { suggested, decided, by, at };
  if (reason !== undefined) {
    if (!isText(reason, MAX_REASON)) return skip(problems, path, 'tier', 'an unreadable reason');
    tier.reason = reason;
  }
  if (decided !== suggested && (tier.reason === undefined || tier.reason.trim() === '')) {
    return skip(problems, path, 'tier', 'another tier than the suggested one, without a reason');
  }
  if (suggestedReasons !== undefined) {
    if (
      Array.isArray(suggestedReasons) &&
      suggestedReasons.length <= MAX_TIER_REASONS &&
      suggestedReasons.every((r) => isText(r, MAX_TIER_REASON))
    ) {
      tier.suggestedReasons = [...(suggestedReasons as string[])];
    } else {
      addProblem(problems, `${joinPath(path, 'tier')}.suggestedReasons: unreadable; left out`);
    }
  }
  return tier;
}

/**
 * A record's classification, or undefined when it has none (or something other than a map is
 * there, reported). Each part is read on its own: a damaged part is skipped and reported.
 */
export function readRecordClassification(
  record: Y.Map<unknown>,
  recordPath: string,
  problems: string[],
): RecordClassification | undefined {
  const map = readChildMap(record, CLASSIFICATION, problems, { path: recordPath });
  const path = joinPath(recordPath, CLASSIFICATION);
  const result: RecordClassification = {};
  const draft = () => readDraft(record, result.profile, recordPath, problems);
  if (map === undefined) {
    // Answers given before the first confirmation: only the draft.
    const answers = draft();
    return answers.pending || answers.by !== undefined ? { draft: answers } : undefined;
  }
  const profile = readProfile(map, path, problems);
  if (profile !== undefined) result.profile = profile;
  const answeredBy = readString(map, 'answeredBy', problems, { path, max: MAX_PERSON });
  if (answeredBy !== undefined) result.answeredBy = answeredBy;
  const answeredAt = readTimestamp(map, 'answeredAt', problems, { path });
  if (answeredAt !== undefined) result.answeredAt = answeredAt;
  const suggested = readSuggested(map, path, problems);
  if (suggested !== undefined) result.suggested = suggested;
  const decision = readDecision(map, path, problems);
  if (decision !== undefined) result.decision = decision;
  const tier = readTier(map, path, problems);
  if (tier !== undefined) result.tier = tier;
  const answers = draft();
  if (answers.pending || answers.by !== undefined) result.draft = answers;
  return result;
}
