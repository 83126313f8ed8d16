import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  fragmentBlocks,
  readAssessment,
  sectionFragmentName,
} from '../documents/assessment/index.ts';
import {
  readRegistry,
  readRiskRegister,
  type RegistryRecord,
} from '../documents/registry/index.ts';
import { AT, fixtureRecord, fixtureRegistryDoc } from './fixture.test-support.ts';
import {
  AI_RISK_ASSESSMENT,
  AI_SYSTEM_IMPACT_ASSESSMENT,
  prefillSections,
  startAssessment,
} from './index.ts';

describe('prefillSections', () => {
  it('fills the risk assessment from the record and the register', () => {
    const doc = fixtureRegistryDoc();
    const record = readRegistry(doc).records.get('rec-hire')!;
    const risks = readRiskRegister(doc).risks.values();
    const prefill = prefillSections(AI_RISK_ASSESSMENT.sections, { record, risks });
    expect(prefill.get('system')).toEqual([
      'System: HireRank, from Rank Labs.',
      'Category: Other.',
      'Underlying model: gpt-4o, provided by OpenAI.',
      'Lifecycle stage: in use.',
      'Business owner: Dana (HR).',
      'Used in HR, Recruiting by about 12 people.',
      'Intended purpose: Ranks job applicants for the recruiting team',
      'Detections: found by Sightline as the host hirerank.example.',
    ]);
    expect(prefill.get('classification')).toEqual([
      'EU AI Act category: high-risk.',
      'Basis: Annex III 4(a).',
      'Confirmed by lead-1 on 2026-03-10.',
      'Risk tier: Tier 1 (High risk: directly affects decisions about people (diagnosis, treatment, credit, hiring…)), decided by lead-1 on 2026-03-10.',
    ]);
    expect(prefill.get('risks')).toEqual([
      'Algorithmic bias: Ranks some groups of applicants lower — likelihood 3 × impact 5 = 15 (high); owner Dana (HR); treatment mitigate, controls A.5.4, A.7.4; status treating.',
      'Privacy and data protection: CVs are sent to the vendor — likelihood 2 × impact 3 = 6 (medium); owner not assigned; treatment accept; status accepted.',
    ]);
    expect(prefill.get('risk-sources')?.at(-1)).toBe(
      'It receives personal data: privacy and data protection applies.',
    );
    expect(prefill.has('owners')).toBe(false);
  });

  // Domain review E14: the suggestion's basis under an overridden category is labelled as such.
  it('labels the basis as the suggestion’s when a lead chose another category', () => {
    const doc = fixtureRegistryDoc();
    const record = readRegistry(doc).records.get('rec-hire')!;
    record.classification = {
      ...record.classification,
      suggested: { category: 'transparency', basis: ['Art. 50(1)'] },
      decision: {
        category: 'high-risk',
        confirmed: false,
        overrideReason: 'ranks people',
        by: 'l',
        at: AT,
      },
    };
    const prefill = prefillSections(AI_RISK_ASSESSMENT.sections, { record, risks: [] });
    expect(prefill.get('classification')?.slice(0, 2)).toEqual([
      'EU AI Act category: high-risk.',
      'Basis of the suggestion (transparency): Art. 50(1).',
    ]);
  });

  it('says what is missing for a bare record', () => {
    const bare: RegistryRecord = {
      id: 'r',
      name: 'Notes bot',
      departments: [],
      dataCategories: [],
      toolKeys: [],
      createdAt: AT,
      createdBy: 'l',
      updatedAt: AT,
      updatedBy: 'l',
    };
    const prefill = prefillSections(AI_SYSTEM_IMPACT_ASSESSMENT.sections, { record: bare });
    expect(prefill.get('system')).toEqual([
      'System: Notes bot.',
      'Business owner: not recorded.',
      'Intended purpose: not recorded yet.',
      'Detections: none; the record was created by hand.',
    ]);
    expect(prefill.get('classification')).toEqual([
      'EU AI Act category: not classified yet.',
      'Risk tier: not decided yet.',
    ]);
    expect(prefill.get('data')).toEqual(['Data categories: none recorded yet.']);
  });
});

describe('startAssessment', () => {
  it('writes the pre-filled impact assessment, without FRIA sections for a private recruiter', () => {
    const doc = new Y.Doc({ gc: false });
    startAssessment(
      doc,
      {
        template: AI_SYSTEM_IMPACT_ASSESSMENT,
        record: fixtureRecord(),
        deployer: { publicBodyOrPublicService: false },
      },
      'lead-1',
      AT,
    );
    const read = readAssessment(doc);
    expect(read.meta?.title).toBe('AI system impact assessment: HireRank');
    expect(read.meta?.outline.some((s) => s.id.startsWith('fria'))).toBe(false);
    const data = fragmentBlocks(doc.getXmlFragment(sectionFragmentName('data')));
    expect(data.map((b) => b.text)).toEqual([
      'Data categories: confidential business information, personal data.',
    ]);
  });

  it('adds the FRIA sections, with their basis, for a public body', () => {
    const doc = new Y.Doc({ gc: false });
    startAssessment(
      doc,
      {
        template: AI_SYSTEM_IMPACT_ASSESSMENT,
        record: fixtureRecord(),
        deployer: { publicBodyOrPublicService: true },
      },
      'lead-1',
      AT,
    );
    const ids = readAssessment(doc).meta?.outline.map((s) => s.id) ?? [];
    expect(ids.filter((id) => id.startsWith('fria'))).toHaveLength(7);
    const basis = fragmentBlocks(doc.getXmlFragment(sectionFragmentName('fria-basis')));
    expect(basis[0]?.text).toMatch(/body governed by public law.*Basis: Art\. 27\(1\)\.$/);
  });
});
