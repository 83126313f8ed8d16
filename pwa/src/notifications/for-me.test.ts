import { describe, expect, it } from 'vitest';
import { concernsMe, meOf, myNotifications } from './for-me.ts';
import { notification } from './test-notifications.ts';

describe('what concerns me (NTF-UI1)', () => {
  const leila = meOf('Leila  Moreau', 'contributor');
  const lead = meOf('Dana Reyes', 'lead');

  it('is what names me among its recipients, compared as the directory folds names', () => {
    expect(concernsMe(notification('a', { recipients: ['leila moreau'] }), leila)).toBe(true);
    expect(concernsMe(notification('b', { recipients: ['Leila Moreau '] }), leila)).toBe(true);
    expect(concernsMe(notification('c', { recipients: ['dana reyes'] }), leila)).toBe(false);
  });

  it('gives what names nobody to every lead and admin, not to a contributor', () => {
    const unowned = notification('d', { recipients: [] });
    expect(concernsMe(unowned, lead)).toBe(true);
    expect(concernsMe(unowned, meOf('Sam', 'admin'))).toBe(true);
    expect(concernsMe(unowned, leila)).toBe(false);
  });

  it('keeps each id once when two sources name the same fact', () => {
    const mine = myNotifications(
      [notification('a'), notification('a', { summary: 'again' }), notification('b')],
      leila,
    );
    expect(mine.map((n) => [n.id, n.summary])).toEqual([
      ['a', 'Dana Reyes made you the owner of Record a.'],
      ['b', 'Dana Reyes made you the owner of Record b.'],
    ]);
  });
});
