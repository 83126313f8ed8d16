import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { saveSoaEntry } from '../registry/soa.ts';
import { addTopManagement } from './fixture.test-support.ts';
import {
  AIMS_GAPS,
  AIMS_ISSUES,
  approvePolicyVersion,
  gapAnalysisRows,
  gapSummary,
  saveAimsEntry,
  savePolicyDraft,
} from './index.ts';

const AT = Date.UTC(2026, 11, 7);
const row = (doc: Y.Doc, ref: string) => gapAnalysisRows(doc, AT).find((r) => r.ref === ref);

// Requirements by number from ISO/IEC 42001:2023's table of contents and Annex A
// (/work/shared/reference/iso-42001.md); the issue is the EU AI Act's Art. 4 literacy duty.
describe('gap analysis across clauses 4–10 and Annex A', () => {
  it('lists every requirement, not started until the workspace or a lead says otherwise', () => {
    const rows = gapAnalysisRows(new Y.Doc(), AT);
    expect(rows).toHaveLength(27 + 38);
    expect(gapSummary(rows)).toEqual({
      'not-started': 65,
      partial: 0,
      met: 0,
      'not-applicable': 0,
    });
    expect(rows.every((r) => r.source === 'none')).toBe(true);
  });

  it('computes a status where the product holds the evidence, and a lead cannot override it', () => {
    const doc = new Y.Doc();
    addTopManagement(doc, ['Carl'], AT);
    savePolicyDraft(
      doc,
      'v1',
      { title: 'AI policy', summary: 'Approved tools only', link: 'https://intra.example.com/ai' },
      'Ana',
      AT,
    );
    expect(row(doc, '5.2')).toMatchObject({ status: 'partial', source: 'computed' });
    approvePolicyVersion(doc, 'v1', 'Carl', AT);
    expect(row(doc, '5.2')).toMatchObject({
      status: 'met',
      evidence: 'AI policy version 1 approved by Carl',
    });
    saveAimsEntry(
      doc,
      AIMS_ISSUES,
      'i-1',
      { kind: 'external', title: 'AI literacy duty (Art. 4)' },
      'Ana',
      AT,
    );
    // The lead's entry gives an owner and a due date; the computed status stands.
    saveAimsEntry(
      doc,
      AIMS_GAPS,
      'g-1',
      { title: 'Context', requirements: ['4.1'], status: 'not-started', owner: 'Ana', dueDate: AT },
      'Ana',
      AT,
    );
    expect(row(doc, '4.1')).toMatchObject({
      status: 'met',
      source: 'computed',
      owner: 'Ana',
      dueDate: AT,
      entryId: 'g-1',
    });
    saveSoaEntry(
      doc,
      'A.10.4',
      {
        applicable: false,
        justification: 'No customers use our AI',
        implementation: 'not-started',
        evidence: [],
        systems: [],
        risks: [],
      },
      'Ana',
      AT,
    );
    saveSoaEntry(
      doc,
      'A.6.2.6',
      {
        applicable: true,
        implementation: 'partial',
        evidence: ['https://wiki.example.com/monitoring'],
        systems: [],
        risks: [],
      },
      'Ana',
      AT,
    );
    expect(row(doc, 'A.10.4')?.status).toBe('not-applicable');
    expect(row(doc, 'A.6.2.6')).toMatchObject({
      status: 'partial',
      evidence: 'SoA: applicable, partial; 1 evidence link',
    });
  });

  it('GAP1: takes a lead’s status where nothing is computed; a gap entry names one requirement', () => {
    const doc = new Y.Doc();
    expect(() =>
      saveAimsEntry(doc, AIMS_GAPS, 'g-1', { title: 'Resources', status: 'partial' }, 'Ana', AT),
    ).toThrow(/one requirement/);
    saveAimsEntry(
      doc,
      AIMS_GAPS,
      'g-1',
      {
        title: 'Resources',
        requirements: ['7.1'],
        status: 'partial',
        evidence: 'Budget line for 2027 approved',
      },
      'Ana',
      AT,
    );
    expect(row(doc, '7.1')).toMatchObject({
      status: 'partial',
      source: 'entered',
      evidence: 'Budget line for 2027 approved',
    });
  });
});
