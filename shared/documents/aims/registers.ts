import { ANNEX_C_OBJECTIVES } from '../../iso42001/index.ts';
import type { FieldSpec } from './fields.ts';
import { AIMS_AUDITS, AIMS_FINDINGS } from './audit-registers.ts';
import { AIMS_REVIEW_ACTIONS, AIMS_REVIEWS } from './review-registers.ts';
import { AIMS_COMPETENCES, AIMS_TRAINING } from './competence-registers.ts';
import { AIMS_DOCUMENTS } from './document-registers.ts';
import { AIMS_GAPS, AIMS_POLICY_ASSESSMENTS } from './gap-registers.ts';
import {
  AIMS_SUPPLIER_ANSWERS,
  AIMS_SUPPLIER_QUESTIONS,
  AIMS_SUPPLIERS,
} from './supplier-registers.ts';

/**
 * The AI management system's registers (ISO/IEC 42001 clauses 4–6.2 and 10.2), each a top-level
 * map of the registry document (leads and admins write; contributors read):
 *
 *   aimsScope          'aims' → the scope statement and its boundaries (4.3), one entry
 *   aimsScopeItems     itemId → an inventory record or a role, in or out of scope, with a reason
 *   aimsIssues         issueId → an internal or external issue (4.1)
 *   aimsParties        partyId → an interested party, its requirements and their source (4.2)
 *   aimsRoles          roleId → a role, responsibility or committee and its people (5.3)
 *   aimsObjectives     objectiveId → an AI objective (6.2) from Annex C, linked to systems
 *   aimsNonconformities  ncId → a nonconformity and its corrective action (10.2), linked to risks
 *
 * Each entry is a nested map with one key per field (fields.ts) plus updatedBy / updatedAt, so
 * leads editing different entries, or different fields of one entry, never collide. New optional
 * top-level maps: older readers ignore them, so no migration.
 */
export interface RegisterSpec {
  /** The register's id: its top-level map, its route segment, its export's file name. */
  id: string;
  /** The ISO/IEC 42001 clause it holds. */
  clause: string;
  title: string;
  /** One entry, named in words ("an issue"). */
  noun: string;
  /** The field whose text names an entry in lists and confirmations. */
  labelField: string;
  fields: readonly FieldSpec[];
  /** A register with one fixed entry (the scope statement): no adding or removing. */
  singleEntry?: string;
  /** At most this many entries: a writer refuses more. */
  maxEntries: number;
  /** An entry approved (it holds `approvedAt`) is frozen: never edited nor removed. */
  frozenOnApproval?: boolean;
}

const LONG = 4000;
const SHORT = 200;

export const SCOPE_ITEM_KINDS = ['record', 'role', 'other'] as const;
export const ISSUE_KINDS = ['internal', 'external'] as const;
export const PARTY_KINDS = ['internal', 'external'] as const;
export const ROLE_KINDS = ['role', 'committee'] as const;
export const OBJECTIVE_STATUSES = ['planned', 'on-track', 'at-risk', 'achieved', 'missed'] as const;
export const NC_SOURCES = [
  'internal-audit',
  'external-audit',
  'incident',
  'review',
  'other',
] as const;
export const NC_STATUSES = ['open', 'action-planned', 'action-done', 'verified', 'closed'] as const;

export const AIMS_SCOPE: RegisterSpec = {
  id: 'aimsScope',
  clause: '4.3',
  title: 'Scope',
  noun: 'scope statement',
  labelField: 'statement',
  singleEntry: 'aims',
  maxEntries: 1,
  fields: [
    {
      kind: 'text',
      key: 'statement',
      label: 'Scope statement',
      max: LONG,
      required: true,
      long: true,
    },
    { kind: 'text', key: 'boundaries', label: 'Boundaries', max: LONG, long: true },
    {
      kind: 'text',
      key: 'applicability',
      label: 'Interfaces and dependencies',
      max: LONG,
      long: true,
    },
  ],
};

export const AIMS_SCOPE_ITEMS: RegisterSpec = {
  id: 'aimsScopeItems',
  clause: '4.3',
  title: 'In and out of scope',
  noun: 'scope item',
  labelField: 'name',
  maxEntries: 2000,
  fields: [
    { kind: 'enum', key: 'kind', label: 'Kind', values: SCOPE_ITEM_KINDS, required: true },
    { kind: 'text', key: 'name', label: 'Name', max: SHORT, required: true },
    { kind: 'ids', key: 'recordIds', label: 'Inventory records', of: 'records', max: 200 },
    { kind: 'ids', key: 'roleIds', label: 'Roles', of: 'roles', max: 200 },
    { kind: 'flag', key: 'included', label: 'In scope' },
    { kind: 'text', key: 'reason', label: 'Reason', max: LONG, required: true, long: true },
  ],
};

export const AIMS_ISSUES: RegisterSpec = {
  id: 'aimsIssues',
  clause: '4.1',
  title: 'Internal and external issues',
  noun: 'issue',
  labelField: 'title',
  maxEntries: 1000,
  fields: [
    {
      kind: 'enum',
      key: 'kind',
      label: 'Internal or external',
      values: ISSUE_KINDS,
      required: true,
    },
    { kind: 'text', key: 'title', label: 'Issue', max: SHORT, required: true },
    {
      kind: 'text',
      key: 'effect',
      label: 'Effect on the AI management system',
      max: LONG,
      long: true,
    },
    { kind: 'text', key: 'source', label: 'Source', max: SHORT },
    { kind: 'date', key: 'reviewedAt', label: 'Last reviewed' },
  ],
};

