import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { REGISTRY_SCHEMA } from '../documents/registry/schema.ts';
import { NOTIFICATION_KINDS } from '../notifications/notification.ts';
import {
  mentionNotifications,
  mentionQuery,
  mentionsIn,
  readComments,
  reply,
  startThread,
  withdrawComment,
} from './index.ts';

const AT = Date.UTC(2026, 11, 7, 9);
const PEOPLE = [
  { key: 'ana', name: 'Ana' },
  { key: 'ana lima', name: 'Ana Lima' },
  { key: 'leo brandt', name: 'Leo Brandt' },
];

describe('mentions (CMT5)', () => {
  it('finds the @names still in the text, longest first', () => {
    expect(mentionsIn('Thanks @Ana Lima and @leo brandt.', PEOPLE)).toEqual([
      'ana lima',
      'leo brandt',
    ]);
    expect(mentionsIn('@Ana, @Anathema and email@ana', PEOPLE)).toEqual(['ana']);
    expect(mentionsIn('no one', PEOPLE)).toEqual([]);
  });

  it('knows the @query being typed', () => {
    expect(mentionQuery('Ask @Le', 7)).toEqual({ start: 4, query: 'Le' });
    expect(mentionQuery('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQuery('mail@x', 6)).toBeUndefined();
    expect(mentionQuery('@Leo\nok', 7)).toBeUndefined();
  });

  it("gives one 'mentioned' notification per comment, never to its author nor for a withdrawn one", () => {
    const host = { doc: new Y.Doc(), schema: REGISTRY_SCHEMA };
    const dana = { name: 'Dana Okafor', role: 'lead' as const };
    startThread(
      host,
      {
        id: 't1',
        subject: { type: 'risk', id: 'risk-1' },
        body: '@Leo Brandt @Dana Okafor look',
        mentions: ['leo brandt', 'dana okafor'],
      },
      dana,
      AT,
    );
    reply(host, { id: 'r1', thread: 't1', body: '@Ana see this', mentions: ['ana'] }, dana, AT + 5);
    withdrawComment(host, 'r1', dana, AT + 6);
    reply(host, { id: 'r2', thread: 't1', body: 'no mention' }, dana, AT + 7);
    const { threads } = readComments(host.doc);
    const notes = mentionNotifications(threads, (subject) =>
      subject.type === 'risk' ? { title: 'R-001', href: `#/risks?risk=${subject.id}` } : undefined,
    );
    expect(notes).toEqual([
      {
        id: 'mentioned:t1',
        kind: 'mentioned',
        subject: { type: 'comment', id: 't1', title: 'R-001', href: '#/risks?risk=risk-1' },
        summary: 'Dana Okafor mentioned you on R-001: “@Leo Brandt @Dana Okafor look”',
        at: AT,
        recipients: ['leo brandt'],
      },
    ]);
    expect(NOTIFICATION_KINDS).toContain(notes[0]!.kind);
    expect(mentionNotifications(threads, () => undefined)).toEqual([]);
  });
});
