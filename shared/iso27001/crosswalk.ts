import { ANNEX_A_CONTROLS } from '../iso42001/index.ts';
import { AIMS_CLAUSES } from '../iso42001/clauses.ts';

/**
 * The crosswalk ISO/IEC 42001:2023 → ISO/IEC 27001:2022, as data (docs/management-system.md,
 * rules X27-1…X27-5): for every management-system clause (4–10) and every Annex A control of
 * 42001, the 27001 clauses and controls an ISMS already runs that the AIMS can build on, how
 * (`reuse`: the ISMS process or document serves as is, with the AI scope added; `extend`: it is
 * the starting point, AI content must be written; `new`: 27001 has nothing to build on), why (our
 * own words — numbers and titles only from the standards, whose text is copyrighted), the
 * source, and the day the mapping was made.
 */

export const CROSSWALK_DATE = '2026-12-07';

export const CROSSWALK_SOURCES = {
  hs: {
    label:
      'ISO/IEC Directives Part 1, Consolidated ISO Supplement, Annex SL Appendix 2 (harmonized structure for management system standards), which both standards follow: same clause numbers and titles for 4–10',
    url: 'https://www.iso.org/sites/directives/current/consolidated/index.xhtml',
  },
  own: {
    label:
      'Sightline’s own mapping of control titles and purposes (this file), cross-checked against the public crosswalks below',
    url: '',
  },
  toolkit: {
    label:
      'Ankit-Uniyal/iso-42001-ai-governance-toolkit, 11-CONTROLS-MAPPING.md (ISO 27001 column; it numbers some 42001 controls differently from the published standard, so used to cross-check only)',
    url: 'https://github.com/Ankit-Uniyal/iso-42001-ai-governance-toolkit/blob/main/11-CONTROLS-MAPPING.md',
  },
  elevate: {
    label: 'Elevate Consult, “ISO 42001 vs ISO 27001 Annex A: Overlap & Gaps”',
    url: 'https://elevateconsult.com/insights/iso-42001-vs-iso-27001-annex-a-overlap-gaps/',
  },
} as const;
export type CrosswalkSource = keyof typeof CROSSWALK_SOURCES;

export const RELATIONS = ['reuse', 'extend', 'new'] as const;
export type Relation = (typeof RELATIONS)[number];

export interface CrosswalkRow {
  /** The ISO/IEC 42001 clause (`9.2`) or Annex A control (`A.6.2.8`). */
  iso42001: string;
  /** ISO/IEC 27001:2022 clauses (`9.2`) and Annex A controls (`A.5.35`); empty for `new`. */
  iso27001: readonly string[];
  relation: Relation;
  rationale: string;
  sources: readonly CrosswalkSource[];
  date: string;
}

type Row = [string, readonly string[], Relation, string, ...CrosswalkSource[]];

