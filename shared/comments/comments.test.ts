import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ASSESSMENT_SCHEMA, createAssessment } from '../documents/assessment/index.ts';
import { NEW } from '../documents/assessment/fixture.test-support.ts';
import { REGISTRY_SCHEMA } from '../documents/registry/schema.ts';
import { META, SCHEMA_VERSION_KEY } from '../documents/schema/version.ts';
import {
  COMMENTS,
  CommentRefused,
  editComment,
  readComments,
  recordAccepted,
  reopenThread,
  reply,
  resolveThread,
  startThread,
  threadsAbout,
  withdrawComment,
  type Actor,
  type CommentHost,
} from './index.ts';

const AT = Date.UTC(2026, 11, 7, 9);
// Fictional people, in the directory's folded keys (shared/documents/registry/people.ts).
const DANA: Actor = { name: 'Dana Okafor', role: 'lead' };
const LEO: Actor = { name: 'Leo Brandt', role: 'lead' };
const PRIYA: Actor = { name: 'Priya Natarajan', role: 'contributor' };
const SECTION = { type: 'section', id: 'system' } as const;

function assessment(): CommentHost {
  const doc = new Y.Doc({ gc: false });
  createAssessment(doc, NEW, DANA.name, AT - 1000);
  return { doc, schema: ASSESSMENT_SCHEMA };
}

function copyOf(host: CommentHost): CommentHost {
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(host.doc));
  return { doc, schema: host.schema };
}

function exchange(a: Y.Doc, b: Y.Doc) {
  const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, fromA);
  Y.applyUpdate(a, fromB);
}

function thread(host: CommentHost, id = 't1', by: Actor = DANA) {
  startThread(
    host,
    { id, subject: SECTION, body: 'Is @Leo Brandt sure of the purpose?', mentions: ['leo brandt'] },
    by,
    AT,
  );
}

