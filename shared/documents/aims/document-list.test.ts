import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addTopManagement } from './fixture.test-support.ts';
import {
  AIMS_DOCUMENTS,
  AIMS_SCOPE,
  approvePolicyVersion,
  documentRegister,
  isReviewDue,
  readAimsRegister,
  saveAimsEntry,
  savePolicyDraft,
} from './index.ts';

const DAY = 86_400_000;
const AT = Date.UTC(2026, 0, 15);

// Documents an AIMS keeps (ISO/IEC 42001 7.5; the procedures 6.1.2 and 9.2 ask for), with links
// of the kind a document system gives.
const procedure = {
  title: 'AI risk assessment procedure',
  kind: 'procedure',
  version: '1.2',
  owner: 'Ana',
  link: 'https://docs.example.com/aims/risk-procedure',
  status: 'approved',
  approvedBy: 'Carl',
  approvedAt: AT,
  reviewDue: AT + 180 * DAY,
};

describe('documented information (7.5)', () => {
  it('DOC1: an approved document says who approved it and when', () => {
    const doc = new Y.Doc();
    const { approvedBy: _by, ...unsigned } = procedure;
    expect(() => saveAimsEntry(doc, AIMS_DOCUMENTS, 'd-1', unsigned, 'Ana', AT)).toThrow(
      /who approved it/,
    );
    saveAimsEntry(doc, AIMS_DOCUMENTS, 'd-1', { ...unsigned, status: 'draft' }, 'Ana', AT);
    expect(readAimsRegister(doc, AIMS_DOCUMENTS).entries).toHaveLength(1);
  });

  it('lists the policy and scope the product controls beside the register, with reviews due', () => {
    const doc = new Y.Doc();
    addTopManagement(doc, ['Carl'], AT);
    savePolicyDraft(
      doc,
      'v1',
      {
        title: 'AI policy',
        summary: 'Use approved tools only',
        link: 'https://intra.example.com/ai',
      },
      'Ana',
      AT,
    );
    approvePolicyVersion(doc, 'v1', 'Carl', AT);
    saveAimsEntry(doc, AIMS_SCOPE, 'aims', { statement: 'HR and support AI' }, 'Ana', AT);
    saveAimsEntry(doc, AIMS_DOCUMENTS, 'd-1', procedure, 'Ana', AT);
    const rows = documentRegister(doc);
    expect(rows.map((r) => [r.id, r.kind, r.version, r.status, r.controlled])).toEqual([
      ['aimsPolicy', 'policy', '1', 'approved', true],
      ['aimsScope', 'scope', '2026-01-15', 'draft', true],
      ['aimsDocuments/d-1', 'procedure', '1.2', 'approved', false],
    ]);
    // DOC2: due once the due day has ended; the policy is planned for review a year on.
    const due = (now: number) => rows.filter((r) => isReviewDue(r, now)).map((r) => r.id);
    expect(due(AT + 180 * DAY)).toEqual([]);
    expect(due(AT + 181 * DAY)).toEqual(['aimsDocuments/d-1']);
    expect(due(AT + 366 * DAY)).toEqual(['aimsPolicy', 'aimsDocuments/d-1']);
  });
});
