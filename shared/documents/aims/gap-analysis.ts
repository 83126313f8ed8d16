import type * as Y from 'yjs';
import { soaView } from '../../assessments/soa-view.ts';
import { readSoa } from '../registry/soa.ts';
import { readRiskRegister } from '../registry/risks.ts';
import { readAiPolicy } from './ai-policy.ts';
import { CHECKLIST_ITEMS } from './audit-checklist.ts';
import { AIMS_AUDITS } from './audit-registers.ts';
import { AIMS_COMPETENCES, AIMS_TRAINING } from './competence-registers.ts';
import { competenceNeeds } from './competence.ts';
import { documentRegister, isReviewDue } from './document-list.ts';
import { readAimsRegister, type AimsEntry } from './entries.ts';
import type { EntryValues } from './fields.ts';
import { AIMS_GAPS, GAP_STATUSES } from './gap-registers.ts';
import { readManagementReviews } from './management-review.ts';
import {
  AIMS_ISSUES,
  AIMS_NONCONFORMITIES,
  AIMS_OBJECTIVES,
  AIMS_PARTIES,
  AIMS_ROLES,
  AIMS_SCOPE,
  type RegisterSpec,
} from './registers.ts';
import { isActionOverdue } from './rules.ts';

export type GapStatus = (typeof GAP_STATUSES)[number];

export interface GapRow {
  ref: string;
  title: string;
  status: GapStatus;
  /** computed: from what the workspace holds; entered: a lead's gap entry; none: neither yet. */
  source: 'computed' | 'entered' | 'none';
  evidence: string;
  owner?: string;
  dueDate?: number;
  /** The gap entry that gives owner, due date (and, when nothing is computed, the status). */
  entryId?: string;
}

const DAY = 86_400_000;
const YEAR = 365 * DAY;
type Computed = [GapStatus, string] | undefined;

