import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { assessmentCopyPrefix, clearAssessmentCopies } from './assessment-documents.ts';
import { indexedDbPersistence } from './local-persistence.ts';
import { clearWorkspaceData, openWorkspaceSync, type WorkspaceSync } from './workspace-sync.ts';

const opened: WorkspaceSync[] = [];
afterEach(() => opened.splice(0).forEach((sync) => sync.destroy()));

function open(role: 'lead' | 'contributor' | 'member', workspace = 'acme') {
  const sync = openWorkspaceSync({
    credentials: { workspace, token: 't', role },
    url: 'ws://127.0.0.1:9/sync', // nothing listens there
    persist: indexedDbPersistence,
    online: () => false,
  });
  opened.push(sync);
  return sync;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
const names = async () => (await indexedDB.databases()).map((d) => d.name).sort();

describe('opening assessments on demand', () => {
  it('shares one document between holders and closes it with the last release', async () => {
    const sync = open('lead');
    const first = sync.openAssessment('asm-1');
    const second = sync.openAssessment('asm-1');
    expect(second.doc).toBe(first.doc);
    expect(second.awareness).toBe(first.awareness);
    expect(first.doc.gc).toBe(false);
    expect(first.access).toBe('write');
    await first.ready;
    const destroyed: string[] = [];
    first.doc.on('destroy', () => destroyed.push('doc'));
    first.release();
    first.release(); // a second release of the same hold changes nothing
    expect(destroyed).toEqual([]);
    const third = sync.openAssessment('asm-1');
    expect(third.doc).toBe(first.doc);
    second.release();
    expect(destroyed).toEqual([]);
    third.release();
    expect(destroyed).toEqual(['doc']);
    expect(sync.openAssessment('asm-1').doc).not.toBe(first.doc);
  });

  it('keeps an assessment on this device: it opens offline with what was written', async () => {
    const sync = open('contributor');
    const held = sync.openAssessment('asm-keep');
    await held.ready;
    held.doc.getXmlFragment('section:context').insert(0, [new Y.XmlText('Typed offline')]);
    await settle();
    held.release();
    await settle();

    const again = open('contributor').openAssessment('asm-keep');
    await again.ready;
    expect(again.doc.getXmlFragment('section:context').toString()).toBe('Typed offline');
    again.release();
  });

  it('refuses a member, and a malformed id, before anything is stored', () => {
    expect(() => open('member').openAssessment('asm-1')).toThrow(/member cannot open/);
    expect(() => open('lead').openAssessment('../registry')).toThrow(/invalid assessment id/);
  });

  it('signing out clears the assessment copies of that workspace, and only those', async () => {
    for (const [workspace, id] of [
      ['acme', 'asm-a'],
      ['acme', 'asm-b'],
      ['other', 'asm-c'],
    ] as const) {
      const held = open('lead', workspace).openAssessment(id);
      await held.ready;
      held.doc.getMap('meta').set('title', id);
      await settle();
      held.release();
    }
    opened.splice(0).forEach((sync) => sync.destroy());
    expect(await names()).toEqual(
      expect.arrayContaining([
        `${assessmentCopyPrefix('acme')}asm-a`,
        `${assessmentCopyPrefix('acme')}asm-b`,
        `${assessmentCopyPrefix('other')}asm-c`,
      ]),
    );
    await clearWorkspaceData('acme');
    const left = await names();
    expect(left.filter((n) => n?.startsWith(assessmentCopyPrefix('acme')))).toEqual([]);
    expect(left).toContain(`${assessmentCopyPrefix('other')}asm-c`);
  });

  it('opens a stakeholder interview for a contributor, refuses a member, and clears it on sign-out (INT1)', async () => {
    expect(() => open('member').openInterview('int-1')).toThrow(/member cannot open interview/);
    const held = open('contributor').openInterview('int-1');
    expect(held.access).toBe('write');
    await held.ready;
    held.doc.getMap('answers').set('q01', { text: 'kept on this device' });
    await settle();
    held.release();
    opened.splice(0).forEach((sync) => sync.destroy());
    const prefix = assessmentCopyPrefix('acme', 'interview');
    expect(await names()).toContain(`${prefix}int-1`);
    await clearWorkspaceData('acme');
    expect((await names()).filter((n) => n?.startsWith(prefix))).toEqual([]);
  });

  it('does nothing where IndexedDB cannot list its databases', async () => {
    await expect(clearAssessmentCopies('acme', {} as IDBFactory)).resolves.toBeUndefined();
  });
});
