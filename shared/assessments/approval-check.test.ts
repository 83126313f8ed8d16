import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  META,
  SIGNOFFS,
  VERSIONS,
  appendParagraphs,
  createAssessment,
  readAssessment,
  sectionFragmentName,
  setSectionStatus,
  signOff,
} from '../documents/assessment/index.ts';
import { NEW } from '../documents/assessment/fixture.test-support.ts';
import { APPROVALS, readApprovals, recordApproval } from '../documents/registry/index.ts';
import {
  approvalFor,
  assessmentExport,
  assessmentMarkdown,
  checkApprovals,
  contentSha256,
  missingApprovedVersions,
} from './index.ts';

const AT = Date.UTC(2026, 2, 10);

function signed() {
  const doc = new Y.Doc({ gc: false });
  createAssessment(doc, NEW, 'lead-1', AT);
  for (const id of ['system', 'affected']) setSectionStatus(doc, id, 'done', 'c', AT);
  const version = signOff(doc, {
    signoffId: 's1',
    versionId: 'v1',
    by: 'lead-1',
    role: 'lead',
    at: AT + 1,
  });
  const registry = new Y.Doc();
  recordApproval(registry, approvalFor('a1', version, readAssessment(doc)));
  return { doc, registry };
}

describe('approvals confirmed in the registry', () => {
  it('hashes content with SHA-256', () => {
    expect(contentSha256(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('confirm a lead’s sign-off', () => {
    const { doc, registry } = signed();
    const approvals = readApprovals(registry).approvals.get('a1')!;
    expect(approvals.map((a) => [a.versionId, a.by, a.role])).toEqual([['v1', 'lead-1', 'lead']]);
    expect(checkApprovals(readAssessment(doc), approvals).get('v1')).toBe('approved');
    const md = assessmentMarkdown(assessmentExport(doc, { versionId: 'v1' }, { approvals }));
    expect(md).toContain('| Version | Version 1 (approved) |');
  });

  it('expose a version a contributor forged in the assessment document', () => {
    const { doc, registry } = signed();
    // A contributor can write the document: it writes a "lead" version of its own text.
    appendParagraphs(doc.getXmlFragment(sectionFragmentName('system')), ['Forged approval']);
    const forged = new Y.Map<unknown>();
    doc.getMap(VERSIONS).set('v2', forged);
    const real = readAssessment(doc).versions[0]!;
    for (const [key, value] of Object.entries({ ...real, id: undefined, number: 2, name: 'V2' })) {
      if (value !== undefined) forged.set(key, value);
    }
    const approvals = readApprovals(registry).approvals.get('a1')!;
    expect(checkApprovals(readAssessment(doc), approvals).get('v2')).toBe('unconfirmed');
    const e = assessmentExport(doc, { versionId: 'v2' }, { approvals });
    expect(e.approved).toBe(false);
    expect(assessmentMarkdown(e)).toContain('sign-off not confirmed by a lead');
  });

  it('expose content changed after sign-off', () => {
    const { doc, registry } = signed();
    const entry = doc.getMap<Y.Map<unknown>>(VERSIONS).get('v1')!;
    const other = new Y.Doc();
    appendParagraphs(other.getXmlFragment(sectionFragmentName('system')), ['Rewritten']);
    entry.set('content', Y.encodeStateAsUpdate(other));
    const approvals = readApprovals(registry).approvals.get('a1')!;
    expect(checkApprovals(readAssessment(doc), approvals).get('v1')).toBe('altered');
  });

  // Issue 14, finding 4: what a contributor did to an approved assessment, each on its own.
  const tamperings: Array<[string, (doc: Y.Doc) => void]> = [
    [
      'changes who signed it off',
      (doc) => doc.getMap<Y.Map<unknown>>(SIGNOFFS).get('s1')!.set('by', 'board-chair'),
    ],
    [
      'renames the version',
      (doc) => {
        const v1 = doc.getMap<Y.Map<unknown>>(VERSIONS).get('v1')!;
        v1.set('name', 'Final (board approved)');
      },
    ],
    [
      'retitles a section in the version',
      (doc) => {
        const v1 = doc.getMap<Y.Map<unknown>>(VERSIONS).get('v1')!;
        const frozen = v1.get('frozen') as { outline: Array<{ title: string }> };
        v1.set('frozen', {
          ...frozen,
          outline: frozen.outline.map((s, i) => (i === 0 ? { ...s, title: 'Retitled' } : s)),
        });
      },
    ],
    [
      'drops a section from the version',
      (doc) => {
        const v1 = doc.getMap<Y.Map<unknown>>(VERSIONS).get('v1')!;
        const frozen = v1.get('frozen') as { outline: unknown[] };
        v1.set('frozen', { ...frozen, outline: frozen.outline.slice(1) });
      },
    ],
    [
      'removes the frozen record so the live one is read',
      (doc) => {
        doc.getMap<Y.Map<unknown>>(VERSIONS).get('v1')!.delete('frozen');
        doc.getMap(META).set('title', 'Something else');
      },
    ],
    [
      'changes the template version',
      (doc) => {
        const v1 = doc.getMap<Y.Map<unknown>>(VERSIONS).get('v1')!;
        v1.set('frozen', { ...(v1.get('frozen') as object), templateVersion: 7 });
      },
    ],
    [
      'changes the reviewers',
      (doc) => {
        const v1 = doc.getMap<Y.Map<unknown>>(VERSIONS).get('v1')!;
        v1.set('frozen', { ...(v1.get('frozen') as object), reviewers: ['A. Nobody'] });
      },
    ],
  ];
  it.each(tamperings)(
    'read "changed after approval" when a contributor %s, in the export too',
    (_what, tamper) => {
      const { doc, registry } = signed();
      const approvals = readApprovals(registry).approvals.get('a1')!;
      expect(checkApprovals(readAssessment(doc), approvals).get('v1')).toBe('approved');
      tamper(doc);
      expect(checkApprovals(readAssessment(doc), approvals).get('v1')).toBe('altered');
      const e = assessmentExport(doc, { versionId: 'v1' }, { approvals });
      expect(e.approved).toBe(false);
      expect(assessmentMarkdown(e)).toContain('changed after approval');
      expect(assessmentMarkdown(e)).not.toContain('(approved)');
    },
  );

  it('keep an approved version as it was when the live document is edited', () => {
    const { doc, registry } = signed();
    // The live document continues as the next draft: its edits are not the version's.
    doc.getMap(META).set('title', 'Renamed draft');
    appendParagraphs(doc.getXmlFragment(sectionFragmentName('system')), ['Next draft']);
    const approvals = readApprovals(registry).approvals.get('a1')!;
    expect(checkApprovals(readAssessment(doc), approvals).get('v1')).toBe('approved');
    const md = assessmentMarkdown(assessmentExport(doc, { versionId: 'v1' }, { approvals }));
    expect(md).toContain('# Impact of HireRank');
    expect(md).not.toContain('Next draft');
  });

  it('name an approved version deleted from the document', () => {
    const { doc, registry } = signed();
    doc.getMap(VERSIONS).delete('v1');
    const approvals = readApprovals(registry).approvals.get('a1')!;
    expect(missingApprovedVersions(readAssessment(doc), approvals).map((a) => a.versionId)).toEqual(
      ['v1'],
    );
  });

  it('refuse a contributor, a bad digest or a second approval of a version, changing nothing', () => {
    const { doc, registry } = signed();
    const read = readAssessment(doc);
    const approval = approvalFor('a1', read.versions[0]!, read);
    const before = Y.encodeStateAsUpdate(registry);
    expect(() => recordApproval(registry, { ...approval, role: 'contributor' as 'lead' })).toThrow(
      /lead or an admin/,
    );
    expect(() => recordApproval(registry, { ...approval, contentSha256: 'abc' })).toThrow(
      /contentSha256/,
    );
    expect(() => recordApproval(registry, approval)).toThrow(/already approved/);
    expect(Y.encodeStateAsUpdate(registry)).toEqual(before);
  });

  it('read hostile approvals without trusting them', () => {
    const registry = new Y.Doc();
    const approvals = registry.getMap<unknown>(APPROVALS);
    approvals.set('a1', 'text');
    const versions = new Y.Map<unknown>();
    approvals.set('a2', versions);
    const entry = new Y.Map<unknown>();
    versions.set('v1', entry);
    entry.set('role', 'contributor');
    const read = readApprovals(registry);
    expect(read.approvals.get('a2')).toEqual([]);
    expect(read.problems.join('\n')).toMatch(/approvals.a1: expected a map/);
    expect(read.problems.join('\n')).toMatch(/approvals.a2.v1: unreadable approval/);
  });
});
