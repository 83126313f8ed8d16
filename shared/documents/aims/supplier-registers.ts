import type { FieldSpec } from './fields.ts';
import type { RegisterSpec } from './registers.ts';

/**
 * Suppliers of AI (ISO/IEC 42001 A.10.2, A.10.3; EU AI Act Art. 13 and Art. 26(1)), three
 * registers of the registry document (docs/management-system.md, "Suppliers", SUP1–SUP5):
 *
 *   aimsSupplierQuestions  questionId → a question of the workspace's supplier questionnaire
 *   aimsSuppliers          supplierId → a supplier file: the catalog tool it is (optional), the
 *                          inventory records that use it, contract clauses, the provider's
 *                          instructions for use and Art. 13 information, conformity and
 *                          registration evidence, contract start and renewal, owner
 *   aimsSupplierAnswers    answerId → one supplier's answer to one question
 *
 * The supplier file names its records (`recordIds`): the one source of truth for "who uses this
 * supplier"; a record's page finds its supplier files by reading them (suppliers.ts).
 */
const LONG = 4000;
const SHORT = 200;
const LINK = 2000;

export const CLAUSE_STATES = ['present', 'absent', 'unknown'] as const;
export const CE_MARKING_STATES = ['present', 'absent', 'unknown', 'not-applicable'] as const;

/** The contract clauses a supplier file checks (A.10.3), by key and label. */
export const SUPPLIER_CLAUSES = [
  { key: 'dataUse', label: 'Data use' },
  { key: 'retention', label: 'Retention' },
  { key: 'subProcessors', label: 'Sub-processors' },
  { key: 'auditRights', label: 'Audit rights' },
  { key: 'incidentNotice', label: 'Incident notification' },
  { key: 'liability', label: 'Liability' },
] as const;

const clauseFields: FieldSpec[] = SUPPLIER_CLAUSES.flatMap(({ key, label }): FieldSpec[] => [
  { kind: 'enum', key: `clause_${key}`, label: `Clause: ${label}`, values: CLAUSE_STATES },
  { kind: 'text', key: `clause_${key}Note`, label: `${label}: note`, max: LONG, long: true },
]);

/** The links of a supplier file and the date that goes with each (SUP1, SUP2). */
export const SUPPLIER_DOCUMENTS = [
  { link: 'instructionsLink', date: 'instructionsReceived', label: 'Instructions for use' },
  { link: 'art13Link', date: 'art13Received', label: 'Art. 13 information' },
  { link: 'conformityLink', date: 'conformityDate', label: 'EU declaration of conformity' },
  { link: 'euDatabaseLink', date: 'euDatabaseDate', label: 'EU database registration' },
] as const;

export const AIMS_SUPPLIER_QUESTIONS: RegisterSpec = {
  id: 'aimsSupplierQuestions',
  clause: 'A.10.3',
  title: 'Supplier questionnaire',
  noun: 'question',
  labelField: 'title',
  maxEntries: 200,
  fields: [
    { kind: 'text', key: 'title', label: 'Question', max: 1000, required: true },
    { kind: 'text', key: 'guidance', label: 'What a good answer shows', max: LONG, long: true },
  ],
};

export const AIMS_SUPPLIERS: RegisterSpec = {
  id: 'aimsSuppliers',
  clause: 'A.10.3',
  title: 'Suppliers',
  noun: 'supplier file',
  labelField: 'title',
  maxEntries: 1000,
  fields: [
    { kind: 'text', key: 'title', label: 'Supplier', max: SHORT, required: true },
    { kind: 'text', key: 'toolId', label: 'Catalog tool id', max: SHORT },
    {
      kind: 'ids',
      key: 'recordIds',
      label: 'Inventory records that use it',
      of: 'records',
      max: 500,
    },
    { kind: 'text', key: 'owner', label: 'Owner', max: SHORT },
    { kind: 'date', key: 'contractStart', label: 'Contract start' },
    { kind: 'date', key: 'renewalDate', label: 'Renewal date' },
    ...clauseFields,
    ...SUPPLIER_DOCUMENTS.flatMap(({ link, date, label }): FieldSpec[] => [
      { kind: 'text', key: link, label: `${label} (link)`, max: LINK },
      { kind: 'date', key: date, label: `${label} (date)` },
    ]),
    { kind: 'enum', key: 'ceMarking', label: 'CE marking', values: CE_MARKING_STATES },
    { kind: 'text', key: 'euDatabaseNumber', label: 'EU database registration number', max: 100 },
    { kind: 'text', key: 'notes', label: 'Notes', max: LONG, long: true },
  ],
};

export const AIMS_SUPPLIER_ANSWERS: RegisterSpec = {
  id: 'aimsSupplierAnswers',
  clause: 'A.10.3',
  title: 'Questionnaire answers',
  noun: 'answer',
  labelField: 'answer',
  maxEntries: 20000,
  fields: [
    { kind: 'ids', key: 'supplierIds', label: 'Supplier', of: 'suppliers', max: 1 },
    { kind: 'ids', key: 'questionIds', label: 'Question', of: 'supplierQuestions', max: 1 },
    { kind: 'text', key: 'answer', label: 'Answer', max: LONG, required: true, long: true },
    { kind: 'date', key: 'answeredAt', label: 'Answered on' },
    { kind: 'text', key: 'evidenceLink', label: 'Evidence (link)', max: LINK },
  ],
};
