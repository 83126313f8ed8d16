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
} from '../../shared/documents/aims/index.ts';
import { createRecord } from '../../shared/documents/registry/index.ts';
import { RECORDS } from './organisation.ts';
import { writeDemoAims } from './seed-aims.ts';

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
});
