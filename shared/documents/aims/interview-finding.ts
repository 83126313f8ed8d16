import type * as Y from 'yjs';
import type { Interview } from '../interview/interview.ts';
import { approvedContentSha256 } from './ai-policy.ts';
import { CHECKLIST_ITEMS } from './audit-checklist.ts';
import { readAimsRegister, saveAimsEntry } from './entries.ts';
import type { EntryValues } from './fields.ts';
import { AIMS_GAPS, type GAP_STATUSES } from './gap-registers.ts';

/** What the lead decides when an answer becomes a finding (the rest comes from the interview). */
export interface AnswerFinding {
  status: (typeof GAP_STATUSES)[number];
  /** Defaults to the respondent and the question. */
  title?: string;
  owner?: string;
  dueDate?: number;
}

/**
 * INT3: the gap entry an interview's answer becomes has an id derived from the interview and the
 * question, so two leads turning the same answer into a finding write one entry.
 */
export function findingIdFor(interviewId: string, questionId: string): string {
  return `int-${approvedContentSha256([interviewId, questionId]).slice(0, 24)}`;
}

const day = (time: number) => new Date(time).toISOString().slice(0, 10);
const KNOWN = new Set(CHECKLIST_ITEMS.map((item) => item.ref));

/**
 * INT3: a lead turns one answer of a stakeholder interview into a gap-analysis entry, in one
 * step: the requirement the question is tied to, the question and answer quoted as evidence with
 * who answered and when, and the status the lead decides. Throws, changing nothing, for an
 * unanswered question or an answer already turned into a finding. Returns the entry's id.
 */
export function gapFromAnswer(
  registry: Y.Doc,
  interviewId: string,
  interview: Interview,
  questionId: string,
  finding: AnswerFinding,
  by: string,
  at: number,
): string {
  const question = interview.questions.find((q) => q.id === questionId);
  if (!question) throw new RangeError('this interview has no such question');
  if (!question.answer) throw new Error('this question has not been answered yet');
  const id = findingIdFor(interviewId, questionId);
  if (readAimsRegister(registry, AIMS_GAPS).entries.some((entry) => entry.id === id)) {
    throw new Error('this answer is already a finding of the gap analysis');
  }
  const { answer } = question;
  const evidence =
    `Stakeholder interview “${interview.title}” (interview ${interviewId}) with ` +
    `${interview.respondent} (${interview.area}), answered by ${answer.answeredBy} on ` +
    `${day(answer.answeredAt)}. Q: ${question.text} A: ${answer.text}`;
  const values: EntryValues = {
    title: (finding.title?.trim() || `${interview.respondent}: ${question.text}`).slice(0, 200),
    status: finding.status,
    evidence: evidence.slice(0, 4000),
    ...(KNOWN.has(question.requirement) ? { requirements: [question.requirement] } : {}),
    ...(finding.owner?.trim() ? { owner: finding.owner.trim() } : {}),
    ...(finding.dueDate !== undefined ? { dueDate: finding.dueDate } : {}),
  };
  saveAimsEntry(registry, AIMS_GAPS, id, values, by, at);
  return id;
}
