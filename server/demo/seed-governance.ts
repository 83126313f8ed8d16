// The governance half of the demo: notes and edits on records, risks naming Annex A controls, the
// SoA, the workspace's settings and two assessments — one signed off (approved by a reviewer,
// confirmed in the registry), one in review. Fictional like the rest (organisation.ts).
import type * as Y from 'yjs';
import {
  AI_RISK_ASSESSMENT,
  AI_SYSTEM_IMPACT_ASSESSMENT,
  approvalFor,
  draftSha256,
  signOffGate,
  startAssessment,
  type AssessmentTemplate,
} from '../../shared/assessments/index.ts';
import {
  appendParagraphs,
  readAssessment,
  recordReview,
  sectionFragment,
  setReviewer,
  setSectionStatus,
  signOff,
} from '../../shared/documents/assessment/index.ts';
import {
  addNote,
  indexAssessment,
  readApprovals,
  readAssessmentIndex,
  readRegistry,
  readRiskRegister,
  recordApproval,
  saveRisk,
  saveSoaEntry,
  updateGovernance,
  updateRecord,
  type RiskFields,
  type SoaFields,
} from '../../shared/documents/registry/index.ts';
import { PEOPLE } from './organisation.ts';

const DAY_MS = 86_400_000;

const RISKS: Array<{ id: string; daysAgo: number; fields: RiskFields }> = [
  {
    id: 'risk-screening-bias',
    daysAgo: 9,
    fields: {
      systemIds: ['candidate-screening'],
      source: 'algorithmic-bias',
      description:
        'Video scoring ranks candidates with non-native accents or visible disabilities lower',
      likelihood: 3,
      impact: 5,
      owner: PEOPLE.hr,
      treatment: 'mitigate',
      controls: ['A.5.4', 'A.7.4', 'A.9.2'],
      status: 'treating',
    },
  },
  {
    id: 'risk-screening-explain',
    daysAgo: 9,
    fields: {
      systemIds: ['candidate-screening'],
      source: 'black-box',
      description: 'Recruiters cannot tell a rejected candidate why the score was low',
      likelihood: 4,
      impact: 3,
      owner: PEOPLE.hr,
      treatment: 'mitigate',
      controls: ['A.8.2', 'A.9.4'],
      status: 'open',
    },
  },
  {
    id: 'risk-support-leak',
    daysAgo: 16,
    fields: {
      systemIds: ['support-reply-drafts'],
      source: 'privacy',
      description: 'Customer names and order details are sent to the model provider',
      likelihood: 3,
      impact: 3,
      owner: PEOPLE.support,
      treatment: 'mitigate',
      controls: ['A.7.5', 'A.10.3'],
      status: 'treating',
    },
  },
  {
    id: 'risk-chat-confidential',
    daysAgo: 20,
    fields: {
      systemIds: ['chatgpt-enterprise'],
      source: 'security',
      description: 'Staff paste confidential contract terms into chats',
      likelihood: 2,
      impact: 4,
      owner: PEOPLE.ciso,
      treatment: 'accept',
      controls: ['A.2.2'],
      status: 'accepted',
    },
  },
];

const SOA: Array<[string, SoaFields]> = [
  [
    'A.2.2',
    {
      applicable: true,
      justification: 'The AI use policy approved by the board covers every tool in the register',
      implementation: 'implemented',
      owner: PEOPLE.ciso,
      evidence: ['https://wiki.northwind.example/policies/ai-use'],
      systems: [],
      risks: [],
    },
  ],
  [
    'A.5.4',
    {
      applicable: true,
      justification: 'Screening candidates affects individuals directly',
      implementation: 'partial',
      owner: PEOPLE.hr,
      evidence: [],
      systems: ['candidate-screening'],
      risks: [],
    },
  ],
  [
    'A.10.4',
    {
      applicable: false,
      justification: 'Northwind provides no AI system to customers',
      implementation: 'not-started',
      evidence: [],
      systems: [],
      risks: [],
    },
  ],
];

interface DemoAssessment {
  id: string;
  recordId: string;
  template: AssessmentTemplate;
  daysAgo: number;
  reviewer: string;
  /** Section id → what the assessors wrote. */
  text: Record<string, string[]>;
  /** Signed off, or left in review. */
  signedOff?: { name: string; daysAgo: number };
}

const ASSESSMENTS: DemoAssessment[] = [
  {
    id: 'demo-risk-screening',
    recordId: 'candidate-screening',
    template: AI_RISK_ASSESSMENT,
    daysAgo: 8,
    reviewer: PEOPLE.legal,
    text: {
      system: ['Pilot limited to the graduate scheme; recruiters see the score next to the CV.'],
      owners: ['HR owns both screening risks; Legal reviews every quarter.'],
      treatment: [
        'Quarterly adverse-impact test on anonymised outcomes; any group below four-fifths of the best-scoring group stops the pilot.',
        'Every rejected candidate can ask for a human review of the recording.',
      ],
      decision: ['Residual risk accepted for the six-month pilot, then reassessed.'],
    },
    signedOff: { name: 'Pilot approval', daysAgo: 5 },
  },
  {
    id: 'demo-impact-support',
    recordId: 'support-reply-drafts',
    template: AI_SYSTEM_IMPACT_ASSESSMENT,
    daysAgo: 4,
    reviewer: PEOPLE.ciso,
    text: {
      affected: ['Customers writing to support; agents who send the drafted replies.'],
      'human-oversight': [
        'Agents read and edit every draft before it is sent; nothing is sent unread.',
      ],
    },
  },
];

