import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  AIMS_GAPS,
  findingIdFor,
  readAimsRegister,
  readInterviewList,
} from '../../../../shared/documents/aims/index.ts';
import { readInterview } from '../../../../shared/documents/interview/index.ts';
import { addPerson } from '../../../../shared/documents/registry/index.ts';
import { fakeSync } from '../../test-support/fake-sync.ts';
import { fakeToken } from '../../test-support/fake-token.ts';
import { button, choose, cleanup, click, field, render, type } from '../../test-support/render.tsx';
import { ManagementSystem } from '../ManagementSystem.tsx';
import { InterviewContext } from './interview-context.ts';

const AT = Date.UTC(2026, 11, 7, 12);
const DAY = 86_400_000;
// The legal starting questionnaire's DPIA question (shared/documents/interview/questionnaires.ts:
// EU AI Act Art. 27, ISO/IEC 42001 6.1.4); the answer as a counsel might give it.
const DPIA_QUESTION = /fundamental-rights impact assessment \(Art\. 27\)/;
const ANSWER = 'No DPIA (GDPR Art. 35) has been done for HireRank, which ranks applicants.';

afterEach(cleanup);

const dialog = () => document.body.querySelector<HTMLElement>('[role="dialog"]')!;
const interviews = (view: HTMLElement) => view.querySelector<HTMLElement>('#aims-interviews')!;

/** One device per role; `stored` is what the relay would hand each of them. */
function device(role: 'lead' | 'contributor', registry: Y.Doc, stored: Record<string, Y.Doc>) {
  const credentials = {
    workspace: 'acme',
    role,
    token: fakeToken({ ws: 'acme', role, jti: role === 'lead' ? 'ab12' : 'cd34' }),
  };
  return fakeSync(credentials, { registry }, 'online', stored);
}

async function page(role: 'lead' | 'contributor', registry: Y.Doc, stored: Record<string, Y.Doc>) {
  const sync = device(role, registry, stored);
  const me = role === 'lead' ? 'Ana' : 'Priya Shah';
  return render(
    <InterviewContext.Provider value={sync.openInterview}>
      <ManagementSystem
        registry={registry}
        canEdit={role === 'lead'}
        me={me}
        workspace="acme"
        now={() => AT}
      />
    </InterviewContext.Provider>,
  );
}

async function leave(element: HTMLElement) {
  await act(async () => {
    element.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
  });
}