const SAME = 'Same harmonized-structure clause in both standards';
const SAME_TOPIC = 'Same topic in both standards (27001 numbers the risk clauses alike)';
const ROWS: readonly Row[] = [
  // Clauses 4–10: same number and title in both (harmonized structure).
  [
    '4.1',
    ['4.1'],
    'extend',
    `${SAME}; the ISMS context analysis is the start, AI issues (intended purposes, the organisation's role as provider or deployer, AI law) are added.`,
    'hs',
  ],
  [
    '4.2',
    ['4.2'],
    'extend',
    `${SAME}; the ISMS list of interested parties is reused, people affected by AI systems and AI regulators are added.`,
    'hs',
  ],
  [
    '4.3',
    ['4.3'],
    'extend',
    `${SAME}; the scoping method and boundaries are reused, the AI systems in and out of scope are new.`,
    'hs',
  ],
  [
    '4.4',
    ['4.4'],
    'reuse',
    `${SAME}; an integrated management system runs both under one frame.`,
    'hs',
  ],
  [
    '5.1',
    ['5.1'],
    'reuse',
    `${SAME}; top management's commitment mechanisms (mandate, budget, reviews) serve both.`,
    'hs',
  ],
  [
    '5.2',
    ['5.2', 'A.5.1'],
    'extend',
    `${SAME}; the policy framework, approval and publication are reused, the AI policy's content is new.`,
    'hs',
  ],
  [
    '5.3',
    ['5.3', 'A.5.2'],
    'extend',
    `${SAME}; the way roles are assigned and recorded is reused, AI roles (system owners, oversight persons) are added.`,
    'hs',
  ],
  [
    '6.1.1',
    ['6.1.1'],
    'extend',
    `${SAME}; the risks-and-opportunities process is reused with AI risk criteria.`,
    'hs',
  ],
  [
    '6.1.2',
    ['6.1.2', '8.2'],
    'extend',
    `${SAME_TOPIC}; the ISMS risk method (criteria, likelihood × impact, owners) is reused, AI risk sources and consequences for individuals and society are added.`,
    'hs',
  ],
  [
    '6.1.3',
    ['6.1.3', '8.3'],
    'extend',
    `${SAME_TOPIC}; risk treatment and the Statement of Applicability process are reused, compared against 42001 Annex A instead of 27001 Annex A.`,
    'hs',
  ],
  [
    '6.1.4',
    [],
    'new',
    'An impact assessment on individuals, groups and societies has no ISO/IEC 27001 counterpart (a privacy impact assessment is the nearest, outside 27001).',
    'hs',
  ],
  [
    '6.2',
    ['6.2'],
    'extend',
    `${SAME}; the objectives process (measure, owner, due date) is reused, AI objectives are new.`,
    'hs',
  ],
  [
    '6.3',
    ['6.3'],
    'reuse',
    `${SAME}; the change-planning process serves AIMS changes as is.`,
    'hs',
  ],
  ['7.1', ['7.1'], 'reuse', `${SAME}; resource planning serves both.`, 'hs'],
  [
    '7.2',
    ['7.2', 'A.6.3'],
    'extend',
    `${SAME}; competence and training records are reused, AI competences are added.`,
    'hs',
  ],
  [
    '7.3',
    ['7.3', 'A.6.3'],
    'extend',
    `${SAME}; the awareness programme is reused, the AI policy and AI literacy are added.`,
    'hs',
  ],
  [
    '7.4',
    ['7.4'],
    'reuse',
    `${SAME}; the communication plan gains AIMS lines without a new process.`,
    'hs',
  ],
  [
    '7.5',
    ['7.5', 'A.5.37'],
    'reuse',
    `${SAME}; document control (identification, review, approval, retention) serves AIMS documents as is.`,
    'hs',
  ],
  [
    '8.1',
    ['8.1'],
    'extend',
    `${SAME}; operational planning and control is reused, AI life-cycle processes are added.`,
    'hs',
  ],
  [
    '8.2',
    ['8.2'],
    'extend',
    `${SAME_TOPIC}; risk assessments at planned intervals and on change are run as in the ISMS, on AI risks.`,
    'hs',
  ],
  [
    '8.3',
    ['8.3'],
    'extend',
    `${SAME_TOPIC}; the risk treatment plan is implemented as in the ISMS, with AI treatments.`,
    'hs',
  ],
  [
    '8.4',
    [],
    'new',
    'Performing AI system impact assessments has no ISO/IEC 27001 counterpart.',
    'hs',
  ],
  [
    '9.1',
    ['9.1'],
    'extend',
    `${SAME}; the measurement process is reused, AI performance and fairness measures are new.`,
    'hs',
  ],
  [
    '9.2',
    ['9.2', 'A.5.35'],
    'reuse',
    `${SAME}; the audit programme, auditor independence and reporting serve the AIMS, its scope widened.`,
    'hs',
  ],
  ['9.3', ['9.3'], 'reuse', `${SAME}; the management review meeting takes the AIMS inputs.`, 'hs'],
  ['10.1', ['10.1'], 'reuse', `${SAME}; continual improvement serves both.`, 'hs'],
  [
    '10.2',
    ['10.2'],
    'reuse',
    `${SAME}; nonconformity and corrective action (root cause, action, effectiveness) serve AIMS findings as is.`,
    'hs',
  ],
  // Annex A of 42001 against Annex A of 27001.
  [
    'A.2.2',
    ['A.5.1'],
    'extend',
    'The information security policy set is where the AI policy is written, approved and published; its AI content is new.',
    'own',
    'toolkit',
  ],
  [
    'A.2.3',
    ['A.5.1', 'A.5.36'],
    'extend',
    'The ISMS policy set is what the AI policy must align with, and the compliance check over policies covers it.',
    'own',
  ],
  [
    'A.2.4',
    ['A.5.1'],
    'reuse',
    'The planned review of policies (interval, owner, approval) serves the AI policy as is.',
    'own',
  ],
  [
    'A.3.2',
    ['A.5.2', 'A.5.4'],
    'extend',
    'Security roles and management responsibilities show how roles are defined and assigned; AI roles are added.',
    'own',
    'toolkit',
  ],
  [
    'A.3.3',
    ['A.6.8'],
    'extend',
    'The event-reporting channel for personnel can take concerns about AI systems.',
    'own',
  ],
  [
    'A.4.2',
    ['A.5.9'],
    'extend',
    'The asset inventory is where resources of AI systems are documented, with AI attributes added.',
    'own',
  ],
  [
    'A.4.3',
    ['A.5.9', 'A.5.12'],
    'extend',
    'Data sets are inventoried and classified as information assets; AI-specific data facts are added.',
    'own',
  ],
  [
    'A.4.4',
    ['A.5.9'],
    'extend',
    'Tools (frameworks, labelling, MLOps) are inventoried as assets.',
    'own',
  ],
  [
    'A.4.5',
    ['A.5.9', 'A.8.6'],
    'extend',
    'Computing resources are inventoried and capacity-managed already.',
    'own',
  ],
  [
    'A.4.6',
    ['A.6.3'],
    'extend',
    'The training programme and its records take AI competences.',
    'own',
  ],
  [
    'A.5.2',
    [],
    'new',
    'No 27001 control assesses impacts of a system on people and society.',
    'own',
  ],
  [
    'A.5.3',
    [],
    'new',
    'Impact assessment documentation has no 27001 counterpart (record protection under A.5.33 covers retention only).',
    'own',
  ],
  [
    'A.5.4',
    ['A.5.34'],
    'extend',
    'Where privacy impact assessments exist for PII, they are a start for impacts on individuals; fairness and other harms are new.',
    'own',
  ],
  ['A.5.5', [], 'new', 'Societal impacts are outside information security.', 'own'],
  [
    'A.6.1.2',
    ['A.8.25'],
    'extend',
    'The secure development life cycle sets objectives for development; responsible-AI objectives are added.',
    'own',
  ],
  [
    'A.6.1.3',
    ['A.8.25', 'A.8.27'],
    'extend',
    'Development processes and engineering principles exist; responsible-AI steps are added.',
    'own',
  ],
  [
    'A.6.2.2',
    ['A.8.26'],
    'extend',
    'Requirements specification exists for security; AI system requirements are added.',
    'own',
  ],
  [
    'A.6.2.3',
    ['A.8.25', 'A.5.37'],
    'extend',
    'Development documentation practices exist; AI design records are added.',
    'own',
  ],
  [
    'A.6.2.4',
    ['A.8.29'],
    'extend',
    'Testing in development and acceptance exists; AI verification and validation (performance, robustness, fairness) is added.',
    'own',
  ],
  [
    'A.6.2.5',
    ['A.8.31', 'A.8.32'],
    'extend',
    'Environment separation and change management govern releases; AI deployment criteria are added.',
    'own',
  ],
  [
    'A.6.2.6',
    ['A.8.16', 'A.8.6'],
    'extend',
    'Monitoring of systems and capacity exists; model performance and drift monitoring are added.',
    'own',
  ],
  [
    'A.6.2.7',
    ['A.5.37'],
    'extend',
    'Documented procedures practice is reused for technical documentation of AI systems.',
    'own',
  ],
  [
    'A.6.2.8',
    ['A.8.15'],
    'extend',
    'Logging infrastructure, protection and retention exist; AI system events are added to what is logged.',
    'own',
  ],
  [
    'A.7.2',
    ['A.5.12', 'A.8.33'],
    'extend',
    'Classification and protection of test information apply to training and test data.',
    'own',
  ],
  [
    'A.7.3',
    ['A.5.19', 'A.5.32', 'A.5.34'],
    'extend',
    'Supplier, intellectual property and PII controls govern data acquisition; fitness for AI use is new.',
    'own',
  ],
  [
    'A.7.4',
    [],
    'new',
    'Data quality for AI (representativeness, accuracy for the purpose) has no 27001 control.',
    'own',
  ],
  ['A.7.5', [], 'new', 'Data provenance for AI has no 27001 control.', 'own'],
  [
    'A.7.6',
    ['A.8.11'],
    'extend',
    'Data masking is one preparation step already controlled; the rest of data preparation is new.',
    'own',
  ],
  [
    'A.8.2',
    [],
    'new',
    'Information for users of an AI system (capabilities, limits, instructions) has no 27001 control.',
    'own',
  ],
  [
    'A.8.3',
    ['A.6.8'],
    'extend',
    'The event-reporting channel is the start of a channel for interested parties to report adverse impacts.',
    'own',
  ],
  [
    'A.8.4',
    ['A.5.24', 'A.5.26'],
    'extend',
    'The incident management plan and response are reused; AI incidents and whom to inform are added.',
    'own',
  ],
  [
    'A.8.5',
    ['A.5.5', 'A.5.31'],
    'extend',
    'Contact with authorities and the register of legal obligations cover reporting duties; AI information duties are added.',
    'own',
  ],
  [
    'A.9.2',
    ['A.5.10'],
    'extend',
    'Acceptable use rules and their process are reused for responsible use of AI systems.',
    'own',
  ],
  [
    'A.9.3',
    [],
    'new',
    'Objectives for responsible use of AI systems have no 27001 control.',
    'own',
  ],
  [
    'A.9.4',
    ['A.5.10'],
    'extend',
    'Acceptable use defines permitted use of assets; the AI system’s intended use is added.',
    'own',
  ],
  [
    'A.10.2',
    ['A.5.19', 'A.5.20'],
    'extend',
    'Supplier relationships and agreements allocate security responsibilities; AI responsibilities are added.',
    'own',
  ],
  [
    'A.10.3',
    ['A.5.19', 'A.5.20', 'A.5.21', 'A.5.22', 'A.5.23'],
    'extend',
    'Supplier due diligence, agreements, ICT supply chain, monitoring and cloud controls are the supplier process; AI questions are added.',
    'own',
  ],
  [
    'A.10.4',
    ['A.5.31'],
    'extend',
    'Contractual requirements towards customers are registered; AI obligations to customers are added.',
    'own',
  ],
];

export const CROSSWALK: readonly CrosswalkRow[] = ROWS.map(
  ([iso42001, iso27001, relation, rationale, ...sources]) => ({
    iso42001,
    iso27001,
    relation,
    rationale,
    sources,
    date: CROSSWALK_DATE,
  }),
);

/** Every requirement the crosswalk covers, in order: clauses 4–10, then Annex A. */
export const AIMS_REQUIREMENTS = [
  ...AIMS_CLAUSES.map((c) => ({ id: c.id, title: c.title, kind: 'clause' as const })),
  ...ANNEX_A_CONTROLS.map((c) => ({ id: c.id, title: c.title, kind: 'annex-a' as const })),
];
