import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRecord } from '../registry/records.ts';
import { addTopManagement } from './fixture.test-support.ts';
import {
  AIMS_AUDITS,
  AIMS_FINDINGS,
  AIMS_NONCONFORMITIES,
  AIMS_ROLES,
  auditChecklist,
  CHECKLIST_ITEMS,
  deleteAimsEntry,
  readAimsRegister,
  saveAimsEntry,
  type EntryValues,
} from './index.ts';

const AT = Date.UTC(2026, 10, 20);

// An audit as ISO 19011:2018 (guidelines for auditing management systems, 5.4) describes one:
// scope, criteria, an auditor who is independent of the activity audited. The area and systems
// are the demo organisation's: an HR team using a CV-screening tool, a high-risk use under the EU
// AI Act Annex III point 4(a) (/work/shared/reference/eu-ai-act.md).
const hrAudit: EntryValues = {
  title: 'HR use of AI, Q4 2026',
  requirements: ['5.2', '7.2', 'A.9.2'],
  systemIds: ['rec-cv'],
  areaRoleIds: ['role-hr'],
  criteria: 'ISO/IEC 42001 clauses 5.2 and 7.2, control A.9.2; the AI policy v2',
  auditor: 'Omar Haddad',
  plannedAt: Date.UTC(2026, 10, 24),
  status: 'planned',
};

function workspace() {
  const doc = new Y.Doc();
  saveAimsEntry(
    doc,
    AIMS_ROLES,
    'role-hr',
    { title: 'HR business partners', kind: 'role', responsibilities: 'Hiring', people: ['Ines'] },
    'Ana',
    AT,
  );
  createRecord(doc, 'rec-cv', { name: 'CV screener', owner: 'Pia Lund' }, 'Ana', AT);
  saveAimsEntry(doc, AIMS_AUDITS, 'aud-1', hrAudit, 'Ana', AT);
  return doc;
}

const finding = (kind: string, extra: EntryValues = {}): EntryValues => ({
  title: 'Two recruiters without AI-literacy training',
  auditIds: ['aud-1'],
  kind,
  requirements: ['7.2'],
  evidence: 'Training records for the HR team, 2026-11-24: 2 of 6 recruiters have none',
  foundAt: Date.UTC(2026, 10, 24),
  ...extra,
});

