import { AIMS_AUDITS, AIMS_FINDINGS } from '../../../shared/documents/aims/index.ts';
import { AUDITOR, dayOf, type AimsEntry } from './entry.ts';

/** Clause 9.2 of the demo's management system: the internal audits and what they found. */
export function auditEntries(now: number): AimsEntry[] {
  const day = (daysAgo: number) => dayOf(now, daysAgo);
  return [
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
