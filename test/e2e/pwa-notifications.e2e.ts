import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createRecord, saveIncident } from '../../shared/documents/registry/index.ts';
import { HOUR, incidentFields } from '../../shared/incidents/fixture.test-support.ts';
import { hasChromium } from './harness/browser.ts';
import { cuttableContext } from './harness/cuttable-context.ts';
import { horizontalOverflow, unreachableControls } from './harness/layout-probe.ts';
import { seriousViolations, usePwaWorkspace, watchPage } from './harness/pwa-workspace.ts';
import { screenshotPath } from './harness/screenshots.ts';

const bell = (page: Page) => page.locator('a.notification-bell').getAttribute('aria-label');
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).first().textContent();
const status = (page: Page) => page.getByRole('status', { name: 'connection' }).textContent();

/**
 * Issue 18, "nobody is ever told anything": a lead makes a person the owner of a record on her
 * desktop; that person's phone (390 × 844, dark) shows it under the bell and on the notifications
 * page, live, through a real relay; opening it takes her to the record and the bell's count
 * drops; taken offline and reloaded, the page still lists it, read.
 */
describe.skipIf(!hasChromium())('notifications (end to end)', () => {
  const ws = usePwaWorkspace();

  it('tells the person a lead assigned, on her phone, and forgets the count once she opened it', async () => {
    const registry = ws.client('acme/registry', '--role', 'lead');
    createRecord(
      registry.doc,
      'rec-1',
      { name: 'HireRank', vendor: 'Rank Ltd' },
      'seed',
      Date.now(),
    );
    // A serious incident with a personal data breach, detected an hour ago: its legal clocks run,
    // and a clock concerns every lead, not a contributor (NTF5, NTF-UI1).
    const detectedAt = Date.now() - HOUR;
    saveIncident(
      registry.doc,
      'inc-1',
      incidentFields({ systemId: 'rec-1', serious: ['a'], personalDataBreach: true, detectedAt }),
      'seed',
      detectedAt,
    );
    await registry.acknowledged();

    // Leila, a contributor, on her phone in the dark.
    const phone = await cuttableContext(ws.browser());
    const leila = await phone.context.newPage();
    const problems = watchPage(leila, { errors: true, csp: true });
    await leila.setViewportSize({ width: 390, height: 844 });
    await leila.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    const token = ws.token('--role', 'contributor', '--label', 'Leila Moreau');
    await leila.goto(`${ws.relay().url}/#/join?workspace=acme&token=${token}`);
    await expect.poll(() => status(leila), { timeout: 15_000 }).toBe('online');
    await expect.poll(() => bell(leila)).toBe('Notifications');

    // Dana, a lead, on her desktop, makes Leila the record's business owner.
    const desk = await ws.browser().newContext({
      viewport: { width: 1440, height: 900 },
      colorScheme: 'light',
    });
    const dana = await desk.newPage();
    await ws.joinAsLead(dana, '--label', 'Dana Reyes');
    // Her own bell counts the incident's running clocks; her desktop lists them, soonest first.
    await expect.poll(() => bell(dana), { timeout: 15_000 }).toMatch(/^Notifications, \d+ unread$/);
    await dana.goto(`${ws.relay().url}/#/notifications`);
    await expect.poll(() => heading(dana), { timeout: 10_000 }).toBe('Notifications');
    await expect
      .poll(() => dana.locator('#ntf-due, #ntf-overdue').first().textContent())
      .toMatch(/^(Due soon|Overdue) \d+$/);
    expect(await dana.getByText('Clock running').count()).toBeGreaterThan(0);
    expect(await horizontalOverflow(dana)).toBe(0);
    expect(await unreachableControls(dana)).toEqual([]);
    expect(await seriousViolations(dana)).toEqual([]);
    await dana.screenshot({ path: screenshotPath('pwa-notifications-desktop-light') });
    await dana.goto(`${ws.relay().url}/#/inventory/rec-1`);
    await expect.poll(() => heading(dana), { timeout: 10_000 }).toBe('HireRank');
    await dana.getByLabel('Business owner', { exact: true }).fill('Leila Moreau');
    await dana.getByLabel('Business owner', { exact: true }).press('Enter');

    // Leila's bell counts it without a reload (the clocks are the leads'); the page lists it as new.
    await expect.poll(() => bell(leila), { timeout: 15_000 }).toBe('Notifications, 1 unread');
    await leila.locator('a.notification-bell').click();
    await expect.poll(() => leila.url()).toMatch(/#\/notifications$/);
    await expect.poll(() => heading(leila)).toBe('Notifications');
    const link = leila.getByRole('link', { name: 'HireRank', exact: true });
    await expect.poll(() => link.count()).toBe(1);
    const card = leila.locator('li.ntf-card', { has: link });
    expect(await card.getAttribute('data-unread')).toBe('true');
    expect(await leila.locator('li.ntf-card').count()).toBe(1);
    expect(await card.textContent()).toContain('Assigned to you');
    expect(await horizontalOverflow(leila)).toBe(0);
    expect(await unreachableControls(leila)).toEqual([]);
    expect(await seriousViolations(leila)).toEqual([]);
    await leila.screenshot({ path: screenshotPath('pwa-notifications-phone-dark') });

    // Opening it goes to the record and the count drops, on this device.
    await link.click();
    await expect.poll(() => leila.url()).toMatch(/#\/inventory\/rec-1$/);
    await expect.poll(() => heading(leila), { timeout: 10_000 }).toBe('HireRank');
    await expect.poll(() => bell(leila)).toBe('Notifications');

    // Offline and reloaded, the page still lists it, read (the marks and documents are local).
    await leila.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await phone.setOffline(true);
    await leila.goto(`${ws.relay().url}/#/notifications`);
    await leila.reload();
    await expect.poll(() => status(leila), { timeout: 15_000 }).toBe('offline');
    await expect.poll(() => heading(leila), { timeout: 10_000 }).toBe('Notifications');
    await expect.poll(() => link.count()).toBe(1);
    expect(await card.getAttribute('data-unread')).toBeNull();
    expect(await bell(leila)).toBe('Notifications');
    expect(
      problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|WebSocket/.test(p)),
    ).toEqual([]);
  }, 120_000);
});
