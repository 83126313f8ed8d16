import type { RegisterSpec } from './registers.ts';

/**
 * The gap analysis (clauses 4–10 and Annex A) and the policy assessment, two registers of the
 * registry document:
 *
 *   aimsGaps               gapId → one requirement's status, evidence, owner and due date, as a
 *                          lead enters them where the product holds no evidence (gap-analysis.ts
 *                          computes the rest, and a computed status is never overridden)
 *   aimsPolicyAssessments  assessmentId → an existing policy of the organisation, the AI
 *                          requirements it must embed, and how far it does
 */
const LONG = 4000;
const SHORT = 200;

export const GAP_STATUSES = ['not-started', 'partial', 'met', 'not-applicable'] as const;
export const POLICY_ASSESSMENT_STATUSES = ['not-reviewed', 'gaps', 'embedded'] as const;

export const AIMS_GAPS: RegisterSpec = {
  id: 'aimsGaps',
  clause: '4.4',
  title: 'Gap analysis entries',
  noun: 'gap entry',
  labelField: 'title',
  maxEntries: 500,
  fields: [
    { kind: 'text', key: 'title', label: 'Gap', max: SHORT, required: true },
    { kind: 'ids', key: 'requirements', label: 'Requirement', of: 'requirements', max: 1 },
    { kind: 'enum', key: 'status', label: 'Status', values: GAP_STATUSES, required: true },
    { kind: 'text', key: 'evidence', label: 'Evidence', max: LONG, long: true },
    { kind: 'text', key: 'owner', label: 'Owner', max: SHORT },
    { kind: 'date', key: 'dueDate', label: 'Due' },
  ],
};

export const AIMS_POLICY_ASSESSMENTS: RegisterSpec = {
  id: 'aimsPolicyAssessments',
  clause: 'A.2.3',
  title: 'Policy assessment',
  noun: 'policy',
  labelField: 'title',
  maxEntries: 200,
  fields: [
    { kind: 'text', key: 'title', label: 'Existing policy', max: SHORT, required: true },
    { kind: 'text', key: 'owner', label: 'Owner', max: SHORT },
    {
      kind: 'ids',
      key: 'requirements',
      label: 'AI requirements it must embed',
      of: 'requirements',
      max: 65,
    },
    {
      kind: 'enum',
      key: 'status',
      label: 'Status',
      values: POLICY_ASSESSMENT_STATUSES,
      required: true,
    },
    { kind: 'text', key: 'gaps', label: 'What it lacks', max: LONG, long: true },
    { kind: 'date', key: 'dueDate', label: 'Update due' },
  ],
};