describe('stakeholder interviews on the management system page (INT1–INT4)', () => {
  it('a lead sends, a contributor answers, the lead raises the answer as a gap-analysis finding', async () => {
    const registry = new Y.Doc();
    addPerson(registry, 'Priya Shah', { from: 'added', by: 'Ana', at: AT - DAY });
    const stored: Record<string, Y.Doc> = {};

    // The lead sends the legal questionnaire, one question edited, one removed.
    let view = await page('lead', registry, stored);
    await click(button(interviews(view), 'Send an interview'));
    await choose(field(dialog(), 'Audience'), 'legal');
    await type(field(dialog(), 'Respondent'), 'Priya Shah');
    await type(field(dialog(), 'Question 4'), 'How do we tell users that they talk to an AI?');
    await click(button(dialog(), 'Remove question 1'));
    await click(button(dialog(), 'Send interview'));
    expect(document.body.querySelector('[role="dialog"]')).toBeNull();
    const [id] = readInterviewList(registry).ids;
    expect(id).toBeDefined();
    const sent = readInterview(stored[id!]!).interview!;
    expect(sent).toMatchObject({ respondent: 'Priya Shah', area: 'legal', sentBy: 'Ana' });
    expect(sent.questions.map((q) => q.requirement)).toEqual(['4.1', '6.1.4', 'A.8.2']);
    expect(sent.questions[2]!.text).toBe('How do we tell users that they talk to an AI?');
    expect(interviews(view).textContent).toContain('0 of 3 answered');
    cleanup();

    // The contributor sees it listed (the registry, read-only for them), cannot send, answers.
    view = await page('contributor', registry, stored);
    expect(() => button(interviews(view), 'Send an interview')).toThrow();
    expect(() => button(interviews(view), 'Raise finding')).toThrow();
    const answer = field(interviews(view), 'Which AI systems affect');
    expect(answer.closest('label')!.textContent).toMatch(DPIA_QUESTION);
    await type(answer, ANSWER);
    await leave(answer);
    expect(interviews(view).textContent).toContain('Saved');
    const answered = readInterview(stored[id!]!).interview!.questions[1]!;
    expect(answered.answer).toEqual({ text: ANSWER, answeredBy: 'Priya Shah', answeredAt: AT });
    expect(() => button(interviews(view), 'Raise finding')).toThrow();
    cleanup();

    // The lead sees the answer and raises it in one step.
    view = await page('lead', registry, stored);
    expect(interviews(view).textContent).toContain(ANSWER);
    expect(interviews(view).textContent).toContain('1 of 3 answered');
    await click(button(interviews(view), 'Raise finding'));
    await choose(field(dialog(), 'Status'), 'not-started');
    await type(field(dialog(), 'Owner'), 'Priya Shah');
    await type(field(dialog(), 'Due date'), '2027-01-31');
    await click(button(dialog(), 'Raise finding'));
    expect(document.body.querySelector('[role="dialog"]')).toBeNull();
    const gap = readAimsRegister(registry, AIMS_GAPS).entries.find(
      (entry) => entry.id === findingIdFor(id!, answered.id),
    );
    expect(gap?.values).toMatchObject({
      status: 'not-started',
      owner: 'Priya Shah',
      requirements: ['6.1.4'],
      dueDate: Date.UTC(2027, 0, 31),
    });
    expect(interviews(view).textContent).toContain('Finding raised');
    expect(() => button(interviews(view), 'Raise finding')).toThrow();

    // The gap analysis row of 6.1.4 shows the answer as its evidence.
    const row = [...view.querySelectorAll('.aims-gap-rows li')].find((li) =>
      li.querySelector('strong')?.textContent?.startsWith('6.1.4 '),
    );
    expect(row?.textContent).toContain('Entered: Stakeholder interview');
    expect(row?.textContent).toContain(ANSWER);
    expect(row?.textContent).toContain('Owner: Priya Shah. Due 2027-01-31.');
    cleanup();

    // The contributor sees the list again, still without a way to raise findings.
    view = await page('contributor', registry, stored);
    expect(() => button(interviews(view), 'Raise finding')).toThrow();
    expect(field(interviews(view), 'Which AI systems affect')).toHaveProperty('value', ANSWER);
  });

  it('keeps an answer typed when the page closes before the field is left (nothing typed is lost)', async () => {
    const registry = new Y.Doc();
    const stored: Record<string, Y.Doc> = {};
    let view = await page('lead', registry, stored);
    await click(button(interviews(view), 'Send an interview'));
    await choose(field(dialog(), 'Audience'), 'data-science');
    await type(field(dialog(), 'Respondent'), 'Lee Chen');
    await click(button(dialog(), 'Send interview'));
    cleanup();

    view = await page('contributor', registry, stored);
    await type(field(interviews(view), 'Where do the training'), 'A vendor dataset, unchecked.');
    cleanup();
    await act(async () => {});
    const [id] = readInterviewList(registry).ids;
    expect(readInterview(stored[id!]!).interview!.questions[0]!.answer?.text).toBe(
      'A vendor dataset, unchecked.',
    );
  });

  it('refuses to send without a respondent, says why, and writes nothing', async () => {
    const registry = new Y.Doc();
    const stored: Record<string, Y.Doc> = {};
    const view = await page('lead', registry, stored);
    await click(button(interviews(view), 'Send an interview'));
    await click(button(dialog(), 'Send interview'));
    expect(dialog().querySelector('[role="alert"]')?.textContent).toMatch(/respondent/);
    expect(readInterviewList(registry).ids).toEqual([]);
    expect(Object.values(stored).every((doc) => !readInterview(doc).interview)).toBe(true);
  });
});
