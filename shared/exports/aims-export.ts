import type * as Y from 'yjs';
import {
  AIMS_COMPETENCES,
  AIMS_REGISTERS,
  AIMS_ROLES,
  AIMS_TRAINING,
  CHECKLIST_ITEMS,
  aiPolicyCsv,
  aimsRegisterCsv,
  aimsRegistersJson,
  competenceNeeds,
  documentRegister,
  readAiPolicy,
  readAimsRegister,
  readManagementReviews,
  NO_STAMP,
  type CsvStamp,
  type LinkNames,
} from '../documents/aims/index.ts';
import { jsonProvenanceOf, type ExportProvenance } from '../assessments/provenance.ts';
import { PROVENANCE_COLUMNS, stamp as stampOf } from '../assessments/registers-export.ts';
import { readRegistry, readRiskRegister } from '../documents/registry/index.ts';
import { csvDocument as csv } from '../inventory/csv.ts';

/**
 * The management system's registers as files (`sightline export --what aims`, and the PWA's
 * "Export all as JSON"): one CSV per register plus the AI policy's versions, every AIMS document,
 * the competence needs and the management reviews' approvals; or all of it in one JSON file.
 * Deterministic for one workspace state: no export time inside, unless the caller passes the
 * export's provenance (`sightline export`): then every CSV row ends with it, as in the other
 * exports' files, and the JSON holds it under `exported`.
 */

const day = (time: number | undefined) =>
  time === undefined ? '' : new Date(time).toISOString().slice(0, 10);
const iso = (time: number | undefined) => (time === undefined ? '' : new Date(time).toISOString());

/** Linked ids → names, for the "(names)" columns: records, risks, roles, audits, … */
export function aimsLinkNames(registry: Y.Doc): LinkNames {
  const titled = (register: (typeof AIMS_REGISTERS)[number]) =>
    new Map(
      readAimsRegister(registry, register).entries.map((e) => [
        e.id,
        String(e.values[register.labelField] ?? ''),
      ]),
    );
  const byId = (id: string) => AIMS_REGISTERS.find((r) => r.id === id)!;
  return {
    records: new Map([...readRegistry(registry).records.values()].map((r) => [r.id, r.name])),
    risks: new Map(
      [...readRiskRegister(registry).risks.values()].map((r) => [r.id, r.description]),
    ),
    roles: titled(AIMS_ROLES),
    audits: titled(byId('aimsAudits')),
    nonconformities: titled(byId('aimsNonconformities')),
    reviews: titled(byId('aimsReviews')),
    suppliers: titled(byId('aimsSuppliers')),
    supplierQuestions: titled(byId('aimsSupplierQuestions')),
    requirements: new Map(CHECKLIST_ITEMS.map((item) => [item.ref, item.title])),
  };
}

function computed(registry: Y.Doc, at: number) {
  const entries = (register: (typeof AIMS_REGISTERS)[number]) =>
    readAimsRegister(registry, register).entries;
  return {
    documents: documentRegister(registry),
    needs: competenceNeeds(
      entries(AIMS_COMPETENCES),
      entries(AIMS_ROLES),
      entries(AIMS_TRAINING),
      at,
    ),
    reviews: readManagementReviews(registry).reviews,
  };
}

/** Every register, the policy's versions and the computed views, as one JSON document. */
export function aimsJson(registry: Y.Doc, at: number, provenance?: ExportProvenance): string {
  const base = JSON.parse(
    aimsRegistersJson(
      AIMS_REGISTERS.map((register) => ({
        register,
        entries: readAimsRegister(registry, register).entries,
      })),
      readAiPolicy(registry).versions,
    ),
  ) as Record<string, unknown>;
  const exported = jsonProvenanceOf(provenance);
  const { documents, needs, reviews } = computed(registry, at);
  base.reviewApprovals = reviews.map((r) => ({
    id: r.id,
    state: r.state,
    approvedBy: r.approvedBy ?? null,
    approvedAt: r.approvedAt === undefined ? null : iso(r.approvedAt),
    inputs: r.inputs ?? null,
  }));
  base.documentRegister = documents.map((row) => ({
    ...row,
    approvedAt: row.approvedAt === undefined ? null : day(row.approvedAt),
    reviewDue: row.reviewDue === undefined ? null : day(row.reviewDue),
  }));
  base.competenceNeeds = needs.map((need) => ({
    ...need,
    expiresAt: need.expiresAt === undefined ? null : day(need.expiresAt),
  }));
  return `${JSON.stringify(exported ? { exported, ...base } : base, null, 2)}\n`;
}

export interface AimsFile {
  /** What the file holds, for its name: a register id, `aiPolicy`, `documentRegister`, … */
  what: string;
  text: string;
}

/** One CSV per register, then the AI policy, the document register, needs and review approvals. */
export function aimsCsvFiles(
  registry: Y.Doc,
  at: number,
  provenance?: ExportProvenance,
): AimsFile[] {
  const names = aimsLinkNames(registry);
  const stamp: CsvStamp = provenance
    ? { columns: PROVENANCE_COLUMNS, values: stampOf(provenance) }
    : NO_STAMP;
  const files: AimsFile[] = AIMS_REGISTERS.map((register) => ({
    what: register.id,
    text: aimsRegisterCsv(register, readAimsRegister(registry, register).entries, names, stamp),
  }));
  files.push({ what: 'aimsPolicy', text: aiPolicyCsv(readAiPolicy(registry).versions, stamp) });
  const csvDocument = (rows: readonly (readonly string[])[]) =>
    csv(rows.map((row, index) => [...row, ...(index === 0 ? stamp.columns : stamp.values)]));
  const { documents, needs, reviews } = computed(registry, at);
  files.push({
    what: 'documentRegister',
    text: csvDocument([
      [
        'ID',
        'Document',
        'Kind',
        'Version',
        'Status',
        'Approved by',
        'Approved on',
        'Next review',
        'Link',
        'Held in Sightline',
      ],
      ...documents.map((d) => [
        d.id,
        d.title,
        d.kind,
        d.version,
        d.status,
        d.approvedBy ?? '',
        day(d.approvedAt),
        day(d.reviewDue),
        d.link ?? '',
        d.controlled ? 'yes' : 'no',
      ]),
    ]),
  });
  files.push({
    what: 'competenceNeeds',
    text: csvDocument([
      ['Person', 'Competence', 'Because', 'Course', 'Status', 'Training record', 'Expires on'],
      ...needs.map((n) => [
        n.person,
        n.competence,
        n.because,
        n.course,
        n.status,
        n.trainingId ?? '',
        day(n.expiresAt),
      ]),
    ]),
  });
  files.push({
    what: 'reviewApprovals',
    text: csvDocument([
      ['Review ID', 'Review', 'State', 'Approved by', 'Approved at', 'Inputs as approved (JSON)'],
      ...reviews.map((r) => [
        r.id,
        String(r.values.title),
        r.state,
        r.approvedBy ?? '',
        iso(r.approvedAt),
        r.inputs === undefined ? '' : JSON.stringify(r.inputs),
      ]),
    ]),
  });
  return files;
}
