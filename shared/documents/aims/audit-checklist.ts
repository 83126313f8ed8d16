import { AIMS_CLAUSES, ANNEX_A_CONTROLS } from '../../iso42001/index.ts';
import type { EntryValues } from './fields.ts';

/**
 * An audit's checklist, generated from the requirements it covers (clauses 4–10 and Annex A, the
 * data in shared/iso42001): one item per requirement with what to ask and where the workspace
 * holds evidence for it. Our own words, never the standard's text. An audit that lists no
 * requirement covers them all.
 */
export interface ChecklistItem {
  ref: string;
  title: string;
  ask: string;
  /** Where Sightline holds evidence for it, when it does. */
  evidence?: string;
}

// Clause → [what to ask, where the evidence is in the product (docs/management-system.md)].
const CLAUSE_ASKS: Record<string, [string, string?]> = {
  '4.1': [
    'Are internal and external issues determined and reviewed?',
    'Management system → Internal and external issues',
  ],
  '4.2': [
    'Are interested parties and their requirements known, with sources?',
    'Management system → Interested parties',
  ],
  '4.3': [
    'Is the scope documented, with boundaries and reasons for what is out?',
    'Management system → Scope; In and out of scope',
  ],
  '4.4': ['Is the AIMS established, maintained and improved as a whole?'],
  '5.1': [
    'Does top management show commitment (resources, review, direction)?',
    'Roles marked Top management',
  ],
  '5.2': [
    'Is the AI policy approved by top management, communicated and available?',
    'Management system → AI policy',
  ],
  '5.3': [
    'Are roles and authorities assigned and communicated?',
    'Management system → Roles, responsibilities and committees',
  ],
  '6.1.1': ['Are risks and opportunities of the AIMS determined and planned for?', 'Risk register'],
  '6.1.2': ['Is there a repeatable AI risk assessment with criteria?', 'Risk assessments'],
  '6.1.3': [
    'Is risk treatment chosen and the Statement of Applicability complete?',
    'Statement of Applicability',
  ],
  '6.1.4': ['Are AI system impact assessments done for systems in scope?', 'Impact assessments'],
  '6.2': [
    'Are AI objectives measurable, owned, dated and tracked?',
    'Management system → AI objectives',
  ],
  '6.3': ['Are changes to the AIMS planned?'],
  '7.1': ['Are resources for the AIMS provided?'],
  '7.2': [
    'Is competence defined per role and evidenced by training records?',
    'Management system → Competence and training',
  ],
  '7.3': [
    'Are people aware of the AI policy and their contribution?',
    'AI policy acknowledgements',
  ],
  '7.4': ['Is it decided what is communicated, when and to whom?'],
  '7.5': [
    'Is documented information controlled: versions, approval, review?',
    'Management system → Documented information',
  ],
  '8.1': [
    'Are processes planned and controlled, changes and outsourcing included?',
    'Assessment review cadence',
  ],
  '8.2': [
    'Are AI risk assessments performed at planned intervals and on change?',
    'Risk assessments',
  ],
  '8.3': ['Is the risk treatment plan implemented and its results kept?', 'Risk register'],
  '8.4': [
    'Are impact assessments performed at planned intervals and on change?',
    'Impact assessments',
  ],
  '9.1': [
    'Is the AIMS monitored and evaluated, with methods and results?',
    'Dashboard; monitoring',
  ],
  '9.2': [
    'Is there an audit programme with independent auditors and reported results?',
    'Management system → Internal audit programme',
  ],
  '9.3': [
    'Does top management review the AIMS with every required input?',
    'Management system → Management reviews',
  ],
  '10.1': ['Is the AIMS improved continually?'],
  '10.2': [
    'Are nonconformities corrected, causes found and actions checked for effect?',
    'Management system → Nonconformities and corrective actions',
  ],
};

const CLAUSE_ITEMS: ChecklistItem[] = AIMS_CLAUSES.map(({ id, title }) => {
  const [ask, evidence] = CLAUSE_ASKS[id] ?? ['Is the requirement met, with evidence?'];
  return evidence === undefined ? { ref: id, title, ask } : { ref: id, title, ask, evidence };
});

const CONTROL_ITEMS: ChecklistItem[] = ANNEX_A_CONTROLS.map(({ id, title }) => ({
  ref: id,
  title,
  ask: 'Is the control applicable as the SoA says, implemented, and operating, with evidence?',
  evidence: 'Statement of Applicability',
}));

/** Every checklist item, clauses first in the standard's order, then Annex A. */
export const CHECKLIST_ITEMS: readonly ChecklistItem[] = [...CLAUSE_ITEMS, ...CONTROL_ITEMS];

/** The checklist for an audit (its `requirements`), in the standard's order. */
export function auditChecklist(audit: EntryValues): ChecklistItem[] {
  const refs = Array.isArray(audit.requirements) ? new Set(audit.requirements) : new Set<string>();
  if (refs.size === 0) return [...CHECKLIST_ITEMS];
  return CHECKLIST_ITEMS.filter((item) => refs.has(item.ref));
}
