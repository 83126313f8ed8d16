import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import {
  appendParagraphs,
  readAssessment,
  recordReview,
  sectionFragmentName,
  setReviewer,
  setSectionStatus,
} from '../documents/assessment/index.ts';
import {
  createRecord,
  decideEuAiActCategory,
  decideTier,
  readRegistry,
  saveRisk,
  setUseProfile,
  type RegistryRecord,
  readRiskRegister,
} from '../documents/registry/index.ts';
import { draftSha256 } from './signed-view.ts';
import { startAssessment } from './start.ts';
import { AI_RISK_ASSESSMENT } from './templates.ts';

/** Shared by the assessments' tests: a small classified registry with two risks. */
export const AT = Date.UTC(2026, 2, 10, 12);

export function fixtureRegistryDoc(): Y.Doc {
  const doc = new Y.Doc();
  createRecord(
    doc,
    'rec-hire',
    {
      name: 'HireRank',
      vendor: 'Rank Labs',
      category: 'other',
      purpose: 'Ranks job applicants for the recruiting team',
      owner: 'Dana (HR)',
      lifecycle: 'in-use',
      departments: ['HR', 'Recruiting'],
      userCount: 12,
      dataCategories: ['personal', 'confidential'],
      toolKeys: ['host:hirerank.example'],
      model: 'gpt-4o',
      provider: 'OpenAI',
    },
    'lead-1',
    AT,
  );
  setUseProfile(doc, 'rec-hire', { annexIII: ['employment.recruitment'] }, 'lead-1', AT + 1000);
  decideEuAiActCategory(doc, 'rec-hire', {
    category: 'high-risk',
    confirmed: true,
    by: 'lead-1',
    at: AT + 2000,
  });
  decideTier(doc, 'rec-hire', {
    suggested: 'tier-1',
    decided: 'tier-1',
    by: 'lead-1',
    at: AT + 2000,
  });
  saveRisk(
    doc,
    'risk-bias',
    {
      systemIds: ['rec-hire'],
      source: 'algorithmic-bias',
      description: 'Ranks some groups of applicants lower',
      likelihood: 3,
      impact: 5,
      owner: 'Dana (HR)',
      treatment: 'mitigate',
      controls: ['A.5.4', 'A.7.4'],
      status: 'treating',
      dueDate: Date.UTC(2026, 5, 30),
    },
    'lead-1',
    AT + 3000,
  );
  saveRisk(
    doc,
    'risk-leak',
    {
      systemIds: ['rec-hire', 'rec-other'],
      source: 'privacy',
      description: 'CVs are sent to the vendor',
      likelihood: 2,
      impact: 3,
      treatment: 'accept',
      controls: [],
      status: 'accepted',
    },
    'lead-2',
    AT + 4000,
  );
  return doc;
}

export function fixtureRecord(): RegistryRecord {
  return readRegistry(fixtureRegistryDoc()).records.get('rec-hire')!;
}

const schema = getSchema([StarterKit]);

/**
 * The fixture record's risk assessment, not yet signed off, with some rich text typed into its
 * `owners` section (as the editor writes it) and a reviewer; every section done unless `allDone`
 * is false. `hostile` replaces every text a person could type.
 */
export function draftAssessment(
  registry: Y.Doc,
  options: { hostile?: string | undefined; allDone?: boolean; approvedBy?: string } = {},
): Y.Doc {
  const { hostile } = options;
  const record = readRegistry(registry).records.get('rec-hire')!;
  const doc = new Y.Doc({ gc: false });
  startAssessment(
    doc,
    {
      template: AI_RISK_ASSESSMENT,
      record,
      risks: readRiskRegister(registry).risks.values(),
      ...(hostile ? { title: hostile } : {}),
    },
    'lead-1',
    AT,
  );
  const text = hostile ?? 'Dana owns both risks';
  prosemirrorJSONToYXmlFragment(
    schema,
    {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text }] },
        {
          type: 'bulletList',
          content: ['Quarterly bias test', text].map((item) => ({
            type: 'listItem',
            content: [{ type: 'paragraph', content: [{ type: 'text', text: item }] }],
          })),
        },
      ],
    },
    doc.getXmlFragment(sectionFragmentName('owners')),
  );
  appendParagraphs(doc.getXmlFragment(sectionFragmentName('treatment')), [
    'Bias testing each quarter; CVs stay in the EU.',
  ]);
  appendParagraphs(doc.getXmlFragment(sectionFragmentName('decision')), [
    'Residual risk accepted by HR for twelve months.',
  ]);
  setReviewer(doc, hostile ?? 'Priya', true);
  if (options.allDone !== false) {
    for (const section of readAssessment(doc).meta!.outline) {
      setSectionStatus(doc, section.id, 'done', 'lead-1', AT + 100);
    }
  }
  if (options.approvedBy) {
    // A named reviewer other than the signer approves the text as it stands (S4).
    setReviewer(doc, options.approvedBy, true);
    recordReview(doc, {
      id: 'review-1',
      by: options.approvedBy,
      decision: 'approve',
      at: AT + 500,
      draftSha256: draftSha256(doc, readAssessment(doc)),
    });
  }
  return doc;
}

/** The provenance the golden exports are made with. */
export const PROVENANCE = {
  organisation: 'Northwind Demo Ltd',
  workspace: 'northwind',
  exportedBy: 'lead-1 (governance lead)',
  exportedAt: AT + 86_400_000,
  documentState: '0123456789abcdef',
};
