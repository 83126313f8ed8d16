import type { RegisterSpec } from './registers.ts';

/**
 * Documented information (ISO/IEC 42001 7.5), a register of the registry document:
 *
 *   aimsDocuments  documentId → title, kind, version, owner, link, status, who approved it and
 *                  when, and the day its next review is due
 *
 * document-list.ts adds the documents the product itself controls (the AI policy, the scope).
 */
const SHORT = 200;

export const DOCUMENT_KINDS = ['policy', 'scope', 'procedure', 'plan', 'record', 'other'] as const;
export const DOCUMENT_STATUSES = ['draft', 'approved', 'withdrawn'] as const;

export const AIMS_DOCUMENTS: RegisterSpec = {
  id: 'aimsDocuments',
  clause: '7.5',
  title: 'Documented information',
  noun: 'document',
  labelField: 'title',
  maxEntries: 2000,
  fields: [
    { kind: 'text', key: 'title', label: 'Document', max: SHORT, required: true },
    { kind: 'enum', key: 'kind', label: 'Kind', values: DOCUMENT_KINDS, required: true },
    { kind: 'text', key: 'version', label: 'Version', max: 40 },
    { kind: 'text', key: 'owner', label: 'Owner', max: SHORT },
    { kind: 'text', key: 'link', label: 'Where it is', max: 2000 },
    { kind: 'enum', key: 'status', label: 'Status', values: DOCUMENT_STATUSES, required: true },
    { kind: 'text', key: 'approvedBy', label: 'Approved by', max: SHORT },
    { kind: 'date', key: 'approvedAt', label: 'Approved on' },
    { kind: 'date', key: 'reviewDue', label: 'Next review due' },
  ],
};