/** GAP1 A gap entry names exactly one requirement. */
export function checkGapRules(register: RegisterSpec, values: EntryValues): void {
  if (register.id !== AIMS_GAPS.id) return;
  if (!Array.isArray(values.requirements) || values.requirements.length !== 1) {
    throw new RangeError('a gap entry names one requirement');
  }
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What the workspace holds for each clause it can speak to, read through the registers' readers. */
function clauseEvidence(doc: Y.Doc, now: number): Map<string, Computed> {
  const entries = (register: RegisterSpec) => readAimsRegister(doc, register).entries;
  const held = (register: RegisterSpec, noun: string): Computed => {
    const n = entries(register).length;
    return n > 0 ? ['met', `${count(n, noun)} in ${register.title}`] : undefined;
  };
  const parties = entries(AIMS_PARTIES);
  const open = parties.filter((p) => p.values.addressed !== true).length;
  const policy = readAiPolicy(doc);
  const top = entries(AIMS_ROLES).filter((r) => r.values.topManagement === true);
  const risks = readRiskRegister(doc).risks.size;
  const soa = readSoa(doc).entries.size;
  const needs = competenceNeeds(
    entries(AIMS_COMPETENCES),
    entries(AIMS_ROLES),
    entries(AIMS_TRAINING),
    now,
  );
  const lacking = needs.filter((n) => n.status === 'expired' || n.status === 'missing').length;
  const documents = documentRegister(doc);
  const due = documents.filter((d) => isReviewDue(d, now)).length;
  const audits = entries(AIMS_AUDITS);
  const recentAudit = audits.some(
    (a) => a.values.status === 'done' && Number(a.values.heldAt ?? 0) + YEAR > now,
  );
  const reviews = readManagementReviews(doc).reviews;
  const recentReview = reviews.some(
    (r) => r.state === 'approved' && (r.approvedAt ?? 0) + YEAR > now,
  );
  const ncs = entries(AIMS_NONCONFORMITIES);
  const overdue = ncs.filter((nc) => isActionOverdue(nc.values, now)).length;
  const risksHeld: Computed =
    risks > 0 ? ['met', `${count(risks, 'risk')} in the risk register`] : undefined;
  return new Map<string, Computed>([
    ['4.1', held(AIMS_ISSUES, 'issue')],
    [
      '4.2',
      parties.length === 0
        ? undefined
        : [
            open > 0 ? 'partial' : 'met',
            `${count(parties.length, 'party', 'parties')}, ${open} not yet addressed`,
          ],
    ],
    ['4.3', entries(AIMS_SCOPE).length > 0 ? ['met', 'Scope statement written'] : undefined],
    [
      '5.1',
      top.length > 0
        ? [
            'partial',
            `Top management named in ${top.map((r) => String(r.values.title)).join(', ')}`,
          ]
        : undefined,
    ],
    [
      '5.2',
      policy.current
        ? [
            'met',
            `AI policy version ${policy.current.number} approved by ${policy.current.approvedBy}`,
          ]
        : policy.versions.length > 0
          ? ['partial', 'AI policy drafted, not approved']
          : undefined,
    ],
    ['5.3', held(AIMS_ROLES, 'role')],
    ['6.1.1', risksHeld],
    ['6.1.2', risksHeld],
    [
      '6.1.3',
      soa === 0
        ? undefined
        : [soa >= 38 ? 'met' : 'partial', `${soa} of 38 Annex A controls decided in the SoA`],
    ],
    ['6.2', held(AIMS_OBJECTIVES, 'objective')],
    [
      '7.2',
      needs.length === 0
        ? undefined
        : [
            lacking > 0 ? 'partial' : 'met',
            `${lacking} of ${count(needs.length, 'competence need')} without valid training`,
          ],
    ],
    [
      '7.5',
      documents.length === 0
        ? undefined
        : [
            due > 0 ? 'partial' : 'met',
            `${count(documents.length, 'document')}, ${due} due for review`,
          ],
    ],
    ['8.3', risksHeld],
    [
      '9.2',
      recentAudit
        ? ['met', 'An internal audit was held within the last 12 months']
        : audits.length > 0
          ? ['partial', `${count(audits.length, 'audit')} planned, none held within 12 months`]
          : undefined,
    ],
    [
      '9.3',
      recentReview
        ? ['met', 'A management review was approved within the last 12 months']
        : reviews.length > 0
          ? ['partial', 'A management review is drafted, none approved within 12 months']
          : undefined,
    ],
    [
      '10.2',
      ncs.length === 0
        ? undefined
        : [
            overdue > 0 ? 'partial' : 'met',
            `${count(ncs.length, 'nonconformity', 'nonconformities')}, ${overdue} with the action overdue`,
          ],
    ],
  ]);
}

/**
 * What the SoA says of a control (6.1.3), as the SoA page shows it (soaView: the risks' controls
 * folded in), is its status in the gap analysis.
 */
function controlEvidence(doc: Y.Doc): Map<string, Computed> {
  const map = new Map<string, Computed>();
  const view = soaView(readSoa(doc), readRiskRegister(doc).risks.values());
  for (const [id, entry] of view.entries) {
    if (!entry.applicable) map.set(id, ['not-applicable', 'Not applicable in the SoA']);
    else {
      const status: GapStatus =
        entry.implementation === 'implemented'
          ? 'met'
          : entry.implementation === 'partial'
            ? 'partial'
            : 'not-started';
      const evidence =
        entry.evidence.length > 0 ? `; ${count(entry.evidence.length, 'evidence link')}` : '';
      map.set(id, [
        status,
        `SoA: applicable, ${entry.implementation.replace('-', ' ')}${evidence}`,
      ]);
    }
  }
  return map;
}

/**
 * The gap analysis: every requirement of clauses 4–10 and Annex A with its status — computed
 * from the workspace where it holds evidence (GAP2: a lead's entry never overrides it), else the
 * lead's gap entry, else not started — with owner and due date from the gap entry.
 */
export function gapAnalysisRows(doc: Y.Doc, now: number): GapRow[] {
  const computed = new Map([...clauseEvidence(doc, now), ...controlEvidence(doc)]);
  const entered = new Map<string, AimsEntry>();
  for (const entry of readAimsRegister(doc, AIMS_GAPS).entries) {
    const ref = (entry.values.requirements as string[] | undefined)?.[0];
    const before = ref === undefined ? undefined : entered.get(ref);
    if (ref !== undefined && (before === undefined || entry.updatedAt >= before.updatedAt)) {
      entered.set(ref, entry);
    }
  }
  return CHECKLIST_ITEMS.map(({ ref, title }) => {
    const found = computed.get(ref);
    const entry = entered.get(ref);
    const row: GapRow = found
      ? { ref, title, status: found[0], source: 'computed', evidence: found[1] }
      : entry
        ? {
            ref,
            title,
            status: entry.values.status as GapStatus,
            source: 'entered',
            evidence: String(entry.values.evidence ?? ''),
          }
        : { ref, title, status: 'not-started', source: 'none', evidence: '' };
    if (entry !== undefined) {
      row.entryId = entry.id;
      if (typeof entry.values.owner === 'string') row.owner = entry.values.owner;
      if (typeof entry.values.dueDate === 'number') row.dueDate = entry.values.dueDate;
    }
    return row;
  });
}

/** Rows per status: the summary the page and the dashboard show. */
export function gapSummary(rows: readonly GapRow[]): Record<GapStatus, number> {
  const summary = Object.fromEntries(GAP_STATUSES.map((s) => [s, 0])) as Record<GapStatus, number>;
  for (const row of rows) summary[row.status]++;
  return summary;
}
