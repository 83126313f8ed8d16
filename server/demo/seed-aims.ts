// The management system of the demo organisation (ISO/IEC 42001 clauses 4–10): one realistic
// example in every register, from the scope to an approved management review, so a lead can walk
// the path from gap to review. Fictional like the rest (organisation.ts); the requirements quoted
// are the EU AI Act's (Regulation (EU) 2024/1689) and GDPR's articles, by number.
import type * as Y from 'yjs';
import {
  AIMS_AUDITS,
  AIMS_COMPETENCES,
  AIMS_DOCUMENTS,
  AIMS_FINDINGS,
  AIMS_GAPS,
  AIMS_ISSUES,
  AIMS_NONCONFORMITIES,
  AIMS_OBJECTIVES,
  AIMS_PARTIES,
  AIMS_POLICY_ASSESSMENTS,
  AIMS_REVIEW_ACTIONS,
  AIMS_REVIEWS,
  AIMS_ROLES,
  AIMS_SCOPE,
  AIMS_SCOPE_ITEMS,
  AIMS_TRAINING,
  approveManagementReview,
  approvePolicyVersion,
  findingIdFor,
  gapFromAnswer,
  listInterview,
  readAiPolicy,
  readAimsRegister,
  saveAimsEntry,
  savePolicyDraft,
  type EntryValues,
  type RegisterSpec,
} from '../../shared/documents/aims/index.ts';
import {
  answerQuestion,
  QUESTIONNAIRES,
  readInterview,
  sendInterview,
} from '../../shared/documents/interview/index.ts';
import { publishAiPolicy } from '../../shared/documents/policy/ai-policy.ts';
import { addPerson } from '../../shared/documents/registry/index.ts';
import { PEOPLE } from './organisation.ts';
import { writeDemoSuppliers } from './seed-suppliers.ts';

const DAY_MS = 86_400_000;
const CEO = 'Marta Okafor (fictional)';
const AUDITOR = PEOPLE.legal;

type Entry = [RegisterSpec, string, number, EntryValues];

/** Whole days before `now`, as the first millisecond of that UTC day (how dates are stored). */
const dayOf = (now: number, daysAgo: number) => {
  const at = now - daysAgo * DAY_MS;
  return at - (at % DAY_MS);
};

