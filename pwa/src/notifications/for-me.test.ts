import { describe, expect, it } from 'vitest';
import { meOf, myNotifications } from './for-me.ts';
import { notification } from './test-notifications.ts';

describe('what concerns me (NTF-UI1)', () => {
  const leila = meOf('Leila  Moreau', 'contributor');
  const lead = meOf('Dana Reyes', 'lead');
  const ids = (items: { id: string }[]) => items.map((n) => n.id);

  it('is what names my directory key, the signed-in name folded as the directory folds it', () => {
    const items = [
      notification('mine', { recipients: ['leila moreau'] }),
      notification('shared', { recipients: ['dana reyes', 'leila moreau'] }),
      notification('other', { recipients: ['dana reyes'] }),
    ];
    expect(ids(myNotifications(items, leila))).toEqual(['mine', 'shared']);
  });

  it('gives what names nobody to every lead and admin, not to a contributor', () => {
    const unowned = [notification('d', { recipients: [] })];
    expect(ids(myNotifications(unowned, lead))).toEqual(['d']);
    expect(ids(myNotifications(unowned, meOf('Sam', 'admin')))).toEqual(['d']);
    expect(myNotifications(unowned, leila)).toEqual([]);
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
