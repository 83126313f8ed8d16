// The demo's stakeholder interview (docs/management-system.md, "Stakeholder interviews"): the
// legal questionnaire the CISO sends, the legal counsel's answers, and the gap it becomes.
import type * as Y from 'yjs';
import {
  findingIdFor,
  gapFromAnswer,
  listInterview,
  readAimsRegister,
  AIMS_GAPS,
} from '../../shared/documents/aims/index.ts';
import {
  answerQuestion,
  QUESTIONNAIRES,
  readInterview,
  sendInterview,
} from '../../shared/documents/interview/index.ts';
import { DAY_MS, dayOf } from './aims/entry.ts';
import { PEOPLE } from './organisation.ts';

/** The demo's stakeholder interview: the legal questionnaire, sent to the legal counsel. */
export const DEMO_INTERVIEW = 'legal-2026-10';

/**
 * The gap analysis's legal interview (docs/management-system.md, "Stakeholder interviews"):
 * the CISO sends the starting legal questionnaire, the legal counsel answers it. The answers
 * cite the EU AI Act (Regulation (EU) 2024/1689) and GDPR by article. Left alone once sent, so
 * a rerun after a half-finished seed changes nothing.
 */
export function writeDemoInterview(doc: Y.Doc, now: number): void {
  if (readInterview(doc).interview) return;
  sendInterview(
    doc,
    {
      title: 'Gap analysis: legal requirements on our AI use',
      respondent: PEOPLE.legal,
      area: 'legal',
      questions: QUESTIONNAIRES.legal,
    },
    PEOPLE.ciso,
    now - 40 * DAY_MS,
  );
  const answers: [string, string][] = [
    [
      'q01',
      'The EU AI Act (Art. 4 AI literacy since 2 February 2025; Art. 26 deployer duties for the screening pilot), GDPR Art. 22 and 35 for decisions about candidates, and our customer contracts’ clauses on sub-processors.',
    ],
    [
      'q02',
      'We are a deployer of every system in the inventory. Under Art. 25(1) we would become the provider of a high-risk system if we put our name on it or substantially modified it, for example by retraining the screening model.',
    ],
    [
      'q03',
      'The candidate-screening pilot affects applicants’ rights. As a private employer we owe no Art. 27 FRIA for it, but a GDPR Art. 35 DPIA is required and has not been done yet.',
    ],
    [
      'q04',
      'Support reply drafts are reviewed and sent by an agent, who takes editorial responsibility (so Art. 50(4) asks no label); the internal assistant does not yet tell employees that they talk to an AI (Art. 50(1)).',
    ],
  ];
  for (const [question, text] of answers) {
    answerQuestion(doc, question, text, PEOPLE.legal, now - 36 * DAY_MS);
  }
}

/**
 * The interview listed in the registry (INT4), and the lead turns the DPIA answer into a finding
 * of the gap analysis (INT3), once.
 */
export function writeDemoInterviewFindings(registry: Y.Doc, interview: Y.Doc, now: number): void {
  const read = readInterview(interview).interview;
  if (read) listInterview(registry, DEMO_INTERVIEW, read.sentAt);
  const id = findingIdFor(DEMO_INTERVIEW, 'q03');
  if (!read || readAimsRegister(registry, AIMS_GAPS).entries.some((e) => e.id === id)) return;
  gapFromAnswer(
    registry,
    DEMO_INTERVIEW,
    read,
    'q03',
    {
      status: 'partial',
      title: 'No DPIA yet for the candidate-screening pilot',
      owner: PEOPLE.legal,
      dueDate: dayOf(now, -30),
    },
    PEOPLE.ciso,
    now - 35 * DAY_MS,
  );
}