function entries(now: number): Entry[] {
  const day = (daysAgo: number) => dayOf(now, daysAgo);
  return [
    [
      AIMS_GAPS,
      'gap-resources',
      30,
      {
        title: 'No budget line for the AIMS yet',
        requirements: ['7.1'],
        status: 'partial',
        evidence: 'Budget request for 2027 submitted to the board',
        owner: PEOPLE.ciso,
        dueDate: day(-45),
      },
    ],
    [
      AIMS_GAPS,
      'gap-communication',
      30,
      {
        title: 'No plan for what is communicated about AI, to whom',
        requirements: ['7.4'],
        status: 'not-started',
        owner: PEOPLE.legal,
        dueDate: day(-75),
      },
    ],
    [
      AIMS_POLICY_ASSESSMENTS,
      'policy-privacy',
      30,
      {
        title: 'Data protection policy',
        owner: PEOPLE.legal,
        requirements: ['A.7.4', 'A.7.5', 'A.8.5'],
        status: 'gaps',
        gaps: 'Says nothing about personal data in prompts or about training data provenance',
        dueDate: day(-60),
      },
    ],
    [
      AIMS_POLICY_ASSESSMENTS,
      'policy-procurement',
      30,
      {
        title: 'Procurement policy',
        owner: PEOPLE.ciso,
        requirements: ['A.10.3'],
        status: 'embedded',
      },
    ],
    [
      AIMS_ROLES,
      'role-board',
      60,
      {
        title: 'Management board',
        kind: 'committee',
        responsibilities: 'Sets AI direction, approves the AI policy, chairs the management review',
        people: [CEO, PEOPLE.ciso],
        topManagement: true,
      },
    ],
    [
      AIMS_ROLES,
      'role-hr',
      60,
      {
        title: 'People & HR',
        kind: 'role',
        responsibilities: 'Deploys the candidate-screening pilot; assigns its human oversight',
        people: [PEOPLE.hr],
      },
    ],
    [
      AIMS_ROLES,
      'role-support',
      60,
      {
        title: 'Customer Support leads',
        kind: 'role',
        responsibilities: 'Review AI-drafted replies before they are sent',
        people: [PEOPLE.support],
      },
    ],
    [
      AIMS_SCOPE,
      'aims',
      58,
      {
        statement:
          'AI systems Northwind Demo Ltd deploys in HR, Customer Support and Engineering, at its EU sites',
        boundaries: 'Excludes AI embedded in office software used without company data',
        applicability: 'Depends on the IT security ISMS (ISO 27001) for access control and logging',
      },
    ],
    [
      AIMS_SCOPE_ITEMS,
      'scope-screening',
      58,
      {
        kind: 'record',
        name: 'Candidate screening pilot',
        recordIds: ['candidate-screening'],
        included: true,
        reason: 'High-risk use under EU AI Act Annex III point 4(a)',
      },
    ],
    [
      AIMS_SCOPE_ITEMS,
      'scope-deepl',
      58,
      {
        kind: 'record',
        name: 'DeepL Pro',
        recordIds: ['deepl-pro'],
        included: false,
        reason: 'Translation only, no decisions about people; covered by the acceptable-use policy',
      },
    ],
    [
      AIMS_ISSUES,
      'issue-literacy',
      55,
      {
        kind: 'external',
        title: 'AI literacy duty for staff using AI',
        effect: 'Everyone using AI tools needs training and records of it',
        source: 'EU AI Act Art. 4 (applies from 2 February 2025)',
        reviewedAt: day(55),
      },
    ],
    [
      AIMS_ISSUES,
      'issue-shadow',
      55,
      {
        kind: 'internal',
        title: 'Unapproved AI tools used by staff',
        effect: 'Systems in use outside the inventory and its risk assessment',
        source: 'Sightline discovery reports',
        reviewedAt: day(55),
      },
    ],
    [
      AIMS_PARTIES,
      'party-candidates',
      55,
      {
        name: 'Job candidates',
        kind: 'external',
        requirements: 'To be told when AI is used on them and to get a human review of decisions',
        source: 'EU AI Act Art. 26(11); GDPR Art. 22',
        addressed: true,
      },
    ],
    [
      AIMS_PARTIES,
      'party-works-council',
      55,
      {
        name: 'Works council',
        kind: 'internal',
        requirements: 'Informed before AI systems that monitor or evaluate staff are deployed',
        source: 'EU AI Act Art. 26(7)',
        addressed: false,
      },
    ],
    [
      AIMS_OBJECTIVES,
      'obj-fair-shortlists',
      50,
      {
        annexC: 'Fairness',
        title: 'No unexplained gap in shortlisting rates',
        measure: 'Selection-rate ratio between age groups, each quarter',
        target: '≥ 0.8 (four-fifths rule)',
        owner: PEOPLE.hr,
        dueDate: day(-90),
        status: 'at-risk',
        systemIds: ['candidate-screening'],
      },
    ],
    [
      AIMS_COMPETENCES,
      'comp-literacy',
      45,
      {
        title: 'AI literacy',
        roleIds: ['role-hr', 'role-support'],
        course: 'AI literacy essentials',
        notes: 'Quiz at the end of the course, pass mark 80 %',
      },
    ],
    [
      AIMS_COMPETENCES,
      'comp-oversight',
      45,
      {
        title: 'Human oversight of candidate screening',
        people: [PEOPLE.hr],
        systemIds: ['candidate-screening'],
        course: 'Overseeing automated shortlisting',
        notes: 'EU AI Act Art. 14 and 26(2): knows the system’s limits and when to override',
      },
    ],
    [
      AIMS_TRAINING,
      'train-priya-literacy',
      40,
      {
        person: PEOPLE.hr,
        course: 'AI literacy essentials',
        completedAt: day(400),
        evidence: 'https://training.northwind.example/certificates/1042',
        expiresAt: day(35),
      },
    ],
    [
      AIMS_TRAINING,
      'train-leila-literacy',
      40,
      {
        person: PEOPLE.support,
        course: 'AI literacy essentials',
        completedAt: day(300),
        evidence: 'https://training.northwind.example/certificates/0871',
        expiresAt: day(-65),
      },
    ],
    [
      AIMS_DOCUMENTS,
      'doc-risk-procedure',
      44,
      {
        title: 'AI risk assessment procedure',
        kind: 'procedure',
        version: '1.1',
        owner: PEOPLE.ciso,
        link: 'https://wiki.northwind.example/aims/risk-assessment',
        status: 'approved',
        approvedBy: CEO,
        approvedAt: day(44),
        reviewDue: day(-320),
      },
    ],
    [
      AIMS_DOCUMENTS,
      'doc-audit-programme',
      30,
      {
        title: 'Internal audit programme 2026–2027',
        kind: 'plan',
        version: '1.0',
        owner: AUDITOR,
        link: 'https://wiki.northwind.example/aims/audit-programme',
        status: 'approved',
        approvedBy: CEO,
        approvedAt: day(400),
        reviewDue: day(5),
      },
    ],
    [
      AIMS_AUDITS,
      'audit-hr',
      20,
      {
        title: 'HR use of AI',
        requirements: ['5.2', '7.2', '7.3', 'A.4.6', 'A.9.2'],
        systemIds: ['candidate-screening'],
        areaRoleIds: ['role-hr'],
        criteria: 'ISO/IEC 42001 clauses 5.2, 7.2, 7.3 and controls A.4.6, A.9.2; the AI policy v1',
        auditor: AUDITOR,
        plannedAt: day(14),
        heldAt: day(12),
        status: 'done',
        conclusion:
          'Policy known and followed; AI-literacy training lapsed for the pilot’s overseer',
      },
    ],
    [
      AIMS_AUDITS,
      'audit-support',
      10,
      {
        title: 'Customer Support reply drafts',
        requirements: ['8.1', 'A.6.2.6', 'A.9.4'],
        systemIds: ['support-reply-drafts'],
        areaRoleIds: ['role-support'],
        criteria: 'Clause 8.1; controls A.6.2.6 and A.9.4',
        auditor: AUDITOR,
        plannedAt: day(-21),
        status: 'planned',
      },
    ],
    [
      AIMS_FINDINGS,
      'finding-hr-training',
      12,
      {
        title: 'The screening pilot’s overseer has no valid AI-literacy training',
        auditIds: ['audit-hr'],
        kind: 'minor-nonconformity',
        requirements: ['7.2'],
        evidence: 'Training register: Priya Castellano’s AI literacy essentials record expired',
        foundAt: day(12),
      },
    ],
    [
      AIMS_FINDINGS,
      'finding-hr-notice',
      12,
      {
        title: 'Candidate notice mentions AI but not the human review route',
        auditIds: ['audit-hr'],
        kind: 'observation',
        requirements: ['A.9.2'],
        evidence: 'Careers page notice, version of the audit day',
        foundAt: day(12),
      },
    ],
    [
      AIMS_FINDINGS,
      'finding-hr-checklist',
      12,
      {
        title: 'Reuse the HR oversight checklist for Support reply drafts',
        auditIds: ['audit-hr'],
        kind: 'opportunity',
        requirements: ['A.4.6'],
        evidence: 'Interview with the People & HR lead',
        foundAt: day(12),
      },
    ],
  ];
}