export const AIMS_PARTIES: RegisterSpec = {
  id: 'aimsParties',
  clause: '4.2',
  title: 'Interested parties',
  noun: 'interested party',
  labelField: 'name',
  maxEntries: 1000,
  fields: [
    { kind: 'text', key: 'name', label: 'Party', max: SHORT, required: true },
    {
      kind: 'enum',
      key: 'kind',
      label: 'Internal or external',
      values: PARTY_KINDS,
      required: true,
    },
    {
      kind: 'text',
      key: 'requirements',
      label: 'Requirements',
      max: LONG,
      required: true,
      long: true,
    },
    { kind: 'text', key: 'source', label: 'Source of the requirements', max: SHORT },
    { kind: 'flag', key: 'addressed', label: 'Addressed by the AIMS' },
  ],
};

export const AIMS_ROLES: RegisterSpec = {
  id: 'aimsRoles',
  clause: '5.3',
  title: 'Roles, responsibilities and committees',
  noun: 'role',
  labelField: 'title',
  maxEntries: 500,
  fields: [
    { kind: 'text', key: 'title', label: 'Role or committee', max: SHORT, required: true },
    { kind: 'enum', key: 'kind', label: 'Kind', values: ROLE_KINDS, required: true },
    {
      kind: 'text',
      key: 'responsibilities',
      label: 'Responsibilities and authorities',
      max: LONG,
      required: true,
      long: true,
    },
    { kind: 'people', key: 'people', label: 'People', max: 100 },
    // Who may approve the AI policy (5.1, 5.2): the workspace says who its top management is here.
    { kind: 'flag', key: 'topManagement', label: 'Top management' },
  ],
};

export const AIMS_OBJECTIVES: RegisterSpec = {
  id: 'aimsObjectives',
  clause: '6.2',
  title: 'AI objectives',
  noun: 'objective',
  labelField: 'title',
  maxEntries: 500,
  fields: [
    {
      kind: 'enum',
      key: 'annexC',
      label: 'Annex C objective',
      values: ANNEX_C_OBJECTIVES,
      required: true,
    },
    { kind: 'text', key: 'title', label: 'Objective', max: SHORT, required: true },
    { kind: 'text', key: 'measure', label: 'Measure', max: LONG, required: true, long: true },
    { kind: 'text', key: 'target', label: 'Target', max: SHORT, required: true },
    { kind: 'text', key: 'owner', label: 'Owner', max: SHORT },
    { kind: 'date', key: 'dueDate', label: 'Due date' },
    { kind: 'enum', key: 'status', label: 'Status', values: OBJECTIVE_STATUSES, required: true },
    { kind: 'ids', key: 'systemIds', label: 'Systems', of: 'records', max: 200 },
  ],
};

export const AIMS_NONCONFORMITIES: RegisterSpec = {
  id: 'aimsNonconformities',
  clause: '10.2',
  title: 'Nonconformities and corrective actions',
  noun: 'nonconformity',
  labelField: 'title',
  maxEntries: 2000,
  fields: [
    { kind: 'text', key: 'title', label: 'Nonconformity', max: SHORT, required: true },
    { kind: 'enum', key: 'source', label: 'Found by', values: NC_SOURCES, required: true },
    { kind: 'date', key: 'foundAt', label: 'Found on' },
    { kind: 'text', key: 'correction', label: 'Correction', max: LONG, long: true },
    { kind: 'text', key: 'rootCause', label: 'Root cause', max: LONG, long: true },
    { kind: 'text', key: 'action', label: 'Corrective action', max: LONG, long: true },
    { kind: 'text', key: 'owner', label: 'Action owner', max: SHORT },
    { kind: 'date', key: 'dueDate', label: 'Action due' },
    { kind: 'text', key: 'effectiveness', label: 'Effectiveness check', max: LONG, long: true },
    { kind: 'flag', key: 'effective', label: 'Action effective' },
    { kind: 'date', key: 'closedAt', label: 'Closed on' },
    { kind: 'enum', key: 'status', label: 'Status', values: NC_STATUSES, required: true },
    { kind: 'ids', key: 'riskIds', label: 'Risks', of: 'risks', max: 200 },
  ],
};

/** Every register, in clause order: the page's sections, the palette's entries, the exports. */
export const AIMS_REGISTERS = [
  AIMS_GAPS,
  AIMS_POLICY_ASSESSMENTS,
  AIMS_SCOPE,
  AIMS_SCOPE_ITEMS,
  AIMS_ISSUES,
  AIMS_PARTIES,
  AIMS_ROLES,
  AIMS_OBJECTIVES,
  AIMS_COMPETENCES,
  AIMS_TRAINING,
  AIMS_DOCUMENTS,
  AIMS_AUDITS,
  AIMS_FINDINGS,
  AIMS_NONCONFORMITIES,
  AIMS_REVIEWS,
  AIMS_REVIEW_ACTIONS,
  AIMS_SUPPLIER_QUESTIONS,
  AIMS_SUPPLIERS,
  AIMS_SUPPLIER_ANSWERS,
] as const;

export function aimsRegister(id: string): RegisterSpec | undefined {
  return AIMS_REGISTERS.find((register) => register.id === id);
}
