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
import { checkText, checkTimestamp, setIfChanged } from '../schema/write.ts';
import { MAX_PERSON, RECORDS, REGISTRY_SCHEMA } from './schema.ts';

/**
 * The answers a lead gives to the use profile, kept the moment they are given (rule RC2 in
 * docs/sync.md): flat keys of the record itself, one per answer —
 *
 *   draft.<question>          → true | false        (a yes/no question)
 *   draft.<list>.<value>      → true | false        (one point of Annex III, Art. 5, Art. 6(3))
 *   draft.<choice>            → the value, or '' for unanswered (role, Annex I section, …)
 *
 * — with `draftBy` / `draftAt` beside them. One key per answer, so two leads ticking different
 * boxes at once both keep theirs, and every lead sees the other's ticks live. The draft lays over
 * the confirmed profile; confirming writes the result as the profile and deletes the keys it saw.
 * Flat keys need no nested map that two leads could each create (Yjs would keep one), and cost a
 * record nothing until someone answers.
 */
export const DRAFT = 'draft.';

const EMPTY = emptyEuAiActProfile();
const LIST_FIELDS = new Set(PROFILE_FIELDS.filter((field) => Array.isArray(EMPTY[field])));
const BOOLEAN_FIELDS = new Set(PROFILE_FIELDS.filter((field) => typeof EMPTY[field] === 'boolean'));
/** One value out of several, or unanswered (the organisation's role, the Annex I section, …). */
const CHOICE_FIELDS = new Set(
  PROFILE_FIELDS.filter((field) => !LIST_FIELDS.has(field) && !BOOLEAN_FIELDS.has(field)),
);

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
  return writeDraftKey(doc, recordId, key, answer.on, by, at);
}

/**
 * Keeps one choice (`choice` undefined: unanswered). Throws, changing nothing, on a question that
 * is not a choice, a value it does not allow, or an unknown record. Returns whether it wrote.
 */
export function setDraftChoice(
  doc: Y.Doc,
  recordId: string,
  question: string,
  choice: string | undefined,
  by: string,
  at: number,
): boolean {
  if (!CHOICE_FIELDS.has(question as keyof EuAiActProfile)) {
    throw new RangeError(`not a choice of the use profile: ${question}`);
  }
  try {
    if (choice !== undefined) parseEuAiActProfile({ ...EMPTY, [question]: choice });
  } catch {
    throw new RangeError(`not an answer to ${question}: ${String(choice)}`);
  }
  return writeDraftKey(doc, recordId, question, choice ?? '', by, at);
}

/** Writes one validated draft key and, when it changed, who answered and when. */
function writeDraftKey(
  doc: Y.Doc,
  recordId: string,
  key: string,
  value: boolean | string,
  by: string,
  at: number,
): boolean {
  checkText('by', by, { min: 1, max: MAX_PERSON });
  checkTimestamp('at', at);
  const record = doc.getMap<unknown>(RECORDS).get(recordId);
  if (!(record instanceof Y.Map)) throw new Error(`no record ${recordId}`);
  let changed = false;
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    changed = setIfChanged(record, `${DRAFT}${key}`, value);
    if (changed) {
      setIfChanged(record, 'draftBy', by);
      setIfChanged(record, 'draftAt', at);
    }
  });
  return changed;
}

/** Deletes the draft's answers (after they were confirmed as the profile). */
export function clearDraft(record: Y.Map<unknown>): void {
  for (const key of [...record.keys()]) if (key.startsWith(DRAFT)) record.delete(key);
  setIfChanged(record, 'draftBy', undefined);
  setIfChanged(record, 'draftAt', undefined);
}

export interface DraftAnswers {
  /** The confirmed profile with the draft's answers laid over it. */
  profile: EuAiActProfile;
  /** Whether any answer differs from the confirmed profile. */
  pending: boolean;
  by?: string;
  at?: number;
}

/** The record's draft answers, [answer key, value], found in one pass over its keys. */
function draftEntries(record: Y.Map<unknown>): Array<[string, unknown]> {
  const entries: Array<[string, unknown]> = [];
  record.forEach((value, key) => {
    if (key.startsWith(DRAFT)) entries.push([key.slice(DRAFT.length), value]);
  });
  return entries;
}

/** Lays the draft's answers over `base`; unknown keys and non-boolean values are reported. */
export function readDraft(
  record: Y.Map<unknown>,
  base: EuAiActProfile | undefined,
  path: string,
  problems: string[],
): DraftAnswers {
  const start = base ?? EMPTY;
  const draft = draftEntries(record);
  if (draft.length === 0) return { profile: start, pending: false };
  const next: Record<string, unknown> = { ...start };
  for (const field of LIST_FIELDS) next[field] = [...(start[field] as string[])];
  const at = joinPath(path, 'draft');
  for (const [key, value] of draft) {
    if (CHOICE_FIELDS.has(key as keyof EuAiActProfile) && typeof value === 'string') {
      if (value === '') delete next[key];
      else next[key] = value;
      continue;
    }
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
  const by = readString(record, 'draftBy', problems, { path, max: MAX_PERSON });
  if (by !== undefined) result.by = by;
  const when = readTimestamp(record, 'draftAt', problems, { path });
  if (when !== undefined) result.at = when;
  return result;
}
