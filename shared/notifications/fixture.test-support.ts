import * as Y from 'yjs';
import { createAssessment } from '../documents/assessment/create.ts';
import { recordReview } from '../documents/assessment/reviews.ts';
import { assignSection, setReviewer, setSectionStatus } from '../documents/assessment/workflow.ts';
import {
  AIMS_DOCUMENTS,
  AIMS_NONCONFORMITIES,
  AIMS_REVIEWS,
  saveAimsEntry,
} from '../documents/aims/index.ts';
import {
  createRecord,
  indexAssessment,
  recordApproval,
  saveIncident,
  saveRisk,
  saveTrackedDuty,
} from '../documents/registry/index.ts';
import type { RiskFields } from '../documents/registry/risks.ts';
import { incidentFields } from '../incidents/fixture.test-support.ts';

/**
 * A workspace shaped on the brief's Global Finance Corp case: a fraud-detection model in
 * production, owned by Leila Moreau; its impact assessment signed off in September 2026 (Tier 1:
 * reviewed every 6 months, so due in March 2027); a serious incident with a personal-data breach
 * detected on 1 March 2027 09:30 UTC (AI Act Art. 26(5), 73(2); GDPR Art. 33(1)); a risk, a
 * deployer duty, a nonconformity, a controlled document and a management review with owners.
 */
export const DAY = 86_400_000;
export const NOW = Date.UTC(2027, 2, 2, 12);
export const SIGNED = Date.UTC(2026, 8, 20, 10);
const LEAD = 'Dana Lead';
export const SHA = 'a'.repeat(64);

/** The fraud model's risk after a model update, open; tests change what they need. */
export function fraudRiskFields(overrides: Partial<RiskFields> = {}): RiskFields {
  return {
    systemIds: ['rec-fraud'],
    source: 'level-of-automation',
    description: 'Legitimate payments declined after a model update',
    likelihood: 3,
    impact: 4,
    owner: 'Sam Okafor',
    treatment: 'mitigate',
    controls: [],
    status: 'open',
    ...overrides,
  };
}

export function financeWorkspace() {
  const registry = new Y.Doc();
  const at = SIGNED - 30 * DAY;
  createRecord(
    registry,
    'rec-fraud',
    { name: 'Fraud detection model', vendor: 'In-house', owner: 'Leila  Moreau' },
    LEAD,
    at,
  );
  createRecord(registry, 'rec-chat', { name: 'Support chatbot' }, LEAD, at);
  saveRisk(
    registry,
    'risk-1',
    fraudRiskFields({
      description: 'Legitimate payments declined after a model update\nSeen in March.',
      status: 'treating',
      dueDate: Date.UTC(2027, 2, 10),
    }),
    LEAD,
    at,
  );
  indexAssessment(registry, {
    id: 'asm-1',
    recordId: 'rec-fraud',
    kind: 'impact',
    title: 'Impact of the fraud model',
    createdAt: at,
    createdBy: LEAD,
  });
  recordApproval(registry, {
    assessmentId: 'asm-1',
    versionId: 'v1',
    versionName: 'First sign-off',
    number: 1,
    by: LEAD,
    role: 'lead',
    at: SIGNED,
    contentSha256: SHA,
  });
  saveIncident(
    registry,
    'inc-1',
    incidentFields({ serious: ['a'], personalDataBreach: true }),
    LEAD,
    Date.UTC(2027, 2, 1, 10),
  );
  saveTrackedDuty(
    registry,
    'rec-fraud',
    'art-26-5',
    { status: 'to-do', owner: 'Leila Moreau' },
    LEAD,
    at,
  );
  saveAimsEntry(
    registry,
    AIMS_NONCONFORMITIES,
    'nc-1',
    {
      title: 'Model update released without a change review',
      source: 'incident',
      owner: 'Sam Okafor',
      dueDate: Date.UTC(2027, 2, 20),
      status: 'open',
    },
    LEAD,
    NOW - DAY,
  );
  saveAimsEntry(
    registry,
    AIMS_DOCUMENTS,
    'doc-1',
    {
      title: 'Model change procedure',
      kind: 'procedure',
      status: 'approved',
      approvedBy: LEAD,
      approvedAt: Date.UTC(2026, 2, 1),
      reviewDue: Date.UTC(2027, 2, 1),
    },
    LEAD,
    at,
  );
  saveAimsEntry(
    registry,
    AIMS_REVIEWS,
    'mr-1',
    {
      title: 'Q1 2027 management review',
      heldAt: Date.UTC(2027, 2, 25),
      attendees: ['Dana Lead', 'Chief Risk Officer'],
    },
    LEAD,
    at,
  );

  const assessment = new Y.Doc({ gc: false });
  createAssessment(
    assessment,
    {
      kind: 'impact',
      recordId: 'rec-fraud',
      templateId: 'ai-system-impact-assessment',
      templateVersion: 1,
      title: 'Impact of the fraud model',
      outline: [
        { id: 'system', title: 'The system', guidance: 'What is it?', references: ['6.1.4'] },
        { id: 'affected', title: 'Who is affected', guidance: 'Who?', references: [] },
      ],
      prefill: new Map(),
    },
    LEAD,
    at,
  );
  assignSection(assessment, 'affected', 'Leila Moreau', LEAD, NOW - 2 * DAY);
  assignSection(assessment, 'system', 'Sam Okafor', LEAD, NOW - 2 * DAY);
  setSectionStatus(assessment, 'system', 'done', 'Sam Okafor', NOW - DAY);
  setReviewer(assessment, 'Sam Okafor', true);
  setReviewer(assessment, 'Priya Raman', true);
  recordReview(assessment, {
    id: 'rv-1',
    by: 'Priya Raman',
    decision: 'approve',
    at: NOW - DAY,
    draftSha256: SHA,
  });
  return { registry, assessments: new Map([['asm-1', assessment]]) };
}