/** Writes one assessment document (unless an earlier run did) and returns its index entry. */
function writeAssessment(doc: Y.Doc, registry: Y.Doc, spec: DemoAssessment, now: number): void {
  if (readAssessment(doc).meta) return;
  const unknown = Object.keys(spec.text).filter(
    (id) => !spec.template.sections.some((s) => s.id === id),
  );
  if (unknown.length > 0) throw new Error(`demo: no section ${unknown.join(', ')} in ${spec.id}`);
  const record = readRegistry(registry).records.get(spec.recordId);
  if (!record) throw new Error(`demo: no record ${spec.recordId}`);
  const at = now - spec.daysAgo * DAY_MS;
  startAssessment(
    doc,
    {
      template: spec.template,
      record,
      risks: readRiskRegister(registry).risks.values(),
      deployer: { publicBodyOrPublicService: false },
    },
    PEOPLE.ciso,
    at,
  );
  const meta = readAssessment(doc).meta!;
  for (const [sectionId, paragraphs] of Object.entries(spec.text)) {
    appendParagraphs(sectionFragment(doc, sectionId, [])!, paragraphs);
  }
  setReviewer(doc, spec.reviewer, true);
  if (!spec.signedOff) {
    // In review: the written sections wait for the reviewer.
    for (const sectionId of Object.keys(spec.text)) {
      setSectionStatus(doc, sectionId, 'in-review', PEOPLE.support, at + DAY_MS);
    }
    return;
  }
  const signedAt = now - spec.signedOff.daysAgo * DAY_MS;
  for (const section of meta.outline) {
    setSectionStatus(doc, section.id, 'done', PEOPLE.ciso, signedAt - DAY_MS);
  }
  recordReview(doc, {
    id: `${spec.id}-review-1`,
    by: spec.reviewer,
    decision: 'approve',
    at: signedAt - 3_600_000,
    draftSha256: draftSha256(doc, readAssessment(doc)),
  });
  const gate = signOffGate(doc, registry, PEOPLE.ciso);
  signOff(doc, {
    signoffId: `${spec.id}-signoff-1`,
    versionId: `${spec.id}-v1`,
    versionName: spec.signedOff.name,
    by: PEOPLE.ciso,
    role: 'lead',
    at: signedAt,
    gate: { blockers: gate.blockers, reviews: gate.reviews, registerView: gate.registerView },
  });
}

/**
 * Fills `registry` (a copy the caller then writes through the relay in one update) and, through
 * `writeDocument`, the assessments. Safe to run on a registry an earlier run half filled.
 */
export async function seedGovernance(
  registry: Y.Doc,
  now: number,
  writeDocument: (id: string, edit: (doc: Y.Doc) => void) => Promise<Y.Doc>,
): Promise<void> {
  updateGovernance(
    registry,
    { publicBodyOrPublicService: false },
    { by: PEOPLE.ciso, at: now - 25 * DAY_MS },
  );
  addNote(registry, 'candidate-screening', {
    id: 'note-screening-1',
    kind: 'performance',
    text: 'Recruiters overrode 3 of 40 rankings in the first week; all three were strong candidates ranked low.',
    by: PEOPLE.hr,
    at: now - 7 * DAY_MS,
  });
  addNote(registry, 'support-reply-drafts', {
    id: 'note-support-1',
    kind: 'drift',
    text: 'Drafts got longer and more formal after the vendor’s model update on the 3rd.',
    by: PEOPLE.support,
    at: now - 6 * DAY_MS,
  });
  updateRecord(registry, 'chatgpt-enterprise', { userCount: 118 }, PEOPLE.ciso, now - 3 * DAY_MS);
  for (const risk of RISKS) {
    saveRisk(registry, risk.id, risk.fields, PEOPLE.ciso, now - risk.daysAgo * DAY_MS);
  }
  SOA.forEach(([controlId, fields], i) => {
    saveSoaEntry(registry, controlId, fields, PEOPLE.ciso, now - (12 - i) * DAY_MS);
  });
  for (const spec of ASSESSMENTS) {
    const doc = await writeDocument(spec.id, (d) => writeAssessment(d, registry, spec, now));
    const assessment = readAssessment(doc);
    const meta = assessment.meta!;
    if (!readAssessmentIndex(registry).assessments.some((a) => a.id === spec.id)) {
      indexAssessment(registry, {
        id: spec.id,
        recordId: meta.recordId,
        kind: meta.kind,
        title: meta.title,
        createdAt: meta.createdAt,
        createdBy: meta.createdBy,
      });
    }
    const recorded = readApprovals(registry).approvals.get(spec.id) ?? [];
    for (const version of assessment.versions) {
      if (recorded.some((a) => a.versionId === version.id)) continue;
      recordApproval(registry, approvalFor(spec.id, version, assessment));
    }
  }
}
