import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { DeviceValuesProvider, memoryDeviceValues } from '../session/device-values.ts';
import type { Credentials } from '../session/join-link.ts';
import { fakeSync } from '../test-support/fake-sync.ts';
import { button, cleanup, click, render, settle } from '../test-support/render.tsx';
import { createNotificationFeed, SETTLE_MS } from './notification-feed.ts';
import { NotificationBell } from './NotificationBell.tsx';
import { NotificationsPage } from './NotificationsPage.tsx';
import {
  hoursFromNow,
  notification,
  NOW,
  putNotifications,
  testSource,
  derivations,
} from './test-notifications.ts';
import { act } from 'react';
import { createRecord } from '../../../shared/documents/registry/index.ts';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const leila: Credentials = {
  workspace: 'acme',
  token: 't',
  role: 'contributor',
  label: 'Leila Moreau',
};
const dana: Credentials = { workspace: 'acme', token: 't', role: 'lead', label: 'Dana Reyes' };

async function shown(credentials: Credentials, items = [notification('a')]) {
  const registry = new Y.Doc();
  putNotifications(registry, items);
  const sync = fakeSync(credentials, { registry });
  const feed = createNotificationFeed(
    { registry },
    { derivations: derivations(testSource), clock: () => NOW },
  );
  const values = memoryDeviceValues();
  const view = await render(
    <DeviceValuesProvider value={values}>
      <NotificationBell sync={sync} credentials={credentials} feed={feed} />
      <NotificationsPage sync={sync} credentials={credentials} feed={feed} />
    </DeviceValuesProvider>,
  );
  const bell = () => view.querySelector('a.notification-bell')?.getAttribute('aria-label');
  const titles = (group?: string) =>
    [...view.querySelectorAll(group ? `section[aria-labelledby="ntf-${group}"] li` : 'li')].map(
      (li) => li.querySelector('.ntf-title')?.textContent,
    );
  return { registry, view, values, bell, titles };
}

