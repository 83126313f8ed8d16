import type * as Y from 'yjs';
import { readAiPolicy } from './ai-policy.ts';
import { readAimsRegister, type AimsEntry } from './entries.ts';
import type { EntryValues } from './fields.ts';
import { AIMS_SCOPE, type RegisterSpec } from './registers.ts';
import { AIMS_DOCUMENTS } from './document-registers.ts';

/** DOC1 An approved document says who approved it and when. */
export function checkDocumentRules(register: RegisterSpec, values: EntryValues): void {
  if (register.id !== AIMS_DOCUMENTS.id || values.status !== 'approved') return;
  if (values.approvedBy === undefined || values.approvedAt === undefined) {
    throw new RangeError('an approved document says who approved it and when');
  }
}

const DAY = 86_400_000;
/** The AI policy is reviewed at planned intervals (A.2.4); the product plans it yearly. */
export const POLICY_REVIEW_DAYS = 365;

export interface DocumentRow {
  /** `aimsDocuments/<id>`, or the product's own: `aimsPolicy`, `aimsScope`. */
  id: string;
  title: string;
  kind: string;
  version: string;
  status: string;
  approvedBy?: string;
  approvedAt?: number;
  reviewDue?: number;
  /** Where the product holds it (`#/aims/...`), or the link the register gives. */
  link?: string;
  /** Held by the product (not edited in this register). */
  controlled: boolean;
}

/** DOC2 A document's review is due once its due day (UTC) has ended and it is not withdrawn. */
export function isReviewDue(row: DocumentRow, now: number): boolean {
  return row.status !== 'withdrawn' && row.reviewDue !== undefined && row.reviewDue + DAY <= now;
}

function rowOf(entry: AimsEntry): DocumentRow {
  const v = entry.values;
  const row: DocumentRow = {
    id: `${AIMS_DOCUMENTS.id}/${entry.id}`,
    title: String(v.title),
    kind: String(v.kind),
    version: typeof v.version === 'string' ? v.version : '',
    status: String(v.status),
    controlled: false,
  };
  if (typeof v.approvedBy === 'string') row.approvedBy = v.approvedBy;
  if (typeof v.approvedAt === 'number') row.approvedAt = v.approvedAt;
  if (typeof v.reviewDue === 'number') row.reviewDue = v.reviewDue;
  if (typeof v.link === 'string') row.link = v.link;
  return row;
}

/**
 * Every AIMS document: the AI policy's current version and the scope statement as the product
 * holds them, then the register's entries by title. One source for the page and the dashboard.
 */
export function documentRegister(doc: Y.Doc): DocumentRow[] {
  const rows: DocumentRow[] = [];
  const policy = readAiPolicy(doc);
  const current = policy.current;
  if (current !== undefined) {
    const row: DocumentRow = {
      id: 'aimsPolicy',
      title: current.title,
      kind: 'policy',
      version: String(current.number ?? ''),
      status: 'approved',
      link: '#/aims/aimsPolicy',
      controlled: true,
    };
    if (current.approvedBy !== undefined) row.approvedBy = current.approvedBy;
    if (current.approvedAt !== undefined) {
      row.approvedAt = current.approvedAt;
      row.reviewDue = current.approvedAt + POLICY_REVIEW_DAYS * DAY;
    }
    rows.push(row);
  } else if (policy.versions.length > 0) {
    rows.push({
      id: 'aimsPolicy',
      title: policy.versions.at(-1)?.title ?? 'AI policy',
      kind: 'policy',
      version: 'draft',
      status: 'draft',
      link: '#/aims/aimsPolicy',
      controlled: true,
    });
  }
  const scope = readAimsRegister(doc, AIMS_SCOPE).entries[0];
  if (scope !== undefined) {
    rows.push({
      id: AIMS_SCOPE.id,
      title: 'Scope of the AI management system',
      kind: 'scope',
      version: new Date(scope.updatedAt).toISOString().slice(0, 10),
      status: 'draft',
      link: `#/aims/${AIMS_SCOPE.id}`,
      controlled: true,
    });
  }
  const entries = readAimsRegister(doc, AIMS_DOCUMENTS).entries.map(rowOf);
  entries.sort((a, b) => a.title.localeCompare(b.title, 'en') || (a.id < b.id ? -1 : 1));
  return [...rows, ...entries];
}
