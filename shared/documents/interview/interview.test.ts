import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CHECKLIST_ITEMS } from '../aims/audit-checklist.ts';
import {
  AIMS_GAPS,
  findingIdFor,
  gapAnalysisRows,
  gapFromAnswer,
  readAimsRegister,
} from '../aims/index.ts';
import {
  ANSWERS,
  answerQuestion,
  INTERVIEW,
  INTERVIEW_AREAS,
  QUESTIONNAIRES,
  QUESTIONS,
  readInterview,
  sendInterview,
} from './index.ts';

const DAY = 86_400_000;
const AT = Date.UTC(2026, 11, 1);

// The data-science questionnaire (questionnaires.ts) as a lead sends it, answered as a data
// scientist at the demo organisation would; A.7.4 is ISO/IEC 42001 Annex A "Quality of data for
// AI systems".
function sent() {
  const doc = new Y.Doc();
  sendInterview(
    doc,
    {
      title: 'Gap analysis: data science',
      respondent: 'Priya Natarajan (fictional)',
      area: 'data-science',
      questions: QUESTIONNAIRES['data-science'],
    },
    'Dana (lead)',
    AT,
  );
  return doc;
}

describe('stakeholder interviews (docs/management-system.md, INT2–INT3)', () => {
  it('each starting questionnaire ties its questions to requirements the gap analysis lists', () => {
    const refs = new Set(CHECKLIST_ITEMS.map((item) => item.ref));
    for (const area of INTERVIEW_AREAS) {
      for (const q of QUESTIONNAIRES[area])
        expect(refs.has(q.requirement), q.requirement).toBe(true);
    }
    expect(QUESTIONNAIRES.legal.length).toBeGreaterThan(0);
    expect(QUESTIONNAIRES.business.length).toBeGreaterThan(0);
  });

  it('INT2: the lead sends it once; the contributor answers its questions, and only those', () => {
    const doc = sent();
    expect(() =>
      sendInterview(
        doc,
        { title: 'Again', respondent: 'X', area: 'legal', questions: [{ text: 'Q?' }] },
        'Dana (lead)',
        AT,
      ),
    ).toThrow(/already sent/);
    answerQuestion(
      doc,
      'q01',
      'Vendor CVs and our ATS exports; checked quarterly',
      'Priya',
      AT + DAY,
    );
    expect(() => answerQuestion(doc, 'q99', 'x', 'Priya', AT)).toThrow(/no such question/);
    const before = Y.encodeStateVector(doc);
    expect(() => answerQuestion(doc, 'q02', '   ', 'Priya', AT)).toThrow(/answer/);
    expect(Y.encodeStateVector(doc)).toEqual(before);

    const { interview, problems } = readInterview(doc);
    expect(problems).toEqual([]);
    expect(interview).toMatchObject({
      title: 'Gap analysis: data science',
      respondent: 'Priya Natarajan (fictional)',
      area: 'data-science',
      sentBy: 'Dana (lead)',
    });
    expect(interview!.questions.map((q) => q.id)).toEqual(['q01', 'q02', 'q03', 'q04']);
    expect(interview!.questions[0]).toMatchObject({
      requirement: 'A.7.4',
      answer: { text: 'Vendor CVs and our ATS exports; checked quarterly', answeredBy: 'Priya' },
    });
    expect(interview!.questions[1]!.answer).toBeUndefined();
  });

  it('refuses bad input, changing nothing', () => {
    const doc = new Y.Doc();
    const draft = { title: 'T', respondent: 'R', area: 'legal' as const, questions: [] };
    expect(() => sendInterview(doc, draft, 'Dana', AT)).toThrow(/1–50 questions/);
    expect(() =>
      sendInterview(doc, { ...draft, questions: [{ text: 'Q', requirement: 'x' }] }, 'Dana', AT),
    ).toThrow(/requirement/);
    expect(() => answerQuestion(doc, 'q01', 'A', 'Priya', AT)).toThrow(/not been sent/);
    expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(new Y.Doc()));
  });

  it('reads the document without trusting it: malformed questions and answers are skipped, said', () => {
    const doc = sent();
    doc.getMap(QUESTIONS).set('q05', { text: 42, order: 5 });
    doc.getMap(ANSWERS).set('q02', { text: 'x'.repeat(5000), answeredBy: 'P', answeredAt: AT });
    const { interview, problems } = readInterview(doc);
    expect(interview!.questions).toHaveLength(4);
    expect(interview!.questions[1]!.answer).toBeUndefined();
    expect(problems).toEqual(
      expect.arrayContaining(['questions.q05: not a question', 'answers.q02: not an answer']),
    );

    const broken = new Y.Doc();
    broken.getMap(INTERVIEW).set('sentAt', 'yesterday');
    expect(readInterview(broken).interview).toBeUndefined();
    expect(readInterview(broken).problems.length).toBeGreaterThan(0);
  });

  it('INT3: the lead turns an answer into a gap-analysis finding in one step, once', () => {
    const doc = sent();
    answerQuestion(
      doc,
      'q01',
      'Training data quality is not checked for the screening model',
      'Priya',
      AT + DAY,
    );
    const interview = readInterview(doc).interview!;
    const registry = new Y.Doc();
    expect(() =>
      gapFromAnswer(registry, 'int-ds', interview, 'q02', { status: 'partial' }, 'Dana', AT),
    ).toThrow(/not been answered/);
    const id = gapFromAnswer(
      registry,
      'int-ds',
      interview,
      'q01',
      { status: 'not-started', owner: 'Priya', dueDate: AT + 30 * DAY },
      'Dana',
      AT + 2 * DAY,
    );
    expect(id).toBe(findingIdFor('int-ds', 'q01'));
    const [entry] = readAimsRegister(registry, AIMS_GAPS).entries;
    expect(entry).toMatchObject({
      id,
      values: { status: 'not-started', requirements: ['A.7.4'], owner: 'Priya' },
    });
    expect(String(entry!.values.evidence)).toMatch(
      /Gap analysis: data science.*Priya Natarajan.*answered by Priya on 2026-12-02.*Q: Where do the training.*A: Training data quality is not checked/,
    );
    // It is the gap analysis's row for that control.
    const row = gapAnalysisRows(registry, AT + 2 * DAY).find((r) => r.ref === 'A.7.4');
    expect(row).toMatchObject({ source: 'entered', status: 'not-started', entryId: id });
    expect(() =>
      gapFromAnswer(registry, 'int-ds', interview, 'q01', { status: 'met' }, 'Carl', AT),
    ).toThrow(/already a finding/);
  });
});
