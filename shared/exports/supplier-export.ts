import type * as Y from 'yjs';
import { jsonProvenanceOf, type ExportProvenance } from '../assessments/provenance.ts';
import { PROVENANCE_COLUMNS, stamp } from '../assessments/registers-export.ts';
import { vendorFactsOf } from '../catalog/vendor-facts/vendor-facts.ts';
import {
  AIMS_SUPPLIER_ANSWERS,
  AIMS_SUPPLIER_QUESTIONS,
  AIMS_SUPPLIERS,
  answersOf,
  isRenewalDue,
  missingClauses,
  readAimsRegister,
  valueText,
  type AimsEntry,
} from '../documents/aims/index.ts';
import { readRegistry } from '../documents/registry/index.ts';
import { byCodeUnit } from '../documents/schema/values.ts';
import { csvDocument } from '../inventory/csv.ts';

/**
 * The supplier files (ISO/IEC 42001 A.10; `sightline export --what suppliers`) with the
 * provenance every file of `--what all` carries: one CSV row per supplier (its fields, its
 * records by name, the contract clauses not shown present, whether its renewal is due, how much
 * of the questionnaire it answered), or one JSON document that adds the answers and the catalog's
 * vendor facts, read through vendorFactsOf at export time (never copied into the file's source).
 */

const list = (value: unknown): string[] => (Array.isArray(value) ? (value as string[]) : []);

function read(registry: Y.Doc) {
  const entries = (register: typeof AIMS_SUPPLIERS) =>
    [...readAimsRegister(registry, register).entries].sort((a, b) => byCodeUnit(a.id, b.id));
  const records = readRegistry(registry).records;
  return {
    suppliers: entries(AIMS_SUPPLIERS),
    questions: entries(AIMS_SUPPLIER_QUESTIONS),
    answers: entries(AIMS_SUPPLIER_ANSWERS),
    recordName: (id: string) => records.get(id)?.name ?? '',
  };
}

export function suppliersCsv(registry: Y.Doc, provenance: ExportProvenance): string {
  const { suppliers, questions, answers, recordName } = read(registry);
  const header = ['ID'];
  for (const field of AIMS_SUPPLIERS.fields) {
    header.push(field.label);
    if (field.kind === 'ids') header.push(`${field.label} (names)`);
  }
  header.push(
    'Missing contract clauses',
    'Renewal due',
    'Questions answered',
    'Last changed',
    'Changed by',
    ...PROVENANCE_COLUMNS,
  );
  const rows = suppliers.map((supplier) => {
    const row = [supplier.id];
    for (const field of AIMS_SUPPLIERS.fields) {
      const value = supplier.values[field.key];
      row.push(valueText(field, value));
      if (field.kind === 'ids') row.push(list(value).map(recordName).join('; '));
    }
    const answered = answersOf(answers, supplier.id);
    row.push(
      missingClauses(supplier.values).join('; '),
      isRenewalDue(supplier.values, provenance.exportedAt) ? 'yes' : 'no',
      `${questions.filter((q) => answered.has(q.id)).length} of ${questions.length}`,
      new Date(supplier.updatedAt).toISOString(),
      supplier.updatedBy,
      ...stamp(provenance),
    );
    return row;
  });
  return '\ufeff' + csvDocument([header, ...rows]);
}

function supplierJson(
  supplier: AimsEntry,
  questions: readonly AimsEntry[],
  answers: readonly AimsEntry[],
  recordName: (id: string) => string,
  at: number,
) {
  const values: Record<string, unknown> = {};
  for (const field of AIMS_SUPPLIERS.fields) {
    const value = supplier.values[field.key];
    values[field.key] =
      value === undefined
        ? field.kind === 'ids'
          ? []
          : null
        : field.kind === 'date'
          ? valueText(field, value)
          : value;
  }
  const toolId = typeof supplier.values.toolId === 'string' ? supplier.values.toolId : undefined;
  const answered = answersOf(answers, supplier.id);
  return {
    id: supplier.id,
    ...values,
    records: list(supplier.values.recordIds).map((id) => ({ id, name: recordName(id) })),
    missingClauses: missingClauses(supplier.values),
    renewalDue: isRenewalDue(supplier.values, at),
    questionnaire: questions.map((question) => {
      const answer = answered.get(question.id)?.values;
      return {
        questionId: question.id,
        question: question.values.title,
        answer: answer?.answer ?? null,
        answeredAt:
          typeof answer?.answeredAt === 'number'
            ? new Date(answer.answeredAt).toISOString().slice(0, 10)
            : null,
        evidenceLink: answer?.evidenceLink ?? null,
      };
    }),
    vendorFacts: toolId === undefined ? null : vendorFactsOf(toolId).cells,
    updatedAt: new Date(supplier.updatedAt).toISOString(),
    updatedBy: supplier.updatedBy,
  };
}

export function suppliersJson(registry: Y.Doc, provenance: ExportProvenance): string {
  const { suppliers, questions, answers, recordName } = read(registry);
  const out = {
    exported: jsonProvenanceOf(provenance),
    clause: 'A.10',
    questions: questions.map((q) => ({
      id: q.id,
      question: q.values.title,
      guidance: q.values.guidance ?? null,
    })),
    suppliers: suppliers.map((s) =>
      supplierJson(s, questions, answers, recordName, provenance.exportedAt),
    ),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