describe('comments (CMT1–CMT6)', () => {
  it('CMT1: threads and replies written on two devices at once all stay', () => {
    const a = assessment();
    thread(a);
    const b = copyOf(a);
    reply(a, { id: 'r-a', thread: 't1', body: 'Yes, see the vendor facts.' }, LEO, AT + 2);
    reply(b, { id: 'r-b', thread: 't1', body: 'Check with HR.' }, PRIYA, AT + 1);
    startThread(
      b,
      { id: 't2', subject: { type: 'section', id: 'affected' }, body: 'Candidates?' },
      PRIYA,
      AT + 3,
    );
    resolveThread(b, 't1', DANA, AT + 4);
    exchange(a.doc, b.doc);
    const onA = readComments(a.doc);
    expect(onA).toEqual(readComments(b.doc));
    expect(onA.problems).toEqual([]);
    expect(onA.threads.map((t) => t.id)).toEqual(['t1', 't2']);
    const [first] = onA.threads;
    expect(first!.comments.map((c) => c.id)).toEqual(['t1', 'r-b', 'r-a']);
    expect(first!.resolved).toEqual({ by: DANA.name, at: AT + 4 });
    expect(threadsAbout(onA, SECTION).map((t) => t.id)).toEqual(['t1']);
  });

  it('CMT4: a resolve and a reopen at once are both in the log; the thread is never removed', () => {
    const a = assessment();
    thread(a);
    resolveThread(a, 't1', DANA, AT + 1);
    const b = copyOf(a);
    reopenThread(a, 't1', LEO, AT + 2);
    resolveThread(b, 't1', DANA, AT + 3); // already resolved on b: nothing to write
    reopenThread(b, 't1', DANA, AT + 3);
    exchange(a.doc, b.doc);
    const [read] = readComments(a.doc).threads;
    expect(read!.resolved).toBeUndefined();
    expect(read!.log.map((entry) => entry.action).sort()).toEqual([
      'reopened',
      'reopened',
      'resolved',
    ]);
  });

  it('CMT2: a reply to an unknown or withdrawn thread is refused and changes nothing', () => {
    const host = assessment();
    thread(host);
    withdrawComment(host, 't1', DANA, AT + 1);
    const before = Y.encodeStateAsUpdate(host.doc);
    expect(() => reply(host, { id: 'r1', thread: 'nope', body: 'Hello' }, LEO, AT + 2)).toThrow(
      CommentRefused,
    );
    expect(() => reply(host, { id: 'r1', thread: 't1', body: 'Hello' }, LEO, AT + 2)).toThrow(
      /withdrawn/,
    );
    expect(() => reply(host, { id: 'r1', thread: '../x', body: 'Hello' }, LEO, AT + 2)).toThrow(
      CommentRefused,
    );
    expect(Y.encodeStateAsUpdate(host.doc)).toEqual(before);
  });

  it('bad input gets a clear error and changes nothing', () => {
    const host = assessment();
    thread(host);
    const before = Y.encodeStateAsUpdate(host.doc);
    const attempts: Array<[() => unknown, RegExp]> = [
      [() => startThread(host, { id: 't2', subject: SECTION, body: '   ' }, DANA, AT), /some text/],
      [
        () => startThread(host, { id: 't2', subject: SECTION, body: 'x'.repeat(4001) }, DANA, AT),
        /1–4000/,
      ],
      [
        () => startThread(host, { id: 't1', subject: SECTION, body: 'again' }, DANA, AT),
        /already exists/,
      ],
      [() => startThread(host, { id: 'a b', subject: SECTION, body: 'x' }, DANA, AT), /comment id/],
      [
        () =>
          startThread(
            host,
            { id: 't2', subject: { type: 'page' as 'risk', id: 'x' }, body: 'x' },
            DANA,
            AT,
          ),
        /subject/,
      ],
      [
        () =>
          startThread(
            host,
            { id: 't2', subject: SECTION, body: 'x', mentions: ['Leo Brandt'] },
            DANA,
            AT,
          ),
        /directory key/,
      ],
      [
        () => startThread(host, { id: 't2', subject: SECTION, body: 'x', proposal: 'y' }, DANA, AT),
        /quoted passage/,
      ],
      [
        () =>
          startThread(
            host,
            { id: 't2', subject: SECTION, body: 'x' },
            { name: '', role: 'lead' },
            AT,
          ),
        /by must/,
      ],
      [() => startThread(host, { id: 't2', subject: SECTION, body: 'x' }, DANA, -1), /epoch/],
      [() => editComment(host, 't1', { body: '' }, DANA, AT), /1–4000/],
    ];
    for (const [attempt, message] of attempts) expect(attempt).toThrow(message);
    expect(Y.encodeStateAsUpdate(host.doc)).toEqual(before);
  });

  it('CMT4: only the author edits; the author or a lead withdraws; the entry stays', () => {
    const host = assessment();
    thread(host, 't1', PRIYA);
    reply(host, { id: 'r1', thread: 't1', body: 'Noted.' }, DANA, AT + 1);
    expect(() => editComment(host, 't1', { body: 'Changed' }, DANA, AT + 2)).toThrow(
      /only its author/,
    );
    expect(() => withdrawComment(host, 'r1', PRIYA, AT + 2)).toThrow(/author or a lead/);
    expect(() =>
      resolveThread(host, 't1', { name: 'Sam Ortiz', role: 'contributor' }, AT + 2),
    ).toThrow(/resolves or reopens/);
    expect(editComment(host, 't1', { body: 'Is the purpose right?' }, PRIYA, AT + 2)).toBe(true);
    withdrawComment(host, 't1', LEO, AT + 3);
    const [read] = readComments(host.doc).threads;
    expect(read!.comments[0]).toMatchObject({
      body: '',
      mentions: [],
      deleted: { by: LEO.name },
      editedAt: AT + 2,
    });
    expect(read!.comments[1]!.body).toBe('Noted.');
  });

  it('CMT6: a lead accepts a proposal once; it resolves the thread; a contributor cannot', () => {
    const host = assessment();
    startThread(
      host,
      {
        id: 't1',
        subject: SECTION,
        body: 'Say what it ranks.',
        quote: 'ranking',
        proposal: 'ranking job applicants',
      },
      PRIYA,
      AT,
    );
    expect(() => recordAccepted(host, 't1', PRIYA, AT + 1)).toThrow(/only a lead/);
    recordAccepted(host, 't1', DANA, AT + 1);
    expect(() => recordAccepted(host, 't1', LEO, AT + 2)).toThrow(/already accepted/);
    const [read] = readComments(host.doc).threads;
    expect(read!.accepted).toEqual({ by: DANA.name, at: AT + 1 });
    expect(read!.resolved).toEqual({ by: DANA.name, at: AT + 1 });
    expect(read!.comments[0]!.proposal).toBe('ranking job applicants');
  });

  it('records and risks: comments in the registry, under their own subjects', () => {
    const host = { doc: new Y.Doc(), schema: REGISTRY_SCHEMA };
    startThread(
      host,
      { id: 't1', subject: { type: 'record', id: 'rec-1' }, body: 'Owner?' },
      DANA,
      AT,
    );
    startThread(
      host,
      { id: 't2', subject: { type: 'risk', id: 'risk-1' }, body: 'Likelihood 4?' },
      DANA,
      AT,
    );
    const read = readComments(host.doc);
    expect(threadsAbout(read, { type: 'risk', id: 'risk-1' }).map((t) => t.id)).toEqual(['t2']);
  });

  it('a document from newer code is never written', () => {
    const host = assessment();
    host.doc.getMap(META).set(SCHEMA_VERSION_KEY, 99);
    expect(() => thread(host)).toThrow(/newer/);
    expect(host.doc.getMap(COMMENTS).size).toBe(0);
  });

  it('CMT1: readers never trust the shape', () => {
    const host = assessment();
    thread(host);
    const comments = host.doc.getMap<unknown>(COMMENTS);
    const stray = new Y.Map<unknown>();
    host.doc.transact(() => {
      comments.set('plain', { thread: 'plain', subject: 'section:system' });
      comments.set('bad id!', new Y.Map());
      stray.set('thread', 't1');
      stray.set('subject', 'section:affected'); // a reply claiming another subject
      stray.set('by', 'Mallory');
      stray.set('at', AT);
      stray.set('body', 'misplaced');
      comments.set('r-stray', stray);
    });
    const read = readComments(host.doc);
    expect(read.threads.map((t) => t.comments.map((c) => c.id))).toEqual([['t1']]);
    expect(read.problems).toHaveLength(3);
  });
});
