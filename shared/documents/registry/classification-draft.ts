import * as Y from 'yjs';
import {
  PROFILE_FIELDS,
  ProfileError,
  emptyEuAiActProfile,
  parseEuAiActProfile,
  type EuAiActProfile,
} from '../../classification/index.ts';
import { addProblem, joinPath } from '../schema/problems.ts';
import { readString, readTimestamp } from '../schema/read.ts';
import { ensureWritable } from '../schema/version.ts';
import { checkText, checkTimestamp, childMap, setIfChanged } from '../schema/write.ts';
import { MAX_PERSON, RECORDS, REGISTRY_SCHEMA } from './schema.ts';

/**
 * The answers a lead gives to the use profile, kept the moment they are given (rule R2 in
 * docs/sync.md): `classification.draft`, one key per answer —
 *
 *   <question>          → true | false             (a yes/no question)
 *   <list>.<value>      → true | false             (one point of Annex III, Art. 5, Art. 6(3))
 *
 * — with `draftBy` / `draftAt` beside it. One key per answer, so two leads ticking different
 * boxes at once both keep theirs, and every lead sees the other's ticks live. The draft lays over
 * the confirmed profile; confirming writes the result as the profile and clears the keys it saw.
 * The `draft` map is made with the record (createRecord) or when a lead opens an older one
 * (ensureRecordLogs): two leads must never each create it.
 */
export const DRAFT = 'draft';

const EMPTY = emptyEuAiActProfile();
const LIST_FIELDS = new Set(PROFILE_FIELDS.filter((field) => Array.isArray(EMPTY[field])));
const BOOLEAN_FIELDS = new Set(PROFILE_FIELDS.filter((field) => typeof EMPTY[field] === 'boolean'));

function classificationMap(record: Y.Map<unknown>): Y.Map<unknown> {
  return childMap(record, 'classification');
}

/** Makes `classification.draft` if missing (inside the caller's transaction). */
export function ensureDraft(record: Y.Map<unknown>): boolean {
  const classification = record.get('classification');
  if (classification instanceof Y.Map && classification.get(DRAFT) instanceof Y.Map) return false;
  childMap(classificationMap(record), DRAFT);
  return true;
}

/** The stored key of one answer: a question, or `list.value`; throws for anything else. */
export function draftKey(question: string, value?: string): string {
  if (value === undefined) {
    if (!BOOLEAN_FIELDS.has(question as keyof EuAiActProfile)) {
      throw new RangeError(`not a yes/no question of the use profile: ${question}`);
    }
    return question;
  }
  if (!LIST_FIELDS.has(question as keyof EuAiActProfile)) {
    throw new RangeError(`not a list of the use profile: ${question}`);
  }
  // Validated against the questionnaire's own values.
  const probe = { ...EMPTY, [question]: [value] };
  try {
    parseEuAiActProfile(probe);
  } catch {
    throw new RangeError(`not an answer to ${question}: ${value}`);
  }
  return `${question}.${value}`;
}

/**
 * Keeps one answer (`value` names a list item; omit it for a yes/no question). Throws, changing
 * nothing, on an unknown question or answer, or an unknown record. Returns whether it wrote.
 */
export function setDraftAnswer(
  doc: Y.Doc,
  recordId: string,
  answer: { question: string; value?: string; on: boolean },
  by: string,
  at: number,
): boolean {
  const key = draftKey(answer.question, answer.value);
  if (typeof answer.on !== 'boolean') throw new TypeError('an answer is true or false');
  checkText('by', by, { min: 1, max: MAX_PERSON });
  checkTimestamp('at', at);
  const record = doc.getMap<unknown>(RECORDS).get(recordId);
  if (!(record instanceof Y.Map)) throw new Error(`no record ${recordId}`);
  let changed = false;
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    const classification = classificationMap(record);
    changed = setIfChanged(childMap(classification, DRAFT), key, answer.on);
    if (changed) {
      setIfChanged(classification, 'draftBy', by);
      setIfChanged(classification, 'draftAt', at);
    }
  });
  return changed;
}

/** Deletes the draft's answers (after they were confirmed as the profile). */
export function clearDraft(classification: Y.Map<unknown>): void {
  const draft = classification.get(DRAFT);
  if (draft instanceof Y.Map) for (const key of [...draft.keys()]) draft.delete(key);
  setIfChanged(classification, 'draftBy', undefined);
  setIfChanged(classification, 'draftAt', undefined);
}

export interface DraftAnswers {
  /** The confirmed profile with the draft's answers laid over it. */
  profile: EuAiActProfile;
  /** Whether any answer differs from the confirmed profile. */
  pending: boolean;
  by?: string;
  at?: number;
}

/** Lays the draft's answers over `base`; unknown keys and non-boolean values are reported. */
export function readDraft(
  classification: Y.Map<unknown>,
  base: EuAiActProfile | undefined,
  path: string,
  problems: string[],
): DraftAnswers {
  const start = base ?? EMPTY;
  const draft = classification.get(DRAFT);
  if (!(draft instanceof Y.Map) || draft.size === 0) return { profile: start, pending: false };
  const next: Record<string, unknown> = { ...start };
  for (const field of LIST_FIELDS) next[field] = [...(start[field] as string[])];
  const at = joinPath(path, DRAFT);
  for (const [key, value] of draft.entries()) {
    if (typeof value !== 'boolean') {
      addProblem(problems, `${joinPath(at, key)}: expected true or false; skipped`);
      continue;
    }
    const dot = key.indexOf('.');
    const field = dot < 0 ? key : key.slice(0, dot);
    if (dot < 0 && BOOLEAN_FIELDS.has(field as keyof EuAiActProfile)) next[field] = value;
    else if (dot > 0 && LIST_FIELDS.has(field as keyof EuAiActProfile)) {
      const item = key.slice(dot + 1);
      const list = (next[field] as string[]).filter((v) => v !== item);
      next[field] = value ? [...list, item] : list;
    } else addProblem(problems, `${joinPath(at, key)}: not a question of the profile; skipped`);
  }
  let profile: EuAiActProfile;
  try {
    profile = parseEuAiActProfile(next);
  } catch (error) {
    if (!(error instanceof ProfileError)) throw error;
    for (const problem of error.problems) addProblem(problems, `${at}: ${problem}`);
    return { profile: start, pending: false };
  }
  const same = (a: unknown, b: unknown) =>
    Array.isArray(a) && Array.isArray(b)
      ? a.length === b.length && a.every((v) => b.includes(v))
      : a === b;
  const pending = PROFILE_FIELDS.some((field) => !same(profile[field], start[field]));
  const result: DraftAnswers = { profile, pending };
  const by = readString(classification, 'draftBy', problems, { path, max: MAX_PERSON });
  if (by !== undefined) result.by = by;
  const when = readTimestamp(classification, 'draftAt', problems, { path });
  if (when !== undefined) result.at = when;
  return result;
}
