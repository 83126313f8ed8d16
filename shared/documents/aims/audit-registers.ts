import type { RegisterSpec } from './registers.ts';

/**
 * The internal audit (ISO/IEC 42001 9.2), two registers of the registry document:
 *
 *   aimsAudits    auditId → one audit of the programme: what it covers (clauses and Annex A
 *                 controls, inventory records, the areas audited as roles), its criteria, the
 *                 auditor, the planned and held dates, its status and conclusion
 *   aimsFindings  findingId → a finding of one audit: its kind, the requirement, the evidence,
 *                 and for a nonconformity the entry of the 10.2 register it raised
 *
 * The nonconformity itself, its correction and corrective action, live only in the 10.2
 * register (aimsNonconformities); a finding links to it and the page shows the link both ways.
 * Rules AUD1–AUD5 (docs/management-system.md) are in audit-rules.ts.
 */
const LONG = 4000;
const SHORT = 200;

export const AUDIT_STATUSES = ['planned', 'in-progress', 'done', 'cancelled'] as const;
export const FINDING_KINDS = [
  'major-nonconformity',
  'minor-nonconformity',
  'observation',
  'opportunity',
] as const;
/** The kinds that are nonconformities: each links to an entry of the 10.2 register (AUD4). */
export const NONCONFORMITY_FINDINGS: ReadonlySet<string> = new Set([
  'major-nonconformity',
  'minor-nonconformity',
]);

export const AIMS_AUDITS: RegisterSpec = {
  id: 'aimsAudits',
  clause: '9.2',
  title: 'Internal audit programme',
  noun: 'audit',
  labelField: 'title',
  maxEntries: 500,
  fields: [
    { kind: 'text', key: 'title', label: 'Audit', max: SHORT, required: true },
    {
      kind: 'ids',
      key: 'requirements',
      label: 'Clauses and controls audited',
      of: 'requirements',
      max: 100,
    },
    { kind: 'ids', key: 'systemIds', label: 'Systems audited', of: 'records', max: 200 },
    { kind: 'ids', key: 'areaRoleIds', label: 'Areas audited (roles)', of: 'roles', max: 100 },
    {
      kind: 'text',
      key: 'criteria',
      label: 'Audit criteria',
      max: LONG,
      required: true,
      long: true,
    },
    { kind: 'text', key: 'auditor', label: 'Auditor', max: SHORT, required: true },
    { kind: 'date', key: 'plannedAt', label: 'Planned for' },
    { kind: 'date', key: 'heldAt', label: 'Held on' },
    { kind: 'enum', key: 'status', label: 'Status', values: AUDIT_STATUSES, required: true },
    { kind: 'text', key: 'conclusion', label: 'Conclusion', max: LONG, long: true },
  ],
};

export const AIMS_FINDINGS: RegisterSpec = {
  id: 'aimsFindings',
  clause: '9.2',
  title: 'Audit findings',
  noun: 'finding',
  labelField: 'title',
  maxEntries: 5000,
  fields: [
    { kind: 'text', key: 'title', label: 'Finding', max: SHORT, required: true },
    { kind: 'ids', key: 'auditIds', label: 'Audit', of: 'audits', max: 1 },
    { kind: 'enum', key: 'kind', label: 'Kind', values: FINDING_KINDS, required: true },
    { kind: 'ids', key: 'requirements', label: 'Requirement', of: 'requirements', max: 10 },
    { kind: 'text', key: 'evidence', label: 'Evidence', max: LONG, required: true, long: true },
    { kind: 'date', key: 'foundAt', label: 'Found on' },
    {
      kind: 'ids',
      key: 'nonconformityIds',
      label: 'Nonconformity (10.2)',
      of: 'nonconformities',
      max: 1,
    },
  ],
};
