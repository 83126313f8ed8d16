import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { NEW } from './fixture.test-support.ts';
import {
  SignOffError,
  appendParagraphs,
  canSignOff,
  compareSections,
  createAssessment,
  currentSections,
  readAssessment,
  sectionFragmentName,
  sectionsFromSnapshot,
  setSectionStatus,
  signOff,
  signOffBlockers,
  versionSections,
} from './index.ts';

const AT = Date.UTC(2026, 2, 10);
const texts = (sections: ReturnType<typeof currentSections>) =>
  Object.fromEntries(sections.map((s) => [s.id, s.blocks.map((b) => b.text)]));

function readyDoc(gc = false): Y.Doc {
  const doc = new Y.Doc({ gc });
  createAssessment(doc, NEW, 'lead-1', AT);
  appendParagraphs(doc.getXmlFragment(sectionFragmentName('affected')), ['Applicants.']);
  for (const id of ['system', 'affected']) setSectionStatus(doc, id, 'done', 'c-1', AT + 1);
  return doc;
}

const input = {
  signoffId: 's1',
  versionId: 'v1',
  by: 'lead-1',
  role: 'lead' as const,
  at: AT + 10,
};

describe('sign-off rules', () => {
  it('refuses a contributor (and a member), whatever the sections', () => {
    const doc = readyDoc();
    const assessment = readAssessment(doc);
    expect(signOffBlockers(assessment, 'contributor')).toEqual([
      'only a lead or an admin can sign off, not a contributor',
    ]);
    expect(canSignOff(assessment, 'member')).toBe(false);
    expect(canSignOff(assessment, 'lead')).toBe(true);
    expect(canSignOff(assessment, 'admin')).toBe(true);
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => signOff(doc, { ...input, role: 'contributor' })).toThrow(SignOffError);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('refuses while a section is not done, naming it', () => {
    const doc = readyDoc();
    setSectionStatus(doc, 'affected', 'in-review', 'c-1', AT + 2);
    expect(signOffBlockers(readAssessment(doc), 'lead')).toEqual([
      'every section must be done first: Who is affected (in-review)',
    ]);
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => signOff(doc, input)).toThrow(/Who is affected/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});

describe('signOff', () => {
  it('records who signed which version when, and starts a new draft', () => {
    const doc = readyDoc();
    const version = signOff(doc, input);
    expect(version).toMatchObject({ id: 'v1', name: 'Version 1', number: 1, by: 'lead-1' });
    const read = readAssessment(doc);
    expect(read.signoffs).toEqual([
      {
        id: 's1',
        by: 'lead-1',
        role: 'lead',
        at: AT + 10,
        versionId: 'v1',
        versionName: 'Version 1',
      },
    ]);
    expect(read.versions.map((v) => [v.id, v.name, v.number])).toEqual([['v1', 'Version 1', 1]]);
    expect([...read.sections.values()].map((s) => s.status)).toEqual(['draft', 'draft']);
    expect(() => signOff(doc, { ...input, signoffId: 's2' })).toThrow(/every section/);
  });

  it('freezes the text: later edits change the draft, never the version', () => {
    const doc = readyDoc();
    const frozen = texts(currentSections(doc, NEW.outline));
    signOff(doc, input);
    const system = doc.getXmlFragment(sectionFragmentName('system'));
    system.delete(0, 1);
    appendParagraphs(system, ['Added after sign-off.']);
    const version = readAssessment(doc).versions[0]!;
    expect(texts(versionSections(version, NEW.outline))).toEqual(frozen);
    expect(texts(currentSections(doc, NEW.outline)).system).toEqual([
      'Intended purpose: ranking',
      'Added after sign-off.',
    ]);
  });

  it('restores the frozen text from the Yjs snapshot of a gc: false document', () => {
    const doc = readyDoc(false);
    const frozen = texts(currentSections(doc, NEW.outline));
    signOff(doc, input);
    doc.getXmlFragment(sectionFragmentName('system')).delete(0, 2);
    const version = readAssessment(doc).versions[0]!;
    expect(texts(sectionsFromSnapshot(doc, version, NEW.outline))).toEqual(frozen);
    // And on a replica that received everything through sync.
    const replica = new Y.Doc({ gc: false });
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
    expect(texts(sectionsFromSnapshot(replica, version, NEW.outline))).toEqual(frozen);
  });

  it('explains that snapshots need gc: false, while the frozen content still reads', () => {
    const doc = readyDoc(true);
    const frozen = texts(currentSections(doc, NEW.outline));
    signOff(doc, input);
    doc.getXmlFragment(sectionFragmentName('system')).delete(0, 2);
    const version = readAssessment(doc).versions[0]!;
    expect(() => sectionsFromSnapshot(doc, version, NEW.outline)).toThrow(/gc: false/);
    expect(texts(versionSections(version, NEW.outline))).toEqual(frozen);
  });

  it('numbers versions and compares them paragraph by paragraph', () => {
    const doc = readyDoc();
    signOff(doc, input);
    const system = doc.getXmlFragment(sectionFragmentName('system'));
    system.delete(0, 1);
    appendParagraphs(system, ['Now also for interns.']);
    for (const id of ['system', 'affected']) setSectionStatus(doc, id, 'done', 'c-1', AT + 20);
    signOff(doc, {
      ...input,
      signoffId: 's2',
      versionId: 'v2',
      versionName: 'Annual review 2026',
      role: 'admin',
      at: AT + 30,
    });
    const [v1, v2] = readAssessment(doc).versions;
    expect([v1?.number, v2?.number, v2?.name]).toEqual([1, 2, 'Annual review 2026']);
    const diff = compareSections(
      versionSections(v1!, NEW.outline),
      versionSections(v2!, NEW.outline),
    );
    expect(diff.map((s) => [s.id, s.changed])).toEqual([
      ['system', true],
      ['affected', false],
    ]);
    expect(diff[0]?.changes.map((c) => [c.kind, c.block.text])).toEqual([
      ['removed', 'System: HireRank.'],
      ['same', 'Intended purpose: ranking'],
      ['added', 'Now also for interns.'],
    ]);
  });

  it('reads damaged version content as empty sections, with a problem', () => {
    const doc = readyDoc();
    const version = signOff(doc, input);
    const problems: string[] = [];
    const sections = versionSections(
      { ...version, content: new Uint8Array([255, 1, 2, 3]) },
      NEW.outline,
      problems,
    );
    expect(sections.every((s) => s.blocks.length === 0)).toBe(true);
    expect(problems[0]).toMatch(/not a Yjs update|no readable content/);
  });
});
