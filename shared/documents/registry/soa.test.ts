import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { gapAnalysis, unjustifiedInclusions } from '../../assessments/gap-analysis.ts';
import { SOA, isEvidenceUrl, readSoa, saveSoaEntry, type SoaFields } from './index.ts';

const AT = Date.UTC(2026, 2, 1);
const applicable: SoaFields = {
  applicable: true,
  justification: 'We deploy AI systems that affect employees',
  implementation: 'partial',
  owner: 'Dana',
  evidence: ['https://wiki.example/ai-policy'],
  systems: ['rec-1'],
  risks: ['risk-1'],
};

describe('evidence links', () => {
  it('accepts http and https URLs only', () => {
    expect(isEvidenceUrl('https://wiki.example/a?b=c#d')).toBe(true);
    expect(isEvidenceUrl('http://intranet/policy')).toBe(true);
    for (const bad of [
      'javascript:alert(1)',
      'JavaScript://%0aalert(1)',
      'data:text/html,<script>alert(1)</script>',
      'https://exa mple.com',
      'https://',
      'ftp://files.example/x',
      '//evil.example',
      'https://a.example/\nx',
      'https://user@evil.example',
      'https://a.example/<script>',
      'https://a.example/"onmouseover="x',
    ]) {
      expect(isEvidenceUrl(bad), bad).toBe(false);
    }
  });
});

describe('saveSoaEntry', () => {
  it('stores an entry and reads the SoA in Annex A order', () => {
    const doc = new Y.Doc();
    saveSoaEntry(doc, 'A.10.3', applicable, 'lead-1', AT);
    saveSoaEntry(
      doc,
      'A.2.2',
      { ...applicable, evidence: [], implementation: 'implemented' },
      'lead-1',
      AT,
    );
    const soa = readSoa(doc);
    expect(soa.problems).toEqual([]);
    expect([...soa.entries.keys()]).toEqual(['A.2.2', 'A.10.3']);
    expect(soa.entries.get('A.10.3')).toEqual({
      controlId: 'A.10.3',
      ...applicable,
      updatedBy: 'lead-1',
      updatedAt: AT,
    });
  });

  it.each([
    ['an unknown control', 'A.11.1', applicable, /Annex A/],
    [
      'not applicable without a justification',
      'A.2.2',
      { ...applicable, applicable: false, justification: ' ' },
      /justification/,
    ],
    [
      'a javascript: evidence link',
      'A.2.2',
      { ...applicable, evidence: ['javascript:alert(1)'] },
      /evidence/,
    ],
    [
      'an unknown implementation state',
      'A.2.2',
      { ...applicable, implementation: 'done' },
      /implementation/,
    ],
  ])('refuses %s and changes nothing', (_, control, fields, error) => {
    const doc = new Y.Doc();
    saveSoaEntry(doc, 'A.2.3', applicable, 'lead-1', AT);
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => saveSoaEntry(doc, control, fields as SoaFields, 'lead-1', AT)).toThrow(error);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('merges evidence links added at once by two leads', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    saveSoaEntry(a, 'A.6.2.6', applicable, 'lead-1', AT);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    saveSoaEntry(
      a,
      'A.6.2.6',
      { ...applicable, evidence: [...applicable.evidence, 'https://a.example/1'] },
      'lead-1',
      AT + 1,
    );
    saveSoaEntry(
      b,
      'A.6.2.6',
      { ...applicable, evidence: [...applicable.evidence, 'https://b.example/2'] },
      'lead-2',
      AT + 2,
    );
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(readSoa(a).entries.get('A.6.2.6')?.evidence).toEqual([
      'https://a.example/1',
      'https://b.example/2',
      'https://wiki.example/ai-policy',
    ]);
    expect(readSoa(b)).toEqual(readSoa(a));
  });
});

