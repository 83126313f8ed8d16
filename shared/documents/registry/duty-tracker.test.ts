import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DUTY_TRACKER, readDutyTracker, saveTrackedDuty } from './duty-tracker.ts';

const AT = Date.UTC(2026, 11, 7, 9);

function sync(from: Y.Doc): Y.Doc {
  const to = new Y.Doc();
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from));
  return to;
}

describe('the deployer-obligations tracker in the registry', () => {
  it('keeps each duty of each system with its status, owner and evidence', () => {
    const doc = new Y.Doc();
    expect(
      saveTrackedDuty(
        doc,
        'rec-1',
        'art-26-1',
        {
          status: 'done',
          owner: 'Dana',
          evidence: 'Instructions v3, kept in the vendor file',
          link: 'https://wiki.example/hirerank/ifu',
          date: '2026-11-30',
        },
        'lead-1',
        AT,
      ),
    ).toBe(true);
    saveTrackedDuty(doc, 'rec-1', 'art-26-6', { status: 'in-progress' }, 'lead-2', AT + 1);
    const read = readDutyTracker(sync(doc));
    expect(read.problems).toEqual([]);
    expect(read.byRecord.get('rec-1')?.get('art-26-1')).toEqual({
      recordId: 'rec-1',
      dutyId: 'art-26-1',
      status: 'done',
      owner: 'Dana',
      evidence: 'Instructions v3, kept in the vendor file',
      link: 'https://wiki.example/hirerank/ifu',
      date: '2026-11-30',
      updatedBy: 'lead-1',
      updatedAt: AT,
    });
    expect(read.byRecord.get('rec-1')?.get('art-26-6')?.status).toBe('in-progress');
    // The same again changes nothing; a field left out is removed.
    expect(saveTrackedDuty(doc, 'rec-1', 'art-26-6', { status: 'in-progress' }, 'x', AT + 2)).toBe(
      false,
    );
    saveTrackedDuty(doc, 'rec-1', 'art-26-1', { status: 'done' }, 'lead-1', AT + 3);
    expect(readDutyTracker(doc).byRecord.get('rec-1')?.get('art-26-1')?.owner).toBeUndefined();
  });

  it('two leads on different duties of one system both win', () => {
    const a = new Y.Doc();
    const b = sync(a);
    saveTrackedDuty(a, 'rec-1', 'art-26-2', { status: 'done', owner: 'Ana' }, 'a', AT);
    saveTrackedDuty(b, 'rec-1', 'art-26-7', { status: 'done', date: '2026-12-01' }, 'b', AT);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect([...readDutyTracker(a).byRecord.get('rec-1')!.keys()]).toEqual(['art-26-2', 'art-26-7']);
  });

  it.each<[string, () => void, RegExp]>([
    [
      'an unknown duty',
      () => saveTrackedDuty(new Y.Doc(), 'rec-1', 'art-99', { status: 'done' }, 'l', AT),
      /not a duty/,
    ],
    [
      'a bad record id',
      () => saveTrackedDuty(new Y.Doc(), 'a/b', 'art-26-1', { status: 'done' }, 'l', AT),
      /not a record id/,
    ],
    [
      'an unknown status',
      () => saveTrackedDuty(new Y.Doc(), 'r', 'art-26-1', { status: 'ok' as never }, 'l', AT),
      /status must be/,
    ],
    [
      'a javascript: link',
      () =>
        saveTrackedDuty(
          new Y.Doc(),
          'r',
          'art-26-9',
          { status: 'done', link: 'javascript:alert(1)' },
          'l',
          AT,
        ),
      /http or https/,
    ],
    [
      'a day that does not exist',
      () =>
        saveTrackedDuty(
          new Y.Doc(),
          'r',
          'art-26-7',
          { status: 'done', date: '2026-02-30' },
          'l',
          AT,
        ),
      /calendar day/,
    ],
    [
      'no author',
      () => saveTrackedDuty(new Y.Doc(), 'r', 'art-26-7', { status: 'done' }, '', AT),
      /by must be/,
    ],
  ])('refuses %s, changing nothing', (_name, save, error) => {
    expect(save).toThrow(error);
  });

  it('reads a hostile document without trusting it: bad entries are skipped and listed', () => {
    const doc = new Y.Doc();
    const top = doc.getMap<unknown>(DUTY_TRACKER);
    top.set('rec-1/art-26-1', 'done');
    top.set('no-slash', new Y.Map());
    top.set('rec-1/art-999', new Y.Map());
    const noStatus = new Y.Map<unknown>();
    top.set('rec-1/art-26-2', noStatus);
    noStatus.set('owner', 'x');
    const badLink = new Y.Map<unknown>();
    top.set('rec-1/art-26-9', badLink);
    badLink.set('status', 'done');
    badLink.set('link', 'javascript:alert(1)');
    badLink.set('updatedBy', 'l');
    badLink.set('updatedAt', AT);
    const read = readDutyTracker(doc);
    expect([...(read.byRecord.get('rec-1')?.keys() ?? [])]).toEqual(['art-26-9']);
    expect(read.byRecord.get('rec-1')?.get('art-26-9')?.link).toBeUndefined();
    expect(read.problems.length).toBeGreaterThanOrEqual(5);
    expect(readDutyTracker(new Y.Doc())).toEqual({ byRecord: new Map(), problems: [] });
  });
});
