// The demo organisation's supplier files (ISO/IEC 42001 A.10): OpenAI, whose contract shows every
// clause, and HireVue, the provider of the high-risk screening pilot (EU AI Act Annex III point
// 4(a)), whose contract has no audit-rights clause and renews in three weeks. The OpenAI links are
// its public policy pages; HireVue's documents sit on the organisation's fictional contract store
// (`.example` never resolves). Fictional like the rest (organisation.ts).
import type * as Y from 'yjs';
import {
  AIMS_SUPPLIER_ANSWERS,
  AIMS_SUPPLIER_QUESTIONS,
  AIMS_SUPPLIERS,
  saveAimsEntry,
  type EntryValues,
  type RegisterSpec,
} from '../../shared/documents/aims/index.ts';
import { PEOPLE } from './organisation.ts';

const DAY_MS = 86_400_000;

/** Whole days before `now` (negative: after), as the first millisecond of that UTC day. */
const dayOf = (now: number, daysAgo: number) => {
  const at = now - daysAgo * DAY_MS;
  return at - (at % DAY_MS);
};

const CONTRACTS = 'https://contracts.northwind.example';

function entries(now: number): Array<[RegisterSpec, string, EntryValues]> {
  const day = (daysAgo: number) => dayOf(now, daysAgo);
  return [
    [
      AIMS_SUPPLIER_QUESTIONS,
      'q-training',
      {
        title: 'Is our content used to train or improve your models, on the plan we buy?',
        guidance: 'A clause or a page of the vendor that says so for our plan, not the free one',
      },
    ],
    [
      AIMS_SUPPLIER_QUESTIONS,
      'q-incidents',
      {
        title: 'How soon do you tell us of a serious incident or a malfunction?',
        guidance: 'Within the time our Art. 26(5) and Art. 73 duties leave us to act',
      },
    ],
    [
      AIMS_SUPPLIER_QUESTIONS,
      'q-subprocessors',
      { title: 'Which sub-processors see our data, and where?' },
    ],
    [
      AIMS_SUPPLIERS,
      'sup-openai',
      {
        title: 'OpenAI',
        toolId: 'openai-chatgpt',
        recordIds: ['chatgpt-enterprise', 'support-reply-drafts'],
        owner: PEOPLE.ciso,
        contractStart: day(300),
        renewalDate: day(-65),
        clause_dataUse: 'present',
        clause_dataUseNote:
          'Business data is not used for training: https://openai.com/policies/data-processing-addendum/',
        clause_retention: 'present',
        clause_subProcessors: 'present',
        clause_subProcessorsNote: 'Sub-processor list published; 30 days’ notice of changes',
        clause_auditRights: 'present',
        clause_auditRightsNote: 'Through third-party audit reports (SOC 2 Type 2)',
        clause_incidentNotice: 'present',
        clause_liability: 'present',
        instructionsLink: 'https://openai.com/policies/usage-policies/',
        instructionsReceived: day(300),
        ceMarking: 'not-applicable',
        notes:
          'General-purpose AI for drafting, no high-risk use: Art. 13 information not applicable.',
      },
    ],
    [
      AIMS_SUPPLIERS,
      'sup-hirevue',
      {
        title: 'HireVue',
        toolId: 'hirevue',
        recordIds: ['candidate-screening'],
        owner: PEOPLE.hr,
        contractStart: day(345),
        renewalDate: day(-20),
        clause_dataUse: 'present',
        clause_retention: 'present',
        clause_retentionNote: 'Candidate videos deleted 12 months after the hiring decision',
        clause_subProcessors: 'unknown',
        clause_subProcessorsNote: 'List requested, not received',
        clause_auditRights: 'absent',
        clause_auditRightsNote: 'No audit right in the 2026 order form: negotiate at renewal',
        clause_incidentNotice: 'present',
        clause_liability: 'present',
        instructionsLink: `${CONTRACTS}/hirevue/instructions-for-use-2026.pdf`,
        instructionsReceived: day(120),
        conformityLink: `${CONTRACTS}/hirevue/eu-declaration-of-conformity.pdf`,
        conformityDate: day(60),
        ceMarking: 'unknown',
        notes: 'Provider of a high-risk system (Annex III 4(a)): EU database number requested.',
      },
    ],
    [
      AIMS_SUPPLIER_ANSWERS,
      'ans-openai-training',
      {
        supplierIds: ['sup-openai'],
        questionIds: ['q-training'],
        answer: 'No: business offerings such as ChatGPT Enterprise and the API are not trained on.',
        answeredAt: day(290),
        evidenceLink:
          'https://help.openai.com/en/articles/5722486-how-your-data-is-used-to-improve-model-performance',
      },
    ],
    [
      AIMS_SUPPLIER_ANSWERS,
      'ans-hirevue-incidents',
      {
        supplierIds: ['sup-hirevue'],
        questionIds: ['q-incidents'],
        answer: 'Within 72 hours of confirming an incident affecting our candidates.',
        answeredAt: day(100),
      },
    ],
  ];
}

/** Writes the supplier files into the registry (after the records they name). */
export function writeDemoSuppliers(doc: Y.Doc, now: number): void {
  for (const [register, id, values] of entries(now)) {
    saveAimsEntry(doc, register, id, values, PEOPLE.ciso, now - 10 * DAY_MS);
  }
}
