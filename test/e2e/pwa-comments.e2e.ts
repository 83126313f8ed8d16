import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { mentionNotifications, readComments } from '../../shared/comments/index.ts';
import { createRecord } from '../../shared/documents/registry/index.ts';
import { waitFor } from '../helpers/relay-client.ts';
import { hasChromium } from './harness/browser.ts';
import { seriousViolations, usePwaWorkspace, watchPage } from './harness/pwa-workspace.ts';
import { screenshotPath } from './harness/screenshots.ts';

// docs/sync.md CMT1–CMT8: two leads, each with their own invitation (so each is in the people
// directory, RC4), discuss one assessment section over a real relay.
const SECTION = 'The system and its context';

/** The comments button of the first section (its label counts the open threads). */
const commentsButton = (page: Page) =>
  // By class, not role: while a panel is open, the page behind it is hidden from the a11y tree.
  page.locator('.section-tools').first().locator('button.comments-button');
const panel = (page: Page) => page.getByRole('dialog', { name: `Comments on ${SECTION}` });

describe.skipIf(!hasChromium())('comments with an @mention between two leads (end to end)', () => {
  const ws = usePwaWorkspace();

  it('one lead mentions the other on a section; the other sees it live at 390 px dark and resolves it', async () => {
    const registry = ws.client('acme/registry', '--role', 'lead');
    createRecord(registry.doc, 'rec-1', { name: 'HireRank' }, 'admin', Date.now());
    await registry.acknowledged();

    const wide = await ws.browser().newContext({ viewport: { width: 1440, height: 900 } });
    const phone = await ws.browser().newContext({
      viewport: { width: 390, height: 844 },
      colorScheme: 'dark',
      reducedMotion: 'reduce',
    });
    const ana = await wide.newPage();
    const ben = await phone.newPage();
    const anaProblems = watchPage(ana, { errors: true, csp: true });
    const benProblems = watchPage(ben, { errors: true, csp: true });
    await ws.joinAsLead(ana, '--label', 'Ana Lima');
    await ws.joinAsLead(ben, '--label', 'Ben Okafor');

    // Ana starts an assessment of the record; Ben opens it on his phone.
    await ana.goto(`${ws.relay().url}/#/assessments`);
    await ana.getByRole('button', { name: 'New assessment' }).click();
    await ana.getByLabel('System to assess').selectOption('rec-1');
    await ana.getByLabel('AI risk assessment').check();
    await ana.getByRole('button', { name: 'Create assessment' }).click();
    await expect.poll(() => ana.url(), { timeout: 10_000 }).toMatch(/#\/assessments\/[0-9a-f-]+$/);
    const assessmentId = ana.url().split('/').at(-1)!;
    await ben.goto(ana.url());
    await commentsButton(ben).waitFor({ timeout: 15_000 });

    // Ana writes a comment and picks Ben from the directory by keyboard.
    await commentsButton(ana).click();
    const box = panel(ana).getByRole('combobox', { name: 'New comment' });
    await box.click();
    await ana.keyboard.type('Can @Be');
    await expect
      .poll(() => panel(ana).getByRole('option').allTextContents(), { timeout: 15_000 })
      .toEqual(['Ben Okafor']);
    await ana.keyboard.press('Enter');
    await ana.keyboard.type('confirm the intended purpose?');
    await panel(ana).getByRole('button', { name: 'Comment', exact: true }).click();
    await expect.poll(() => commentsButton(ana).textContent()).toContain('1 open');
    await ana.screenshot({ path: screenshotPath('pwa-comments-desktop-light') }); // README

    // Ben sees it arrive without reloading, opens it as a full-screen sheet and resolves it.
    await expect
      .poll(() => commentsButton(ben).textContent(), { timeout: 15_000 })
      .toContain('1 open');
    await commentsButton(ben).click();
    const thread = panel(ben).locator('.comment-thread');
    await expect
      .poll(() => thread.textContent())
      .toContain('Can @Ben Okafor confirm the intended purpose?');
    expect(await thread.textContent()).toContain('Ana Lima');
    await ben.screenshot({ path: screenshotPath('pwa-comments-phone-dark') }); // README
    const sheet = await panel(ben).boundingBox();
    expect(sheet).toMatchObject({ x: 0, width: 390 });
    expect(await ben.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(
      (await seriousViolations(ben)).map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      ),
    ).toEqual([]);
    await panel(ben).getByRole('button', { name: 'Resolve' }).click();
    await expect.poll(() => commentsButton(ben).textContent()).not.toContain('open');

    // Ana's open panel moves the thread under Resolved, kept with who resolved it.
    const resolved = panel(ana).locator('details.comment-resolved');
    await expect
      .poll(() => resolved.locator('summary').textContent(), { timeout: 15_000 })
      .toBe('Resolved (1)');
    await resolved.locator('summary').click();
    expect(await resolved.textContent()).toContain('Resolved by Ben Okafor');

    // At the relay: the mention is Ben's directory key, and it makes Ben's notification.
    const stored = ws.client(`acme/assessment/${assessmentId}`, '--role', 'lead');
    await waitFor(
      () => readComments(stored.doc).threads[0]?.resolved?.by === 'Ben Okafor',
      'the resolved thread at the relay',
    );
    const notes = mentionNotifications(readComments(stored.doc).threads, () => ({
      title: SECTION,
      href: `#/assessments/${assessmentId}`,
    }));
    expect(notes.map((note) => [note.kind, note.recipients])).toEqual([
      ['mentioned', ['ben okafor']],
    ]);
    expect([...anaProblems, ...benProblems]).toEqual([]);
    await wide.close();
    await phone.close();
  });
});