describe('the notifications page and the bell', () => {
  it('shows what shared/notifications derives from the registry, live: a record I own', async () => {
    const registry = new Y.Doc();
    const sync = fakeSync(leila, { registry });
    const view = await render(
      <DeviceValuesProvider value={memoryDeviceValues()}>
        <NotificationBell sync={sync} credentials={leila} />
        <NotificationsPage sync={sync} credentials={leila} />
      </DeviceValuesProvider>,
    );
    // Never "nothing concerns you" before the derivations' code has loaded.
    expect(view.textContent).toContain('Reading what concerns you…');
    expect(view.textContent).not.toContain('Nothing concerns you yet.');
    await vi.waitFor(() => expect(view.textContent).toContain('Nothing concerns you yet.'));
    await act(async () => {
      createRecord(
        registry,
        'rec-1',
        { name: 'HireRank', owner: 'Leila Moreau' },
        'Dana Reyes',
        NOW,
      );
      createRecord(registry, 'rec-2', { name: 'Copilot', owner: 'Dana Reyes' }, 'Dana Reyes', NOW);
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS + 20));
    });
    await settle();
    const link = view.querySelector('li a');
    expect(link?.textContent).toBe('HireRank');
    expect(link?.getAttribute('href')).toBe('#/inventory/rec-1');
    expect(view.querySelectorAll('li')).toHaveLength(1);
    expect(view.textContent).toContain('Assigned to you');
    expect(view.querySelector('a.notification-bell')?.getAttribute('aria-label')).toBe(
      'Notifications, 1 unread',
    );
  });

  it('lists only what concerns me, due and overdue first, and the bell counts the unread', async () => {
    const { view, bell, titles } = await shown(leila, [
      notification('mine', { at: hoursFromNow(-2) }),
      notification('other', { recipients: ['dana reyes'] }),
      notification('leads', { recipients: [] }),
      notification('clock', {
        kind: 'clock.due',
        dueAt: hoursFromNow(5),
        subject: {
          type: 'incident',
          id: 'inc-1',
          title: 'Chatbot outage',
          href: '#/incidents/inc-1',
        },
      }),
      notification('late', { kind: 'review.due', dueAt: hoursFromNow(-1) }),
    ]);
    expect(titles()).toEqual([
      'Unread: Record late',
      'Unread: Chatbot outage',
      'Unread: Record mine',
    ]);
    expect([...view.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'Overdue 1',
      'Due soon 1',
      'New 1',
    ]);
    expect(bell()).toBe('Notifications, 3 unread');
    const link = view.querySelector('li a[href="#/incidents/inc-1"]');
    expect(link?.textContent).toBe('Chatbot outage');
    expect(view.textContent).toContain('due 2026-12-07 14:00 UTC (in 5 hours)');
    expect(view.textContent).toContain('overdue since 2026-12-07 08:00 UTC (1 hour ago)');
  });

  it('gives a notification that names nobody to a lead', async () => {
    const { titles, bell } = await shown(dana, [notification('leads', { recipients: [] })]);
    expect(titles()).toEqual(['Unread: Record leads']);
    expect(bell()).toBe('Notifications, 1 unread');
  });

  it('marks one read when its link is opened, and all read at once; the bell follows', async () => {
    const { view, bell, titles, values } = await shown(leila, [
      notification('a', { at: hoursFromNow(-1) }),
      notification('b', { at: hoursFromNow(-2) }),
      notification('c', { at: hoursFromNow(-3) }),
    ]);
    expect(bell()).toBe('Notifications, 3 unread');
    const link = view.querySelector('li a[href="#/inventory/rec-a"]');
    link?.addEventListener('click', (event) => event.preventDefault());
    await click(link);
    expect(bell()).toBe('Notifications, 2 unread');
    expect(titles('read')).toEqual(['Record a']);
    await click(button(view, 'Mark read: Record b'));
    expect(bell()).toBe('Notifications, 1 unread');
    // The card moved to "Earlier"; its button there keeps the keyboard's focus.
    expect(document.activeElement).toBe(button(view, 'Mark unread: Record b'));
    await click(button(view, 'Mark unread: Record b'));
    expect(bell()).toBe('Notifications, 2 unread');
    await click(button(view, 'Mark all read'));
    expect(bell()).toBe('Notifications');
    expect(view.querySelector('.bell-count')).toBeNull();
    expect(titles('new')).toEqual([]);
    expect(button(view, 'Mark all read').disabled).toBe(true);
    const stored = (await values.get('notificationsRead:acme')) as [string, number][];
    expect(stored.map(([id]) => id).sort()).toEqual(['a', 'b', 'c']);
  });

  it('filters by kind', async () => {
    const { view, titles } = await shown(leila, [
      notification('a'),
      notification('m', { kind: 'mentioned' }),
    ]);
    expect(titles()).toHaveLength(2);
    await click(button(view, 'Mentioned 1'));
    expect(titles()).toEqual(['Unread: Record m']);
    expect(button(view, 'Mentioned 1').getAttribute('aria-pressed')).toBe('true');
    await click(button(view, 'All 2'));
    expect(titles()).toHaveLength(2);
  });

  it('updates live when a document changes, without being asked', async () => {
    const { registry, bell, titles } = await shown(leila, []);
    expect(bell()).toBe('Notifications');
    await act(async () => {
      putNotifications(registry, [notification('late-arrival')]);
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS + 20));
    });
    await settle();
    expect(titles()).toEqual(['Unread: Record late-arrival']);
    expect(bell()).toBe('Notifications, 1 unread');
  });

  it('says what will appear when nothing concerns me', async () => {
    const { view, bell } = await shown(leila, [notification('x', { recipients: ['dana reyes'] })]);
    expect(view.textContent).toContain('Nothing concerns you yet.');
    expect(view.textContent).toContain('assigned to you');
    expect(view.querySelectorAll('li')).toHaveLength(0);
    expect(bell()).toBe('Notifications');
  });

  it('says what could not be worked out, and then never claims that nothing concerns me', async () => {
    const sync = fakeSync(leila, {});
    const failing = createNotificationFeed(
      {},
      {
        derivations: derivations(() => {
          throw new Error('registry: schema 9 is newer than this app');
        }),
      },
    );
    const view = await render(<NotificationsPage sync={sync} credentials={leila} feed={failing} />);
    expect(view.querySelector('[role="alert"]')?.textContent).toContain(
      'registry: schema 9 is newer than this app',
    );
    expect(view.textContent).not.toContain('Nothing concerns you yet.');
  });

  it('links only to the app’s own routes', async () => {
    const { view, titles } = await shown(leila, [
      notification('x', {
        subject: { type: 'record', id: 'x', title: 'Evil', href: 'javascript:alert(1)' },
      }),
    ]);
    expect(titles()).toEqual(['Unread: Evil']);
    expect(view.querySelector('li a')).toBeNull();
  });
});