/** Writes the management system into the registry (after the records and risks it links to). */
export function writeDemoAims(doc: Y.Doc, now: number): void {
  for (const name of [CEO, ...Object.values(PEOPLE)]) {
    addPerson(doc, name, { from: 'added', by: PEOPLE.ciso, at: now - 60 * DAY_MS });
  }
  for (const [register, id, daysAgo, values] of entries(now)) {
    saveAimsEntry(doc, register, id, values, PEOPLE.ciso, now - daysAgo * DAY_MS);
  }
  // The finding raised its nonconformity (AUD4); the HR lead plans the corrective action.
  saveAimsEntry(
    doc,
    AIMS_NONCONFORMITIES,
    'nc-finding-hr-training',
    {
      title: 'The screening pilot’s overseer has no valid AI-literacy training',
      source: 'internal-audit',
      foundAt: dayOf(now, 12),
      correction: 'Overseer re-enrolled; a second trained recruiter reviews shortlists meanwhile',
      rootCause: 'Training expiry was not tracked for people named for oversight',
      action: 'Track expiry in the training register; remind 30 days before',
      owner: PEOPLE.hr,
      dueDate: dayOf(now, 2),
      status: 'action-planned',
    },
    PEOPLE.hr,
    now - 11 * DAY_MS,
  );
  savePolicyDraft(
    doc,
    'policy-v1',
    {
      title: 'Northwind AI acceptable-use policy',
      summary:
        'Use only approved AI tools for company work; never paste customer or candidate data into others. Decisions about people always get a human review.',
      link: 'https://wiki.northwind.example/policies/ai',
    },
    PEOPLE.ciso,
    now - 50 * DAY_MS,
  );
  approvePolicyVersion(doc, 'policy-v1', CEO, now - 48 * DAY_MS);
  saveAimsEntry(
    doc,
    AIMS_REVIEWS,
    'review-2026-h2',
    {
      title: 'Management review, second half of 2026',
      heldAt: dayOf(now, 5),
      attendees: [CEO, PEOPLE.ciso, PEOPLE.hr, PEOPLE.legal],
      decisions:
        'Keep the screening pilot under human review of every shortlist; fund AI-literacy refreshers for all HR and Support staff',
      improvements: 'Reuse the HR oversight checklist for Support reply drafts',
      changes: 'Add the works council to the consultation step before new HR AI systems',
    },
    PEOPLE.ciso,
    now - 5 * DAY_MS,
  );
  approveManagementReview(doc, 'review-2026-h2', CEO, now - 4 * DAY_MS);
  saveAimsEntry(
    doc,
    AIMS_REVIEW_ACTIONS,
    'action-refreshers',
    {
      title: 'AI-literacy refreshers for HR and Support',
      reviewIds: ['review-2026-h2'],
      owner: PEOPLE.hr,
      dueDate: dayOf(now, -60),
      status: 'in-progress',
    },
    PEOPLE.ciso,
    now - 4 * DAY_MS,
  );
  saveAimsEntry(
    doc,
    AIMS_REVIEWS,
    'review-2027-h1',
    { title: 'Management review, first half of 2027', attendees: [CEO, PEOPLE.ciso] },
    PEOPLE.ciso,
    now - 1 * DAY_MS,
  );
  writeDemoSuppliers(doc, now);
}