describe('internal audit (9.2)', () => {
  it('AUD1: refuses an auditor from the audited area or owning an audited system, changing nothing', () => {
    const doc = workspace();
    expect(() =>
      saveAimsEntry(doc, AIMS_AUDITS, 'aud-2', { ...hrAudit, auditor: 'ines ' }, 'Ana', AT),
    ).toThrow(/own area: ines is in HR business partners/);
    expect(() =>
      saveAimsEntry(doc, AIMS_AUDITS, 'aud-2', { ...hrAudit, auditor: 'Pia Lund' }, 'Ana', AT),
    ).toThrow(/owns a system this audit covers/);
    expect(readAimsRegister(doc, AIMS_AUDITS).entries.map((e) => e.id)).toEqual(['aud-1']);
  });

  it('AUD2: an audit is done only with the day held and a conclusion', () => {
    const doc = workspace();
    const done = { ...hrAudit, status: 'done' };
    expect(() => saveAimsEntry(doc, AIMS_AUDITS, 'aud-1', done, 'Ana', AT)).toThrow(/held/);
    saveAimsEntry(
      doc,
      AIMS_AUDITS,
      'aud-1',
      { ...done, heldAt: AT, conclusion: 'Policy known; training gaps' },
      'Ana',
      AT,
    );
    expect(readAimsRegister(doc, AIMS_AUDITS).entries[0]?.values.status).toBe('done');
  });

  it('generates the checklist from the clauses and Annex A the audit covers', () => {
    expect(auditChecklist(hrAudit).map((item) => item.ref)).toEqual(['5.2', '7.2', 'A.9.2']);
    expect(auditChecklist({}).length).toBe(CHECKLIST_ITEMS.length);
    // 27 clause-level requirements of clauses 4–10 and the 38 controls of Annex A.
    expect(CHECKLIST_ITEMS.length).toBe(27 + 38);
    expect(auditChecklist(hrAudit)[1]).toMatchObject({ title: 'Competence' });
  });

  it('AUD3, AUD5: a finding belongs to one audit and names a requirement it covers', () => {
    const doc = workspace();
    const cases: Array<[EntryValues, RegExp]> = [
      [{ auditIds: [] }, /one audit/],
      [{ auditIds: ['x'] }, /one audit/],
      [{ requirements: ['8.1'] }, /8.1 is not among/],
      [{ requirements: ['A.99'] }, /Requirement/],
    ];
    for (const [change, refusal] of cases) {
      const values = finding('observation', change);
      expect(() => saveAimsEntry(doc, AIMS_FINDINGS, 'f-1', values, 'Ana', AT)).toThrow(refusal);
    }
    expect(readAimsRegister(doc, AIMS_FINDINGS).entries).toEqual([]);
  });

  it('AUD4: a nonconformity finding raises its entry in the 10.2 register, once, and links it', () => {
    const doc = workspace();
    saveAimsEntry(doc, AIMS_FINDINGS, 'f-1', finding('minor-nonconformity'), 'Ana', AT);
    const ncs = readAimsRegister(doc, AIMS_NONCONFORMITIES).entries;
    expect(ncs).toEqual([
      {
        id: 'nc-f-1',
        values: {
          title: 'Two recruiters without AI-literacy training',
          source: 'internal-audit',
          foundAt: Date.UTC(2026, 10, 24),
          status: 'open',
        },
        updatedBy: 'Ana',
        updatedAt: AT,
      },
    ]);
    const saved = readAimsRegister(doc, AIMS_FINDINGS).entries[0];
    expect(saved?.values.nonconformityIds).toEqual(['nc-f-1']);

    // The corrective action is written in the 10.2 register; saving the finding again keeps it.
    const nc = ncs[0]!;
    saveAimsEntry(doc, AIMS_NONCONFORMITIES, nc.id, { ...nc.values, action: 'Train' }, 'Ben', AT);
    saveAimsEntry(doc, AIMS_FINDINGS, 'f-1', finding('minor-nonconformity'), 'Ben', AT + 1);
    const after = readAimsRegister(doc, AIMS_NONCONFORMITIES).entries;
    expect(after.map((e) => [e.id, e.values.action])).toEqual([['nc-f-1', 'Train']]);

    // An observation does not link a nonconformity.
    expect(() =>
      saveAimsEntry(
        doc,
        AIMS_FINDINGS,
        'f-2',
        finding('observation', { nonconformityIds: ['nc-f-1'] }),
        'Ana',
        AT,
      ),
    ).toThrow(/only a nonconformity finding/);
    expect(readAimsRegister(doc, AIMS_FINDINGS).entries.map((e) => e.id)).toEqual(['f-1']);
  });

  it('AUD4: a finding linked to an existing nonconformity raises none', () => {
    const doc = workspace();
    saveAimsEntry(
      doc,
      AIMS_NONCONFORMITIES,
      'nc-old',
      { title: 'Training gaps', source: 'review', status: 'open' },
      'Ana',
      AT,
    );
    const linked = finding('major-nonconformity', { nonconformityIds: ['nc-old'] });
    saveAimsEntry(doc, AIMS_FINDINGS, 'f-1', linked, 'Ana', AT);
    expect(readAimsRegister(doc, AIMS_NONCONFORMITIES).entries.map((e) => e.id)).toEqual([
      'nc-old',
    ]);
  });

  it('raises nothing when the finding is refused', () => {
    const doc = workspace();
    addTopManagement(doc, ['Ana'], AT);
    expect(() =>
      saveAimsEntry(
        doc,
        AIMS_FINDINGS,
        'f-1',
        finding('major-nonconformity', { evidence: '' }),
        'Ana',
        AT,
      ),
    ).toThrow(/Evidence/);
    expect(readAimsRegister(doc, AIMS_NONCONFORMITIES).entries).toEqual([]);
    expect(deleteAimsEntry(doc, AIMS_AUDITS, 'aud-1')).toBe(true);
  });
});
