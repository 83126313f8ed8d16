import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  AIMS_GAPS,
  findingIdFor,
  readAimsRegister,
  readInterviewList,
} from '../../shared/documents/aims/index.ts';
import { readInterview } from '../../shared/documents/interview/index.ts';
import { waitFor } from '../helpers/relay-client.ts';
import { hasChromium } from './harness/browser.ts';
import { horizontalOverflow } from './harness/layout-probe.ts';
import { seriousViolations, usePwaWorkspace, watchPage } from './harness/pwa-workspace.ts';

const TITLE = 'HireRank: legal review';
// The respondent's answer quotes GDPR Art. 22(1), Regulation (EU) 2016/679 (OJ L 119, 4.5.2016).
const ANSWER =
  'HireRank shortlists applicants with no human check. GDPR Art. 22(1): the data subject has “the ' +
  'right not to be subject to a decision based solely on automated processing”. No DPIA on file.';
const PHONE = { viewport: { width: 390, height: 844 }, colorScheme: 'dark' } as const;

/** What is wrong with the page for a phone in the dark: sideways scroll, serious axe findings. */
async function problems(page: Page): Promise<string[]> {
  const found = (await seriousViolations(page)).map((v) => `axe ${v.id}`);
  const overflow = await horizontalOverflow(page);
  if (overflow > 0) found.push(`${overflow}px wider than the screen`);
  return found;
}

async function openInterviews(context: BrowserContext, join: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(join);
  await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(/#\/inbox$/);
  await page.evaluate(() => (window.location.hash = '#/aims/interviews'));
  await expect
    .poll(() => page.getByRole('heading', { name: /Stakeholder interviews/ }).count(), {
      timeout: 15_000,
    })
    .toBe(1);
  return page;
}

describe.skipIf(!hasChromium())('stakeholder interviews on a phone, dark (end to end)', () => {
  const ws = usePwaWorkspace();

  it('a lead sends a questionnaire, a contributor answers it, the lead raises the answer as a gap finding', async () => {
    const registry = ws.client('acme/registry', '--role', 'lead');
    await registry.outcome();
    const joinLink = (...args: string[]) =>
      `${ws.relay().url}/#/join?workspace=acme&token=${ws.token(...args)}`;
    const leadContext = await ws.browser().newContext(PHONE);
    const lead = await openInterviews(leadContext, joinLink('--role', 'lead', '--label', 'Ana'));
    const leadErrors = watchPage(lead, { errors: true, csp: true });

    // The lead sends the legal questionnaire, as it starts, to Lee.
    await lead.getByRole('button', { name: 'Send an interview' }).click();
    const send = lead.getByRole('dialog');
    await send.getByLabel('Title').fill(TITLE);
    await send.getByLabel('Respondent (required)').fill('Lee');
    expect(await problems(lead)).toEqual([]);
    await send.getByRole('button', { name: 'Send interview' }).click();
    await expect.poll(() => send.count()).toBe(0);
    await waitFor(() => readInterviewList(registry.doc).ids.length === 1, 'the interview listed');
    const [id] = readInterviewList(registry.doc).ids;
    const interview = ws.client(`acme/interview/${id}`, '--role', 'lead');
    await waitFor(() => readInterview(interview.doc).interview !== undefined, 'the interview');
    const sent = readInterview(interview.doc).interview!;
    expect(sent).toMatchObject({ title: TITLE, respondent: 'Lee', area: 'legal', sentBy: 'Ana' });
    const first = sent.questions[0]!;

    // Lee, a contributor on another device, answers the first question.
    const contributorContext = await ws.browser().newContext(PHONE);
    const contributor = await openInterviews(
      contributorContext,
      joinLink('--role', 'contributor', '--label', 'Lee'),
    );
    const contributorErrors = watchPage(contributor, { errors: true, csp: true });
    const item = contributor.getByRole('article', { name: TITLE });
    await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(1);
    expect(await contributor.getByRole('button', { name: 'Send an interview' }).count()).toBe(0);
    const field = item.getByRole('textbox', { name: first.text });
    await field.fill(ANSWER);
    await field.blur();
    await expect.poll(() => item.getByRole('status').first().textContent()).toBe('Saved');
    expect(await problems(contributor)).toEqual([]);
    await waitFor(
      () => readInterview(interview.doc).interview?.questions[0]?.answer?.text === ANSWER,
      'the answer at the relay',
    );
    expect(readInterview(interview.doc).interview!.questions[0]!.answer!.answeredBy).toBe('Lee');

    // The lead sees the answer and raises it as a finding of the gap analysis.
    const leadItem = lead.getByRole('article', { name: TITLE });
    await expect
      .poll(() => leadItem.locator('.interview-answer').first().textContent(), { timeout: 15_000 })
      .toBe(ANSWER);
    await leadItem.getByRole('button', { name: 'Raise finding' }).click();
    const finding = lead.getByRole('dialog');
    await finding.getByLabel('Status').selectOption('partial');
    await finding.getByLabel('Owner').fill('Ana');
    await finding.getByLabel('Due date').fill('2027-03-31');
    expect(await problems(lead)).toEqual([]);
    await finding.getByRole('button', { name: 'Raise finding' }).click();
    await expect.poll(() => finding.count()).toBe(0);
    await expect.poll(() => leadItem.getByText('Finding raised').count()).toBe(1);
    expect(await leadItem.getByRole('button', { name: 'Raise finding' }).count()).toBe(0);

    // At the relay: one gap entry for that answer, with the answer as its evidence.
    const findingId = findingIdFor(id!, first.id);
    await waitFor(
      () => readAimsRegister(registry.doc, AIMS_GAPS).entries.some((e) => e.id === findingId),
      'the finding at the relay',
    );
    const gap = readAimsRegister(registry.doc, AIMS_GAPS).entries.find((e) => e.id === findingId)!;
    expect(gap.values).toMatchObject({
      status: 'partial',
      owner: 'Ana',
      dueDate: Date.parse('2027-03-31T00:00:00Z'),
      requirements: [first.requirement],
    });
    expect(String(gap.values.evidence)).toContain(`A: ${ANSWER}`);
    expect(String(gap.values.evidence)).toContain('answered by Lee');
    expect([...leadErrors, ...contributorErrors]).toEqual([]);
    await leadContext.close();
    await contributorContext.close();
  });
});
