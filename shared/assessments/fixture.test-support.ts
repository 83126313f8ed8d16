import * as Y from 'yjs';
import {
  createRecord,
  decideEuAiActCategory,
  decideTier,
  readRegistry,
  saveRisk,
  setUseProfile,
  type RegistryRecord,
} from '../documents/registry/index.ts';

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
