import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CLOCK_MS, createNotificationFeed, SETTLE_MS } from './notification-feed.ts';
import {
  hoursFromNow,
  notification,
  NOW,
  putNotifications,
  testSource,
  derivations,
} from './test-notifications.ts';

afterEach(() => vi.useRealTimers());

describe('the live notification feed (NTF-UI4)', () => {
  it('derives again after a burst of document changes, once, and tells its listeners', () => {
    vi.useFakeTimers({ now: NOW });
    const registry = new Y.Doc();
    const source = vi.fn(testSource);
    const feed = createNotificationFeed({ registry }, { derivations: derivations(source) });
    const listener = vi.fn();
    feed.subscribe(listener);
    expect(feed.snapshot().all).toEqual([]);
    putNotifications(registry, [notification('a')]);
    putNotifications(registry, [notification('b')]);
    expect(listener).not.toHaveBeenCalled();
    vi.advanceTimersByTime(SETTLE_MS);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(feed.snapshot().all.map((n) => n.id)).toEqual(['a', 'b']);
    expect(feed.snapshot()).toBe(feed.snapshot());
    expect(source).toHaveBeenCalledTimes(2);
  });

  it('knows of changes made while nobody listened', () => {
    const registry = new Y.Doc();
    const feed = createNotificationFeed({ registry }, { derivations: derivations(testSource) });
    expect(feed.snapshot().all).toEqual([]);
    putNotifications(registry, [notification('a')]);
    expect(feed.snapshot().all.map((n) => n.id)).toEqual(['a']);
  });

  it('derives again when the first due time passes, or hourly, while someone listens', () => {
    vi.useFakeTimers({ now: NOW });
    const registry = new Y.Doc();
    putNotifications(registry, [notification('due', { dueAt: hoursFromNow(2) })]);
    const feed = createNotificationFeed({ registry }, { derivations: derivations(testSource) });
    const listener = vi.fn();
    const stop = feed.subscribe(listener);
    expect(feed.snapshot().now).toBe(NOW);
    vi.advanceTimersByTime(CLOCK_MS + 1); // an hour: nothing due yet
    expect(listener).toHaveBeenCalledTimes(1);
    expect(feed.snapshot().now).toBe(NOW + CLOCK_MS + 1);
    vi.advanceTimersByTime(hoursFromNow(2) - Date.now()); // the due time, not an hour later
    expect(listener).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(listener).toHaveBeenCalledTimes(2);
    expect(feed.snapshot().now).toBeGreaterThan(hoursFromNow(2));
    stop();
    vi.advanceTimersByTime(10 * CLOCK_MS);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('shows a source that throws as a problem, beside the other sources’ notifications', () => {
    const feed = createNotificationFeed(
      {},
      {
        derivations: derivations(
          () => {
            throw new Error('registry: schema 9 is newer than this app');
          },
          () => [notification('a')],
        ),
      },
    );
    expect(feed.snapshot().problems).toEqual(['registry: schema 9 is newer than this app']);
    expect(feed.snapshot().all.map((n) => n.id)).toEqual(['a']);
  });
});
