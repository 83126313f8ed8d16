/**
 * ISO/IEC 42001:2023 Annex A: the 38 reference controls in nine groups, A.2 to A.10, as the
 * published standard numbers them (some public tools number them A.5–A.11: that is wrong). Only
 * the clause numbers and control titles are kept; the standard's text is copyrighted.
 */

export interface AnnexAGroup {
  /** `A.2` … `A.10`. */
  id: string;
  title: string;
}

export interface AnnexAControl {
  /** `A.2.2`, `A.6.2.4`, … */
  id: string;
  title: string;
  /** The clause group it belongs to, `A.2` … `A.10`. */
  group: string;
}

export const ANNEX_A_GROUPS = [
  { id: 'A.2', title: 'Policies related to AI' },
  { id: 'A.3', title: 'Internal organization' },
  { id: 'A.4', title: 'Resources for AI systems' },
  { id: 'A.5', title: 'Assessing impacts of AI systems' },
  { id: 'A.6', title: 'AI system life cycle' },
  { id: 'A.7', title: 'Data for AI systems' },
  { id: 'A.8', title: 'Information for interested parties of AI systems' },
  { id: 'A.9', title: 'Use of AI systems' },
  { id: 'A.10', title: 'Third-party and customer relationships' },
] as const satisfies readonly AnnexAGroup[];

export type AnnexAGroupId = (typeof ANNEX_A_GROUPS)[number]['id'];

const control = (id: string, title: string): AnnexAControl => ({
  id,
  title,
  // A.6.2.4 → A.6; A.10.3 → A.10.
  group: id.split('.').slice(0, 2).join('.'),
});

/** In the standard's order. */
export const ANNEX_A_CONTROLS: readonly AnnexAControl[] = [
  control('A.2.2', 'AI policy'),
  control('A.2.3', 'Alignment with other organizational policies'),
  control('A.2.4', 'Review of the AI policy'),
  control('A.3.2', 'AI roles and responsibilities'),
  control('A.3.3', 'Reporting of concerns'),
  control('A.4.2', 'Resource documentation'),
  control('A.4.3', 'Data resources'),
  control('A.4.4', 'Tooling resources'),
  control('A.4.5', 'System and computing resources'),
  control('A.4.6', 'Human resources'),
  control('A.5.2', 'AI system impact assessment process'),
  control('A.5.3', 'Documentation of AI system impact assessments'),
  control('A.5.4', 'Assessing AI system impact on individuals or groups of individuals'),
  control('A.5.5', 'Assessing societal impacts of AI systems'),
  control('A.6.1.2', 'Objectives for responsible development of AI system'),
  control('A.6.1.3', 'Processes for responsible AI system design and development'),
  control('A.6.2.2', 'AI system requirements and specification'),
  control('A.6.2.3', 'Documentation of AI system design and development'),
  control('A.6.2.4', 'AI system verification and validation'),
  control('A.6.2.5', 'AI system deployment'),
  control('A.6.2.6', 'AI system operation and monitoring'),
  control('A.6.2.7', 'AI system technical documentation'),
  control('A.6.2.8', 'AI system recording of event logs'),
  control('A.7.2', 'Data for development and enhancement of AI system'),
  control('A.7.3', 'Acquisition of data'),
  control('A.7.4', 'Quality of data for AI systems'),
  control('A.7.5', 'Data provenance'),
  control('A.7.6', 'Data preparation'),
  control('A.8.2', 'System documentation and information for users'),
  control('A.8.3', 'External reporting'),
  control('A.8.4', 'Communication of incidents'),
  control('A.8.5', 'Information for interested parties'),
  control('A.9.2', 'Processes for responsible use of AI systems'),
  control('A.9.3', 'Objectives for responsible use of AI system'),
  control('A.9.4', 'Intended use of the AI system'),
  control('A.10.2', 'Allocating responsibilities'),
  control('A.10.3', 'Suppliers'),
  control('A.10.4', 'Customers'),
];

const BY_ID = new Map(ANNEX_A_CONTROLS.map((c) => [c.id, c]));

export function isAnnexAControlId(value: unknown): value is string {
  return typeof value === 'string' && BY_ID.has(value);
}

export function annexAControl(id: string): AnnexAControl | undefined {
  return BY_ID.get(id);
}

export function annexAGroup(id: string): AnnexAGroup | undefined {
  return ANNEX_A_GROUPS.find((group) => group.id === id);
}

/** Sorts control ids in the standard's order (A.2.2 before A.10.2), unknown ids last. */
export function byAnnexAOrder(a: string, b: string): number {
  const index = (id: string) => {
    const i = ANNEX_A_CONTROLS.findIndex((c) => c.id === id);
    return i < 0 ? ANNEX_A_CONTROLS.length : i;
  };
  return index(a) - index(b) || (a < b ? -1 : a > b ? 1 : 0);
}
