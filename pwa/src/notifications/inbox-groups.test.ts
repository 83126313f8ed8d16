import { describe, expect, it } from 'vitest';
import { countByKind, groupNotifications } from './inbox-groups.ts';
import { whenText } from './when.ts';
import { hoursFromNow, notification, NOW } from './test-notifications.ts';

describe('the inbox groups (NTF-UI2)', () => {
  const items = [
    notification('old-read', { at: hoursFromNow(-48) }),
    notification('new-1', { at: hoursFromNow(-5) }),
    notification('new-2', { at: hoursFromNow(-1) }),
    notification('due-later', { kind: 'review.due', dueAt: hoursFromNow(72) }),
    notification('due-soon', { kind: 'clock.due', dueAt: hoursFromNow(2) }),
    notification('overdue', { kind: 'review.due', dueAt: hoursFromNow(-3) }),
  ];
  const read = new Set(['old-read', 'due-later']);

  it('puts overdue, then due soon (soonest first), then new (newest first), then read', () => {
    const groups = groupNotifications(items, (id) => read.has(id), NOW);
    expect(groups.map((g) => [g.label, g.items.map((n) => n.id)])).toEqual([
      ['Overdue', ['overdue']],
      ['Due soon', ['due-soon', 'due-later']],
      ['New', ['new-2', 'new-1']],
      ['Earlier', ['old-read']],
    ]);
  });

  it('counts a due time that is exactly now as overdue, and leaves empty groups out', () => {
    const groups = groupNotifications([notification('x', { dueAt: NOW })], () => false, NOW);
    expect(groups.map((g) => g.id)).toEqual(['overdue']);
    expect(groupNotifications([], () => false, NOW)).toEqual([]);
  });

  it('counts a due day (midnight UTC) as due until it ended, as shared/ does; a clock is a moment', () => {
    const today = Date.UTC(2026, 11, 7);
    const yesterday = Date.UTC(2026, 11, 6);
    const items = [
      notification('review-today', { kind: 'review.due', dueAt: today }),
      notification('review-yesterday', { kind: 'review.due', dueAt: yesterday }),
      notification('clock-midnight', { kind: 'clock.due', dueAt: today }),
    ];
    const groups = groupNotifications(items, () => false, NOW);
    expect(groups.map((g) => [g.id, g.items.map((n) => n.id)])).toEqual([
      ['overdue', ['clock-midnight', 'review-yesterday']],
      ['due', ['review-today']],
    ]);
    expect(items.map((n) => whenText(n, NOW))).toEqual([
      'due 2026-12-07 (today)',
      'was due 2026-12-06 (yesterday)',
      'overdue since 2026-12-07 00:00 UTC (9 hours ago)',
    ]);
  });

  it('counts each kind for the filter', () => {
    expect(Object.fromEntries(countByKind(items))).toEqual({
      assigned: 3,
      'review.due': 2,
      'clock.due': 1,
    });
  });
});
