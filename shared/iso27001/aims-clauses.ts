/**
 * ISO/IEC 42001:2023 clauses 4–10 (the harmonized structure it shares with ISO/IEC 27001), by
 * number and title only (/work/shared/reference/iso-42001.md; the text is copyrighted). The
 * crosswalk's list of management-system requirements.
 */
export interface AimsClause {
  id: string;
  title: string;
}

export const AIMS_CLAUSES = [
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
] as const satisfies readonly AimsClause[];