/**
 * The approved AI policy published to the policy document, as the lead's PWA does on approval
 * (docs/management-system.md, 5.2): the extensions show it and employees acknowledge it. Reads
 * the current version through the register's own reader; none approved, nothing published.
 */
export function publishDemoPolicy(policy: Y.Doc, registry: Y.Doc): void {
  const current = readAiPolicy(registry).current;
  if (current?.number === undefined || current.approvedAt === undefined) return;
  const { id, number, title, summary, link, approvedAt } = current;
  publishAiPolicy(
    policy,
    { versionId: id, number, title, summary, link, approvedAt },
    PEOPLE.ciso,
    approvedAt,
  );
}

/** The demo's stakeholder interview: the legal questionnaire, sent to the legal counsel. */
export const DEMO_INTERVIEW = 'legal-2026-10';

/**
 * The gap analysis's legal interview (docs/management-system.md, "Stakeholder interviews"):
 * the CISO sends the starting legal questionnaire, the legal counsel answers it. The answers
 * cite the EU AI Act (Regulation (EU) 2024/1689) and GDPR by article. Left alone once sent, so
 * a rerun after a half-finished seed changes nothing.
 */
export function writeDemoInterview(doc: Y.Doc, now: number): void {
  if (readInterview(doc).interview) return;
  sendInterview(
    doc,
    {
      title: 'Gap analysis: legal requirements on our AI use',
      respondent: PEOPLE.legal,
      area: 'legal',
      questions: QUESTIONNAIRES.legal,
    },
    PEOPLE.ciso,
    now - 40 * DAY_MS,
  );
  const answers: [string, string][] = [
    [
      'q01',
      'The EU AI Act (Art. 4 AI literacy since 2 February 2025; Art. 26 deployer duties for the screening pilot), GDPR Art. 22 and 35 for decisions about candidates, and our customer contracts’ clauses on sub-processors.',
    ],
    [
      'q02',
      'We are a deployer of every system in the inventory. Under Art. 25(1) we would become the provider of a high-risk system if we put our name on it or substantially modified it, for example by retraining the screening model.',
    ],
    [
      'q03',
      'The candidate-screening pilot affects applicants’ rights. As a private employer we owe no Art. 27 FRIA for it, but a GDPR Art. 35 DPIA is required and has not been done yet.',
    ],
    [
      'q04',
      'Support reply drafts are reviewed and sent by an agent, who takes editorial responsibility (so Art. 50(4) asks no label); the internal assistant does not yet tell employees that they talk to an AI (Art. 50(1)).',
    ],
  ];
  for (const [question, text] of answers) {
    answerQuestion(doc, question, text, PEOPLE.legal, now - 36 * DAY_MS);
  }
}

/**
 * The interview listed in the registry (INT4), and the lead turns the DPIA answer into a finding
 * of the gap analysis (INT3), once.
 */
export function writeDemoInterviewFindings(registry: Y.Doc, interview: Y.Doc, now: number): void {
  const read = readInterview(interview).interview;
  if (read) listInterview(registry, DEMO_INTERVIEW, read.sentAt);
  const id = findingIdFor(DEMO_INTERVIEW, 'q03');
  if (!read || readAimsRegister(registry, AIMS_GAPS).entries.some((e) => e.id === id)) return;
  gapFromAnswer(
    registry,
    DEMO_INTERVIEW,
    read,
    'q03',
    {
      status: 'partial',
      title: 'No DPIA yet for the candidate-screening pilot',
      owner: PEOPLE.legal,
      dueDate: dayOf(now, -30),
    },
    PEOPLE.ciso,
    now - 35 * DAY_MS,
  );
}
