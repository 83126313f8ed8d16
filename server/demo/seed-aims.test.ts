import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  AIMS_COMPETENCES,
  AIMS_FINDINGS,
  AIMS_REGISTERS,
  AIMS_ROLES,
  AIMS_TRAINING,
  competenceNeeds,
  documentRegister,
  isReviewDue,
  readAiPolicy,
  readAimsRegister,
  readManagementReviews,
  AIMS_GAPS,
  findingIdFor,
  gapAnalysisRows,
  readInterviewList,
} from '../../shared/documents/aims/index.ts';
import { createRecord } from '../../shared/documents/registry/index.ts';
import { RECORDS } from './organisation.ts';
import { writeDemoAims } from './seed-aims.ts';
import {
  DEMO_INTERVIEW,
  writeDemoInterview,
  writeDemoInterviewFindings,
} from './seed-interview.ts';
import { readInterview } from '../../shared/documents/interview/index.ts';

const NOW = Date.UTC(2026, 10, 20, 15, 30);

describe('the demo management system', () => {
  it('has a readable example in every register, from scope to an approved review', () => {
    const doc = new Y.Doc();
    for (const record of RECORDS) createRecord(doc, record.id, record.fields, record.by, NOW);
    writeDemoAims(doc, NOW);
    for (const register of AIMS_REGISTERS) {
      const { entries, problems } = readAimsRegister(doc, register);
      expect(problems, register.id).toEqual([]);
      expect(entries.length, register.id).toBeGreaterThan(0);
    }
    expect(readAiPolicy(doc).current?.number).toBe(1);
    const reviews = readManagementReviews(doc).reviews.map((r) => [r.id, r.state]);
    expect(reviews).toEqual([
      ['review-2026-h2', 'approved'],
      ['review-2027-h1', 'draft'],
    ]);
    const [nonconformity] = readAimsRegister(doc, AIMS_FINDINGS).entries.filter(
      (f) => f.values.kind === 'minor-nonconformity',
    );
    expect(nonconformity?.values.nonconformityIds).toEqual(['nc-finding-hr-training']);
    // What the dashboard shows: a lapsed training, a review due soon (not yet), a document due.
    const entries = (register: (typeof AIMS_REGISTERS)[number]) =>
      readAimsRegister(doc, register).entries;
    const needs = competenceNeeds(
      entries(AIMS_COMPETENCES),
      entries(AIMS_ROLES),
      entries(AIMS_TRAINING),
      NOW,
    );
    // The overseer's literacy lapsed (the audit's finding) and her oversight course is missing.
    expect(
      needs.filter((n) => n.status !== 'valid').map((n) => [n.person, n.competence, n.status]),
    ).toEqual([
      ['Priya Castellano (fictional)', 'AI literacy', 'expired'],
      ['Priya Castellano (fictional)', 'Human oversight of candidate screening', 'missing'],
    ]);
    expect(
      documentRegister(doc)
        .filter((row) => isReviewDue(row, NOW))
        .map((r) => r.id),
    ).toEqual(['aimsDocuments/doc-audit-programme']);
  });

  it('has a stakeholder interview answered by legal, one answer a finding of the gap analysis', () => {
    const registry = new Y.Doc();
    writeDemoAims(registry, NOW);
    const interview = new Y.Doc();
    writeDemoInterview(interview, NOW);
    writeDemoInterviewFindings(registry, interview, NOW);
    // Run again (a half-finished seed rerun): nothing changes.
    const before = [Y.encodeStateVector(registry), Y.encodeStateVector(interview)];
    writeDemoInterview(interview, NOW);
    writeDemoInterviewFindings(registry, interview, NOW);
    expect([Y.encodeStateVector(registry), Y.encodeStateVector(interview)]).toEqual(before);

    const read = readInterview(interview);
    expect(read.problems).toEqual([]);
    expect(read.interview?.area).toBe('legal');
    expect(read.interview?.questions.every((q) => q.answer !== undefined)).toBe(true);
    const id = findingIdFor(DEMO_INTERVIEW, 'q03');
    const entry = readAimsRegister(registry, AIMS_GAPS).entries.find((e) => e.id === id);
    expect(entry?.values).toMatchObject({ status: 'partial', requirements: ['6.1.4'] });
    expect(String(entry?.values.evidence)).toMatch(/Art\. 35 DPIA/);
    const row = gapAnalysisRows(registry, NOW).find((r) => r.ref === '6.1.4');
    expect(row).toMatchObject({ entryId: id });
    // Listed in the registry, so the management system page shows it (INT4).
    expect(readInterviewList(registry).ids).toEqual([DEMO_INTERVIEW]);
  });
});
