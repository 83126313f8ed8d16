import type * as Y from 'yjs';
import { addProblem } from '../schema/problems.ts';
import { isPlainObject } from '../schema/read-core.ts';
import { readEnum, readString, readTimestamp, topMap } from '../schema/read.ts';
import { byCodeUnit, isId } from '../schema/values.ts';
import { ensureWritable } from '../schema/version.ts';
import { checkText, checkTimestamp } from '../schema/write.ts';
import {
  ANSWERS,
  INTERVIEW,
  INTERVIEW_AREAS,
  INTERVIEW_SCHEMA,
  MAX_ANSWER,
  MAX_PERSON,
  MAX_QUESTION,
  MAX_QUESTIONS,
  MAX_TITLE,
  QUESTIONS,
  REQUIREMENT_REF,
  type InterviewArea,
} from './schema.ts';

export interface InterviewQuestion {
  id: string;
  text: string;
  /** The clause or Annex A control its answer is evidence for; '' for none. */
  requirement: string;
  answer?: { text: string; answeredBy: string; answeredAt: number };
}

export interface Interview {
  title: string;
  respondent: string;
  area: InterviewArea;
  sentBy: string;
  sentAt: number;
  /** In the order the lead wrote them. */
  questions: InterviewQuestion[];
}

export interface InterviewRead {
  /** Absent until a lead has sent it (or when what it holds is unusable: see problems). */
  interview?: Interview;
  problems: string[];
}

export interface InterviewDraft {
  title: string;
  respondent: string;
  area: InterviewArea;
  questions: readonly { text: string; requirement?: string }[];
}

function checkDraft(draft: InterviewDraft): void {
  checkText('title', draft.title.trim(), { min: 1, max: MAX_TITLE });
  checkText('respondent', draft.respondent.trim(), { min: 1, max: MAX_PERSON });
  if (!(INTERVIEW_AREAS as readonly string[]).includes(draft.area)) {
    throw new RangeError(`area must be ${INTERVIEW_AREAS.join(', ')}`);
  }
  if (draft.questions.length < 1 || draft.questions.length > MAX_QUESTIONS) {
    throw new RangeError(`an interview has 1–${MAX_QUESTIONS} questions`);
  }
  draft.questions.forEach((q, i) => {
    checkText(`question ${i + 1}`, q.text.trim(), { min: 1, max: MAX_QUESTION });
    const ref = q.requirement ?? '';
    if (ref !== '' && !REQUIREMENT_REF.test(ref)) {
      throw new RangeError(`question ${i + 1}: requirement must be a clause or Annex A control`);
    }
  });
}

/**
 * INT2: a lead sends the questionnaire — once: its questions are then fixed, and the answers
 * refer to them. Throws, changing nothing, on bad input or an interview already sent.
 */
export function sendInterview(doc: Y.Doc, draft: InterviewDraft, by: string, at: number): void {
  checkDraft(draft);
  checkText('by', by, { min: 1, max: MAX_PERSON });
  checkTimestamp('at', at);
  const meta = doc.getMap<unknown>(INTERVIEW);
  if (meta.has('sentAt')) throw new Error('this interview was already sent');
  doc.transact(() => {
    ensureWritable(doc, INTERVIEW_SCHEMA);
    meta.set('title', draft.title.trim());
    meta.set('respondent', draft.respondent.trim());
    meta.set('area', draft.area);
    meta.set('sentBy', by);
    meta.set('sentAt', at);
    const questions = doc.getMap<unknown>(QUESTIONS);
    draft.questions.forEach((q, order) => {
      const id = `q${String(order + 1).padStart(2, '0')}`;
      questions.set(id, { text: q.text.trim(), requirement: q.requirement ?? '', order });
    });
  });
}

/**
 * INT2: the contributor answers a question of a sent interview; answering again replaces the
 * answer. Throws, changing nothing, for a question the interview does not have or a bad answer.
 */
export function answerQuestion(
  doc: Y.Doc,
  questionId: string,
  text: string,
  by: string,
  at: number,
): void {
  checkText('answer', text.trim(), { min: 1, max: MAX_ANSWER });
  checkText('by', by, { min: 1, max: MAX_PERSON });
  checkTimestamp('at', at);
  const { interview } = readInterview(doc);
  if (!interview) throw new Error('this interview has not been sent');
  if (!interview.questions.some((q) => q.id === questionId)) {
    throw new RangeError('this interview has no such question');
  }
  doc.transact(() => {
    ensureWritable(doc, INTERVIEW_SCHEMA);
    doc
      .getMap<unknown>(ANSWERS)
      .set(questionId, { text: text.trim(), answeredBy: by, answeredAt: at });
  });
}

const text = (value: unknown, max: number) =>
  typeof value === 'string' && value.length <= max ? value : undefined;

/** The interview, read without trust: a malformed question or answer is skipped and reported. */
export function readInterview(doc: Y.Doc): InterviewRead {
  const problems: string[] = [];
  const meta = topMap(doc, INTERVIEW, problems);
  if (meta === undefined || !meta.has('sentAt')) return { problems };
  const path = INTERVIEW;
  const opts = { path, required: true };
  const title = readString(meta, 'title', problems, { ...opts, max: MAX_TITLE });
  const respondent = readString(meta, 'respondent', problems, { ...opts, max: MAX_PERSON });
  const area = readEnum(meta, 'area', INTERVIEW_AREAS, problems, opts);
  const sentBy = readString(meta, 'sentBy', problems, { ...opts, max: MAX_PERSON });
  const sentAt = readTimestamp(meta, 'sentAt', problems, opts);
  if (!title || !respondent || !area || !sentBy || sentAt === undefined) return { problems };

  const answers = topMap(doc, ANSWERS, problems);
  const questions: (InterviewQuestion & { order: number })[] = [];
  const map = topMap(doc, QUESTIONS, problems);
  for (const id of [...(map?.keys() ?? [])].sort(byCodeUnit)) {
    const raw = map!.get(id);
    const v = isPlainObject(raw) ? raw : {};
    const question = text(v.text, MAX_QUESTION);
    const requirement = text(v.requirement, 20) ?? '';
    const order = typeof v.order === 'number' && Number.isFinite(v.order) ? v.order : undefined;
    if (!isId(id) || !question || order === undefined) {
      addProblem(problems, `${QUESTIONS}.${id.slice(0, 80)}: not a question`);
      continue;
    }
    const entry: InterviewQuestion & { order: number } = {
      id,
      text: question,
      requirement: REQUIREMENT_REF.test(requirement) ? requirement : '',
      order,
    };
    const a = answers?.get(id);
    if (a !== undefined) {
      const answer = isPlainObject(a) ? text(a.text, MAX_ANSWER) : undefined;
      const answeredBy = isPlainObject(a) ? text(a.answeredBy, MAX_PERSON) : undefined;
      const answeredAt = isPlainObject(a) ? a.answeredAt : undefined;
      if (answer && answeredBy && typeof answeredAt === 'number' && Number.isFinite(answeredAt)) {
        entry.answer = { text: answer, answeredBy, answeredAt };
      } else addProblem(problems, `${ANSWERS}.${id}: not an answer`);
    }
    questions.push(entry);
  }
  questions.sort((a, b) => a.order - b.order || byCodeUnit(a.id, b.id));
  return {
    interview: {
      title,
      respondent,
      area,
      sentBy,
      sentAt,
      questions: questions.map(({ order: _order, ...q }) => q),
    },
    problems,
  };
}