describe('readSoa against hostile shapes', () => {
  it('shows damaged entries as undecided and drops unsafe links, listing why', () => {
    const doc = new Y.Doc();
    saveSoaEntry(doc, 'A.2.2', applicable, 'lead-1', AT);
    const soa = doc.getMap<unknown>(SOA);
    const unjustified = new Y.Map<unknown>();
    soa.set('A.2.3', unjustified);
    unjustified.set('applicable', false);
    unjustified.set('implementation', 'not-started');
    soa.set('A.99', new Y.Map());
    soa.set('A.3.2', 'yes');
    const evidence = (soa.get('A.2.2') as Y.Map<unknown>).get('evidence') as Y.Map<unknown>;
    evidence.set('javascript:alert(1)', true);
    const read = readSoa(doc);
    expect([...read.entries.keys()]).toEqual(['A.2.2']);
    expect(read.entries.get('A.2.2')?.evidence).toEqual(['https://wiki.example/ai-policy']);
    const text = read.problems.join('\n');
    expect(text).toMatch(/A\.2\.3.*without a justification/);
    expect(text).toMatch(/A\.99.*not a valid key/);
    expect(text).toMatch(/A\.3\.2.*expected a map/);
    expect(text).toMatch(/evidence: skipped 1 invalid/);
  });
});

describe('gapAnalysis', () => {
  it('gives readiness per clause group, counting undecided controls as gaps', () => {
    const doc = new Y.Doc();
    // A.2: one implemented, one partial, one not applicable → (1 + 0.5) / 2 = 75 %.
    saveSoaEntry(doc, 'A.2.2', { ...applicable, implementation: 'implemented' }, 'l', AT);
    saveSoaEntry(doc, 'A.2.3', applicable, 'l', AT);
    saveSoaEntry(
      doc,
      'A.2.4',
      { ...applicable, applicable: false, justification: 'No AI policy review yet by design' },
      'l',
      AT,
    );
    // A.3: one implemented, one undecided → 50 %.
    saveSoaEntry(doc, 'A.3.2', { ...applicable, implementation: 'implemented' }, 'l', AT);
    const { groups, overall } = gapAnalysis(readSoa(doc));
    expect(groups.map((g) => g.group)).toEqual([
      'A.2',
      'A.3',
      'A.4',
      'A.5',
      'A.6',
      'A.7',
      'A.8',
      'A.9',
      'A.10',
    ]);
    expect(groups[0]).toMatchObject({
      controls: 3,
      implemented: 1,
      partial: 1,
      notApplicable: 1,
      undecided: 0,
      readiness: 75,
    });
    expect(groups[1]).toMatchObject({ undecided: 1, implemented: 1, readiness: 50 });
    expect(groups[2]).toMatchObject({ undecided: 5, readiness: 0 });
    expect(overall).toMatchObject({ controls: 38, undecided: 34, readiness: 7 });
  });

  it('counts a group whose controls are all not applicable as ready', () => {
    const doc = new Y.Doc();
    for (const id of ['A.10.2', 'A.10.3', 'A.10.4']) {
      saveSoaEntry(
        doc,
        id,
        { ...applicable, applicable: false, justification: 'In-house only' },
        'l',
        AT,
      );
    }
    expect(gapAnalysis(readSoa(doc)).groups[8]).toMatchObject({ notApplicable: 3, readiness: 100 });
  });
});

// Domain review E10: ISO/IEC 42001 6.1.3 asks for a justification of inclusion as well as exclusion.
describe('unjustifiedInclusions', () => {
  it('lists the applicable controls without a justification, in Annex A order', () => {
    const doc = new Y.Doc();
    saveSoaEntry(doc, 'A.3.2', { ...applicable, justification: 'Roles are defined' }, 'l', AT);
    const { justification: _none, ...withoutJustification } = applicable;
    saveSoaEntry(doc, 'A.6.2.4', withoutJustification, 'l', AT);
    saveSoaEntry(doc, 'A.2.2', { ...applicable, justification: '  ' }, 'l', AT);
    saveSoaEntry(
      doc,
      'A.10.2',
      { ...applicable, applicable: false, justification: 'None' },
      'l',
      AT,
    );
    expect(unjustifiedInclusions(readSoa(doc))).toEqual(['A.2.2', 'A.6.2.4']);
  });
});
