// The management system of the demo organisation (ISO/IEC 42001 clauses 4–10): one realistic
// example in every register, from the scope to an approved management review, so a lead can walk
// the path from gap to review. Fictional like the rest (organisation.ts); the requirements quoted
// are the EU AI Act's (Regulation (EU) 2024/1689) and GDPR's articles, by number.
import type * as Y from 'yjs';
import {
  AIMS_NONCONFORMITIES,
  AIMS_REVIEW_ACTIONS,
  AIMS_REVIEWS,
  approveManagementReview,
  approvePolicyVersion,
  readAiPolicy,
  saveAimsEntry,
  savePolicyDraft,
} from '../../shared/documents/aims/index.ts';
import { publishAiPolicy } from '../../shared/documents/policy/ai-policy.ts';
import { addPerson } from '../../shared/documents/registry/index.ts';
import { auditEntries } from './aims/audit-entries.ts';
import { contextEntries } from './aims/context-entries.ts';
import { CEO, DAY_MS, dayOf } from './aims/entry.ts';
import { supportEntries } from './aims/support-entries.ts';
import { PEOPLE } from './organisation.ts';
import { writeDemoSuppliers } from './seed-suppliers.ts';

/** Every register's entries, in the order they are saved (clauses 4–5, 6–7, 9.2). */
const entries = (now: number) => [
  ...contextEntries(now),
  ...supportEntries(now),
  ...auditEntries(now),
];

/** Writes the management system into the registry (after the records and risks it links to). */
export function writeDemoAims(doc: Y.Doc, now: number): void {
  for (const name of [CEO, ...Object.values(PEOPLE)]) {
    addPerson(doc, name, { from: 'added', by: PEOPLE.ciso, at: now - 60 * DAY_MS });
  }
  for (const [register, id, daysAgo, values] of entries(now)) {
    saveAimsEntry(doc, register, id, values, PEOPLE.ciso, now - daysAgo * DAY_MS);
  }
  // The finding raised its nonconformity (AUD4); the HR lead plans the corrective action.
  saveAimsEntry(
    doc,
    AIMS_NONCONFORMITIES,
    'nc-finding-hr-training',
    {
      title: 'The screening pilot’s overseer has no valid AI-literacy training',
      source: 'internal-audit',
      foundAt: dayOf(now, 12),
      correction: 'Overseer re-enrolled; a second trained recruiter reviews shortlists meanwhile',
      rootCause: 'Training expiry was not tracked for people named for oversight',
      action: 'Track expiry in the training register; remind 30 days before',
      owner: PEOPLE.hr,
      dueDate: dayOf(now, 2),
      status: 'action-planned',
    },
    PEOPLE.hr,
    now - 11 * DAY_MS,
  );
  savePolicyDraft(
    doc,
    'policy-v1',
    {
      title: 'Northwind AI acceptable-use policy',
      summary:
        'Use only approved AI tools for company work; never paste customer or candidate data into others. Decisions about people always get a human review.',
      link: 'https://wiki.northwind.example/policies/ai',
    },
    PEOPLE.ciso,
    now - 50 * DAY_MS,
  );
  approvePolicyVersion(doc, 'policy-v1', CEO, now - 48 * DAY_MS);
  saveAimsEntry(
    doc,
    AIMS_REVIEWS,
    'review-2026-h2',
    {
      title: 'Management review, second half of 2026',
      heldAt: dayOf(now, 5),
      attendees: [CEO, PEOPLE.ciso, PEOPLE.hr, PEOPLE.legal],
      decisions:
        'Keep the screening pilot under human review of every shortlist; fund AI-literacy refreshers for all HR and Support staff',
      improvements: 'Reuse the HR oversight checklist for Support reply drafts',
      changes: 'Add the works council to the consultation step before new HR AI systems',
    },
    PEOPLE.ciso,
    now - 5 * DAY_MS,
  );
  approveManagementReview(doc, 'review-2026-h2', CEO, now - 4 * DAY_MS);
  saveAimsEntry(
    doc,
    AIMS_REVIEW_ACTIONS,
    'action-refreshers',
    {
      title: 'AI-literacy refreshers for HR and Support',
      reviewIds: ['review-2026-h2'],
      owner: PEOPLE.hr,
      dueDate: dayOf(now, -60),
      status: 'in-progress',
    },
    PEOPLE.ciso,
    now - 4 * DAY_MS,
  );
  saveAimsEntry(
    doc,
    AIMS_REVIEWS,
    'review-2027-h1',
    { title: 'Management review, first half of 2027', attendees: [CEO, PEOPLE.ciso] },
    PEOPLE.ciso,
    now - 1 * DAY_MS,
  );
  writeDemoSuppliers(doc, now);
}

/**
 * The approved AI policy published to the policy document, as the lead's PWA does on approval
 * (docs/management-system.md, 5.2): the extensions show it and employees acknowledge it. Reads
 * the current version through the register's own reader; none approved, nothing published.
 */
export function publishDemoPolicy(policy: Y.Doc, registry: Y.Doc): void {
  const current = readAiPolicy(registry).current;
  if (current?.number === undefined || current.approvedAt === undefined) return;
  const { id, number, title, summary, link, approvedAt } = current;
  publishAiPolicy(
    policy,
    { versionId: id, number, title, summary, link, approvedAt },
    PEOPLE.ciso,
    approvedAt,
  );
}
