import { isAnnexAControlId } from './annex-a.ts';

/**
 * ISO/IEC 42001:2023 clauses 4 to 10, the management-system requirements an auditor checks first,
 * at the depth the product tracks them. Only the numbers and titles are kept (the standard's table
 * of contents, shown in ISO's Online Browsing Platform preview,
 * https://www.iso.org/obp/ui/en/#iso:std:iso-iec:42001:ed-1:v1:en, read 2026-12-07); the standard's
 * text is copyrighted.
 */
export interface AimsClause {
  /** `4.1` … `10.2`. */
  id: string;
  title: string;
}

export const AIMS_CLAUSES: readonly AimsClause[] = [
  { id: '4.1', title: 'Understanding the organization and its context' },
  { id: '4.2', title: 'Understanding the needs and expectations of interested parties' },
  { id: '4.3', title: 'Determining the scope of the AI management system' },
  { id: '4.4', title: 'AI management system' },
  { id: '5.1', title: 'Leadership and commitment' },
  { id: '5.2', title: 'AI policy' },
  { id: '5.3', title: 'Roles, responsibilities and authorities' },
  { id: '6.1.1', title: 'Actions to address risks and opportunities: general' },
  { id: '6.1.2', title: 'AI risk assessment' },
  { id: '6.1.3', title: 'AI risk treatment' },
  { id: '6.1.4', title: 'AI system impact assessment' },
  { id: '6.2', title: 'AI objectives and planning to achieve them' },
  { id: '6.3', title: 'Planning of changes' },
  { id: '7.1', title: 'Resources' },
  { id: '7.2', title: 'Competence' },
  { id: '7.3', title: 'Awareness' },
  { id: '7.4', title: 'Communication' },
  { id: '7.5', title: 'Documented information' },
  { id: '8.1', title: 'Operational planning and control' },
  { id: '8.2', title: 'AI risk assessment' },
  { id: '8.3', title: 'AI risk treatment' },
  { id: '8.4', title: 'AI system impact assessment' },
  { id: '9.1', title: 'Monitoring, measurement, analysis and evaluation' },
  { id: '9.2', title: 'Internal audit' },
  { id: '9.3', title: 'Management review' },
  { id: '10.1', title: 'Continual improvement' },
  { id: '10.2', title: 'Nonconformity and corrective action' },
];

const CLAUSE_IDS = new Set(AIMS_CLAUSES.map((clause) => clause.id));

export function isAimsClauseId(value: unknown): value is string {
  return typeof value === 'string' && CLAUSE_IDS.has(value);
}

/** A requirement an audit or a gap analysis can name: a clause (`9.2`) or an Annex A control. */
export function isRequirementRef(value: unknown): value is string {
  return isAimsClauseId(value) || isAnnexAControlId(value);
}
