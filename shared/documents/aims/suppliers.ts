import { builtInCatalog } from '../../catalog/catalog.ts';
import type { AimsEntry } from './entries.ts';
import type { EntryValues } from './fields.ts';
import type { RegisterSpec } from './registers.ts';
import {
  AIMS_SUPPLIER_ANSWERS,
  AIMS_SUPPLIER_QUESTIONS,
  AIMS_SUPPLIERS,
  SUPPLIER_CLAUSES,
  SUPPLIER_DOCUMENTS,
} from './supplier-registers.ts';

/** How many days before its renewal date a supplier file shows "renewal due". */
export const RENEWAL_NOTICE_DAYS = 60;
const DAY = 86_400_000;

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const list = (value: unknown): string[] => (Array.isArray(value) ? (value as string[]) : []);

/**
 * An absolute https address: a host, then an optional path, query or fragment; no spaces nor
 * characters a link never holds (the SoA's evidence links are checked the same way: soa.ts).
 */
const HTTPS_LINK = /^https:\/\/[^\s/?#@<>"`\\{}|^]+(?:[/?#][^\s<>"`\\{}|^]*)?$/i;

/** Whether `link` is an absolute https address (SUP1). */
export const isHttpsLink = (link: string): boolean => HTTPS_LINK.test(link);

/**
 * The supplier rules a writer keeps (docs/management-system.md, "Suppliers"):
 * - SUP1 every link of a supplier file or an answer is an absolute https address;
 * - SUP2 a document's date goes with its link: a date received without the document is refused;
 * - SUP3 the renewal date falls after the contract start;
 * - SUP4 a catalog tool id names a tool of the built-in catalog;
 * - SUP5 an answer belongs to exactly one supplier file and one question of the questionnaire.
 */
export function checkSupplierRules(
  register: RegisterSpec,
  values: EntryValues,
  entries: (register: RegisterSpec) => readonly AimsEntry[],
): void {
  if (register.id === AIMS_SUPPLIER_ANSWERS.id) {
    const evidence = text(values.evidenceLink);
    if (evidence !== '' && !isHttpsLink(evidence)) {
      throw new RangeError('Evidence (link) must be an https address');
    }
    const has = (target: RegisterSpec, ids: string[]) =>
      ids.length === 1 && entries(target).some((entry) => entry.id === ids[0]);
    if (!has(AIMS_SUPPLIERS, list(values.supplierIds))) {
      throw new RangeError('an answer belongs to one supplier file');
    }
    if (!has(AIMS_SUPPLIER_QUESTIONS, list(values.questionIds))) {
      throw new RangeError('an answer answers one question of the questionnaire');
    }
    return;
  }
  if (register.id !== AIMS_SUPPLIERS.id) return;
  for (const { link, date, label } of SUPPLIER_DOCUMENTS) {
    const address = text(values[link]);
    if (address !== '' && !isHttpsLink(address)) {
      throw new RangeError(`${label} (link) must be an https address`);
    }
    if (address === '' && values[date] !== undefined) {
      throw new RangeError(`${label}: a date goes with its link`);
    }
  }
  const { contractStart, renewalDate } = values;
  if (
    typeof contractStart === 'number' &&
    typeof renewalDate === 'number' &&
    renewalDate <= contractStart
  ) {
    throw new RangeError('the renewal date falls after the contract start');
  }
  const toolId = text(values.toolId);
  if (toolId !== '' && !builtInCatalog().some((tool) => tool.id === toolId)) {
    throw new RangeError(`${toolId.slice(0, 80)} is not a tool of the catalog`);
  }
}

/**
 * Whether a supplier's renewal is due at `now`: its renewal day (stored as that day's first
 * millisecond, UTC) is at most RENEWAL_NOTICE_DAYS away, or has passed.
 */
export function isRenewalDue(values: EntryValues, now: number): boolean {
  return (
    typeof values.renewalDate === 'number' && values.renewalDate <= now + RENEWAL_NOTICE_DAYS * DAY
  );
}

/** The contract clauses a supplier file does not show present (absent, unknown or not said). */
export function missingClauses(values: EntryValues): string[] {
  return SUPPLIER_CLAUSES.filter(({ key }) => values[`clause_${key}`] !== 'present').map(
    ({ label }) => label,
  );
}

/** The supplier files that name a record among the records that use them. */
export function suppliersOfRecord(suppliers: readonly AimsEntry[], recordId: string): AimsEntry[] {
  return suppliers.filter((supplier) => list(supplier.values.recordIds).includes(recordId));
}

/** A supplier's answers, by question id (the first answer read wins when two were written). */
export function answersOf(
  answers: readonly AimsEntry[],
  supplierId: string,
): Map<string, AimsEntry> {
  const byQuestion = new Map<string, AimsEntry>();
  for (const answer of answers) {
    if (list(answer.values.supplierIds)[0] !== supplierId) continue;
    const question = list(answer.values.questionIds)[0];
    if (question !== undefined && !byQuestion.has(question)) byQuestion.set(question, answer);
  }
  return byQuestion;
}
